"""Mixed exposure (混合接触): substances with additive effects, ``Σ Cᵢ/Lᵢ ≤ 1`` (GBZ 2.1-2019).

Applies to substances acting on the same organ or system or known to be additive; the caller decides
that. The rule is from secondary sources (a public judgement engine citing "GBZ 2.1 3.8"); the clause
number is unverified (searched again in 2026-11: the foreword of GBZ 2.1-2019 is public, the clause
text is not; the result keeps ``verified=False``).

>>> r = mixture([(2.0, 6.0), (40.0, 100.0), (10.0, 50.0)])
>>> round(r.value, 4), r.verdict.name
(0.9333, 'COMPLIES')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import (
    MG_M3,
    AppliedLimit,
    Assessment,
    AssessmentError,
    at_most,
    iterate,
    msg,
    number,
)

__all__ = ["MIXTURE_CLAUSE", "MixtureAssessment", "mixture"]

MIXTURE_CLAUSE = "GBZ 2.1-2019, mixed exposure (clause number unverified)"


@attrs.frozen(kw_only=True)
class MixtureAssessment(Assessment):
    """Result of :func:`mixture`: each component's ratio Cᵢ/Lᵢ."""

    ratios: tuple[float, ...] = ()


def mixture(components: Iterable[Any]) -> MixtureAssessment:
    """Sum of ratios of additive components (GBZ 2.1-2019 mixed exposure; clause number unverified).

    Each component is a ``(concentration, limit)`` pair in the same unit, or an
    :class:`~ohsreg.assess.Assessment` with a value and a limit (its :attr:`ratio` is used), so TWA
    results of several substances combine directly.
    """
    ratios: list[float] = []
    for i, comp in enumerate(iterate(components, "components")):
        if isinstance(comp, Assessment):
            if comp.ratio is None:
                raise AssessmentError(
                    "component {index} has no value or limit to form a ratio",
                    rule="assess.limit_missing",
                    field=f"components[{i}]",
                    index=i,
                )
            ratios.append(comp.ratio)
            continue
        try:
            c, lim = comp
        except (TypeError, ValueError) as exc:
            raise AssessmentError(
                "component {index} must be (concentration, limit)",
                rule="assess.value",
                field=f"components[{i}]",
                index=i,
            ) from exc
        ratios.append(
            number(c, MG_M3, f"components[{i}]")
            / number(lim, MG_M3, f"components[{i}].limit", allow_zero=False)
        )
    if not ratios:
        raise AssessmentError("no components given", rule="assess.empty", field="components")
    total = sum(ratios)
    unity = AppliedLimit(
        kind="Σ C/L", value=1.0, unit="1", source="GBZ 2.1-2019", edition="GBZ 2.1-2019", verified=False
    )
    return MixtureAssessment(
        quantity="Σ C/L",
        value=total,
        unit="1",
        limit=unity,
        verdict=at_most(total, unity),
        clause=MIXTURE_CLAUSE,
        verified=False,
        reasons=(msg("{n} additive components", n=len(ratios)),),
        ratios=tuple(ratios),
    )
