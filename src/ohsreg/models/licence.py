"""The occupational-health safety licence (职业卫生安全许可证), a pilot licensing scheme.

The pilot is local: a public page (2011) reports Nanjing's work-safety bureau issuing licences to wood
furniture makers under a Jiangsu implementing measure. That a 2012 national plan extends the pilot to
luggage and wood-furniture making is stated in the issue brief but was **not verified**; which
industries a province licenses is therefore an open term (:class:`LicencePilotIndustry` or
``{"custom": ...}``), and no rule here says an employer *must* hold a licence. The record checks its own
dates; :meth:`SafetyLicence.valid_on` says whether it is in force on a date.

>>> import datetime as dt
>>> lic = SafetyLicence(
...     number="苏卫安许（2012）001", holder_uscc="91330523MA2B7QK00K", industry="WOOD_FURNITURE",
...     issued_on=dt.date(2012, 3, 1), expires_on=dt.date(2015, 2, 28),
... )
>>> lic.valid_on(dt.date(2014, 1, 1)), lic.valid_on(dt.date(2016, 1, 1))
(True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import model_validator

from ohsreg.identifiers import USCC
from ohsreg.models.authority import Authority
from ohsreg.models.base import EventDate, Record, Text, require_order
from ohsreg.vocab import LabeledEnum, OpenTerm

__all__ = ["LicencePilotIndustry", "SafetyLicence"]


class LicencePilotIndustry(LabeledEnum):
    """Industries named for the licence pilot (unverified against a national text)."""

    WOOD_FURNITURE = ("WOOD_FURNITURE", "木质家具制造", "wood furniture manufacturing")
    LUGGAGE = ("LUGGAGE", "箱包制造", "luggage manufacturing")


class SafetyLicence(Record):
    """A 职业卫生安全许可证 held by an employer."""

    number: Text
    holder_uscc: USCC
    industry: OpenTerm[LicencePilotIndustry]
    """The pilot industry the licence covers (``LicencePilotIndustry``, or a flagged custom term)."""
    issued_on: EventDate
    expires_on: dt.date
    issuer: Authority | None = None
    revoked_on: EventDate | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        require_order(
            ("issued_on", self.issued_on),
            ("expires_on", self.expires_on),
            "the licence expires ({expires_on}) on or before it is issued ({issued_on})",
            rule="licence.date_order",
            field="expires_on",
            strict=True,
        )
        require_order(
            ("issued_on", self.issued_on),
            ("revoked_on", self.revoked_on),
            "the licence is revoked ({revoked_on}) before it is issued ({issued_on})",
            rule="licence.date_order",
            field="revoked_on",
        )
        return self

    def valid_on(self, as_of: dt.date) -> bool:
        """Issued, not expired and not revoked on ``as_of``."""
        if self.revoked_on is not None and self.revoked_on <= as_of:
            return False
        return self.issued_on <= as_of <= self.expires_on
