"""The edition errors of the catalogue's look-ups, in one place (the same rule codes and wording for the
exposure limits, the risk directory and the disease list)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ohsreg.errors import EditionError


def _unknown_edition(template: str, edition: str, shipped: Iterable[str]) -> EditionError:
    """``catalogue.unknown_edition``: ``template`` names the list; the hint lists the shipped editions."""
    return EditionError(
        template,
        rule="catalogue.unknown_edition",
        field="edition",
        hint="shipped editions: {editions}",
        edition=edition,
        editions=", ".join(shipped),
    )


def _not_in_force(edition: str, as_of: dt.date) -> EditionError:
    """``catalogue.edition_not_in_force``: the edition asked for was not in force on ``as_of``."""
    return EditionError(
        "{edition} was not in force on {as_of}",
        rule="catalogue.edition_not_in_force",
        field="as_of",
        edition=edition,
        as_of=as_of.isoformat(),
    )
