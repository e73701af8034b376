"""Parsing of timed segments ``(concentration, duration)`` shared by TWA, STEL and heat."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ohsreg.assess._base import AssessmentError, iterate, number
from ohsreg.assess.sampling import NonDetect, substitute


def segments(
    items: Iterable[Any],
    *,
    value_unit: str,
    time_unit: str,
    below_lod: str = "error",
    value_field: str = "concentration",
) -> tuple[tuple[float, float], ...]:
    """Validated ``(value, duration)`` pairs; raises on empty input, NaN, negatives, wrong units."""
    out: list[tuple[float, float]] = []
    for i, item in enumerate(iterate(items, "segments")):
        try:
            raw_value, raw_time = item
        except (TypeError, ValueError) as exc:
            raise AssessmentError(
                "segment {index} must be a ({what}, duration) pair, got {item!r}",
                rule="assess.value",
                field=f"segments[{i}]",
                index=i,
                what=value_field,
                item=item,
            ) from exc
        field = f"segments[{i}].{value_field}"
        if isinstance(raw_value, NonDetect):
            value = substitute(raw_value, below_lod, field)
        else:
            value = number(raw_value, value_unit, field)
        out.append((value, number(raw_time, time_unit, f"segments[{i}].duration")))
    if not out:
        raise AssessmentError(
            "no segments given",
            rule="assess.empty",
            field="segments",
            hint="give at least one (concentration, duration) pair",
        )
    return tuple(out)


_PAST = {
    "working day": "durations sum to {total:.4g} {unit}, past the working day of {cap:.4g} {unit}",
    "15-min window": "durations sum to {total:.4g} {unit}, past the 15-min window",
    "8 h reference day": "{total:.4g} {unit} is past the 8 h reference day",
}


def check_total(total: float, cap: float, unit: str, what: str) -> None:
    """Raise ``assess.duration`` when ``total`` exceeds ``cap`` (``what`` names the period)."""
    if total > cap * (1 + 1e-9):
        raise AssessmentError(
            _PAST[what],
            rule="assess.duration",
            field="segments",
            hint="check the durations or pass the real length of the working day",
            total=total,
            cap=cap,
            unit=unit,
        )
