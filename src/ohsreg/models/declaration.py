"""The occupational-hazard declaration (职业病危害项目申报) an employer files with its authority.

Content follows 《职业病危害项目申报办法》 (安监总局令第48号) Art. 5, verified against a public copy of
the order (ask.fsou.com): the declaration form with (一) the employer's basic data and (二) the kinds of
hazard factors in the workplaces, their distribution and the number of exposed workers. The form of 2012
has two filing types, 初次申报 and 变更申报; the termination (注销, Art. 9) is modelled as a third kind.
The deadlines (Arts. 8–9, verified) live in :mod:`ohsreg.rules.declaration`.

>>> import datetime as dt
>>> d = HazardDeclaration(
...     uscc="91330523MA2B7QK00K", enterprise_name="安吉示例家具有限公司",
...     kind="INITIAL", filed_on=dt.date(2023, 3, 1),
...     items=[{"hazard": "噪声", "distribution": "开料车间", "exposed_workers": 12}],
... )
>>> d.items[0].hazard  # stored as the catalogue key
'P001'
>>> d.missing_hazards(["噪声"]), d.missing_hazards(["噪声", "苯"])
([], ['C028'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from pydantic import model_validator

from ohsreg.identifiers import USCC
from ohsreg.models.authority import Authority
from ohsreg.models.base import Count, EventDate, HazardRef, Record, Text, require_order, rule_error
from ohsreg.rules._catalogue import canonical_hazard
from ohsreg.rules.declaration import DeclarationEvent
from ohsreg.vocab import HazardCategory, LabeledEnum

__all__ = ["DeclarationKind", "DeclaredHazard", "HazardDeclaration"]


class DeclarationKind(LabeledEnum):
    """Kind of filing under 令第48号: first declaration, change declaration, termination (注销)."""

    INITIAL = ("INITIAL", "首次申报", "initial declaration")
    CHANGE = ("CHANGE", "变更申报", "change declaration")
    TERMINATION = ("TERMINATION", "注销申报", "termination")


class DeclaredHazard(Record):
    """One declared hazard factor: its category, where it occurs and how many workers are exposed."""

    hazard: HazardRef
    """The hazard factor (catalogue key or a name the catalogue resolves)."""
    category: HazardCategory | None = None
    distribution: str | None = None
    """Where the factor occurs (workshops, posts), as declared."""
    exposed_workers: Count
    """Number of workers exposed to this factor."""


class HazardDeclaration(Record):
    """One filing of the occupational-hazard declaration.

    A ``CHANGE`` or ``TERMINATION`` filing names the ``event`` that made it due and the date the event
    occurred (or the results were received); the deadline is
    :func:`~ohsreg.rules.declaration.due_date` of the two. Bad input (event after filing,
    missing event for a change, hazards declared twice, no hazards in a non-termination filing) raises a
    ``ValidationError`` with a ``declaration.*`` rule code.
    """

    uscc: USCC
    """统一社会信用代码 (USCC) of the declaring employer."""
    enterprise_name: Text
    kind: DeclarationKind
    filed_on: EventDate
    event: DeclarationEvent | None = None
    event_date: EventDate | None = None
    items: tuple[DeclaredHazard, ...] = ()
    receipt_no: str | None = None
    """Number of the authority's receipt (回执)."""
    authority: Authority | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind is not DeclarationKind.INITIAL and self.event is None:
            raise rule_error(
                "a {kind} declaration must name the event that made it due",
                rule="declaration.event_missing",
                field="event",
                kind=self.kind.code,
            )
        if self.kind is DeclarationKind.TERMINATION and self.event is not DeclarationEvent.TERMINATION:
            raise rule_error(
                "a termination is filed for the event TERMINATION",
                rule="declaration.event_kind",
                field="event",
            )
        if self.event is not None and self.event_date is None:
            raise rule_error(
                "the date of the event is required with the event",
                rule="declaration.event_date_missing",
                field="event_date",
            )
        require_order(
            ("event_date", self.event_date),
            ("filed_on", self.filed_on),
            "the event ({event_date}) cannot be after the filing ({filed_on})",
            rule="declaration.date_order",
            field="event_date",
        )
        if self.kind is not DeclarationKind.TERMINATION and not self.items:
            raise rule_error(
                "a declaration lists at least one hazard factor",
                rule="declaration.items_empty",
                field="items",
            )
        seen: set[str] = set()
        for item in self.items:
            if item.hazard in seen:
                raise rule_error(
                    "hazard {hazard!r} is declared twice",
                    rule="declaration.duplicate_hazard",
                    field="items",
                    hazard=item.hazard,
                )
            seen.add(item.hazard)
        return self

    @property
    def hazards(self) -> frozenset[str]:
        """The declared hazard keys."""
        return frozenset(item.hazard for item in self.items)

    def missing_hazards(self, exposed: Iterable[str]) -> list[str]:
        """The hazards of ``exposed`` (e.g. every hazard of the enterprise's posts) this filing omits,
        in the order given, without duplicates."""
        declared = self.hazards
        out: list[str] = []
        for raw in exposed:
            hazard = canonical_hazard(raw)
            if hazard not in declared and hazard not in out:
                out.append(hazard)
        return out
