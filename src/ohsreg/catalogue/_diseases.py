"""The occupational-disease list in force on a date (职业病分类和目录): :func:`diseases_in_force`.

Part of :mod:`ohsreg.catalogue`, which re-exports the public names.
"""

from __future__ import annotations

import datetime as dt

import ohsreg.instruments as instruments
from ohsreg.catalogue._editions import _not_in_force, _unknown_edition
from ohsreg.catalogue._records import OccupationalDisease
from ohsreg.catalogue._shipped import diseases, diseases_2013
from ohsreg.catalogue._table import Table, check_arg
from ohsreg.errors import EditionError

#: Edition of 职业病分类和目录 behind :data:`diseases`.
DEFAULT_DISEASE_EDITION = "2024"

#: Editions of 职业病分类和目录 shipped: edition name -> id in :mod:`ohsreg.instruments` (the dates).
_DISEASE_EDITIONS = {"2013": "disease catalogue 2013", "2024": "disease catalogue 2024"}


def diseases_in_force(
    as_of: dt.date | None = None, *, edition: str | None = None
) -> Table[OccupationalDisease]:
    """The 职业病分类和目录 table in force on ``as_of`` (or the one named by ``edition``).

    Without arguments: :data:`DEFAULT_DISEASE_EDITION` (``2024``, in force from 2025-08-01). The 2013
    list applies from 2013-12-23 (its issue date; the day of entry into force is not verified) to
    2025-07-31; the table's ``header["edition"]`` says which answered. Dates before 2013-12-23 (the 2002
    list, not shipped) raise :class:`~ohsreg.errors.EditionError` (``catalogue.edition_not_in_force``);
    an unknown ``edition`` raises ``catalogue.unknown_edition``.

    >>> import datetime as dt
    >>> len(diseases_in_force(dt.date(2020, 1, 1))), len(diseases_in_force(dt.date(2025, 8, 1)))
    (132, 135)
    >>> diseases_in_force(edition="2013").get("铀及其化合物中毒").category_zh
    '五、职业性化学中毒'
    """
    check_arg(edition, str, "edition", optional=True)
    check_arg(as_of, dt.date, "as_of", optional=True)
    if edition is not None:
        if edition not in _DISEASE_EDITIONS:
            raise _unknown_edition(
                "occupational-disease list edition {edition!r} is not shipped", edition, _DISEASE_EDITIONS
            )
        if as_of is not None and not instruments.lookup(_DISEASE_EDITIONS[edition]).applies_on(as_of):
            raise _not_in_force(edition, as_of)
    elif as_of is None:
        edition = DEFAULT_DISEASE_EDITION
    else:
        found = [name for name, key in _DISEASE_EDITIONS.items() if instruments.lookup(key).applies_on(as_of)]
        if not found:
            raise EditionError(
                "no shipped occupational-disease list was in force on {as_of}",
                rule="catalogue.edition_not_in_force",
                field="as_of",
                hint="the 2013 list applies from {since}; the 2002 list is not shipped",
                as_of=as_of.isoformat(),
                since=instruments.in_force_date(_DISEASE_EDITIONS["2013"]).isoformat(),
            )
        edition = found[0]
    return diseases_2013 if edition == "2013" else diseases
