"""MAC: the maximum allowable concentration, never to be exceeded at any time (GBZ 2.1-2019).

Every representative sample must be at or below MAC (definition verified on a copy of the GBZ text).

>>> mac([8.0, 12.5, 9.0], limit=20.0).verdict.name
'COMPLIES'
>>> r = mac([8.0, 21.0], limit=20.0)
>>> r.value, r.verdict.name
(21.0, 'EXCEEDS')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import (
    MG_M3,
    Assessment,
    AssessmentError,
    Verdict,
    cited_in,
    iterate,
    msg,
    number,
    resolve_limit,
)
from ohsreg.assess.sampling import NonDetect, substitute

__all__ = ["MAC_CLAUSE", "MacAssessment", "mac"]

MAC_CLAUSE = "GBZ 2.1-2019, MAC"


@attrs.frozen(kw_only=True)
class MacAssessment(Assessment):
    """Result of :func:`mac`: every sample and how many exceeded."""

    samples: tuple[float, ...] = ()
    exceedances: int = 0


def mac(
    concentrations: Iterable[Any] | float,
    *,
    limit: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    below_lod: str = "error",
) -> MacAssessment:
    """Check short samples (mg/m³) against MAC; the value reported is the highest sample (mg/m³).

    GBZ 2.1-2019, MAC (:data:`MAC_CLAUSE`): no sample may exceed it; a sample exactly at MAC complies.
    """
    items = (
        [concentrations]
        if isinstance(concentrations, int | float | str)
        else iterate(concentrations, "concentrations")
    )
    samples = tuple(
        substitute(c, below_lod, f"concentrations[{i}]")
        if isinstance(c, NonDetect)
        else number(c, MG_M3, f"concentrations[{i}]")
        for i, c in enumerate(items)
    )
    if not samples:
        raise AssessmentError("no samples given", rule="assess.empty", field="concentrations")
    applied = resolve_limit(
        limit, "MAC", "mac", MG_M3, hazard=hazard, edition=edition, as_of=as_of, condition=condition
    )
    top = max(samples)
    if applied is None:
        return MacAssessment(
            quantity="C_M",
            value=top,
            unit=MG_M3,
            limit=None,
            verdict=Verdict.NOT_APPLICABLE,
            clause=MAC_CLAUSE,
            reasons=(msg("the substance has no MAC"),),
            samples=samples,
        )
    over = sum(1 for c in samples if c > applied.value)
    return MacAssessment(
        quantity="C_M",
        value=top,
        unit=MG_M3,
        limit=applied,
        verdict=Verdict.EXCEEDS if over else Verdict.COMPLIES,
        clause=cited_in(MAC_CLAUSE, applied.edition),
        verified=applied.verified,
        reasons=(msg("{n} of {total} samples above MAC", n=over, total=len(samples)),) if over else (),
        samples=samples,
        exceedances=over,
    )
