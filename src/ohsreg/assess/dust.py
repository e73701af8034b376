"""Dust: the silica (矽尘) band from the free-SiO₂ content, and C_TWA of total or respirable dust.

GBZ 2.1-2019 表2, 矽尘 (14808-60-7), PC-TWA in mg/m³ by free-SiO₂ content (verified: machine extraction
of the official PDF):

=====================  ========  ============
free SiO₂              total     respirable
=====================  ========  ============
10 % ≤ SiO₂ ≤ 50 %     1         0.7
50 % < SiO₂ ≤ 80 %     0.7       0.3
SiO₂ > 80 %            0.5       0.2
=====================  ========  ============

Below 10 % free SiO₂ the dust is not 矽尘: judge it against its own entry of 表2 (pass ``limit=`` or
``hazard=``). With ``hazard=`` the band comes from the catalogue's 表2 rows
(:meth:`ohsreg.catalogue.LimitSet.for_free_silica`), with their citation; without it from the table
above (the same values, checked against the catalogue in the tests).

>>> silica_limit(35.0, "respirable").value
0.7
>>> silica_limit(80.0, "total").value, silica_limit(80.01, "total").value
(0.7, 0.5)
>>> r = dust_twa([(0.9, 4), (0.4, 4)], fraction="total", sio2_percent=30)
>>> r.value, r.verdict.name
(0.65, 'COMPLIES')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from ohsreg.assess._base import (
    AppliedLimit,
    AssessmentError,
    conditions_error,
    limit_object,
    number,
    resolve_limit,
)
from ohsreg.assess.twa import TwaAssessment, twa

__all__ = ["SILICA_SOURCE", "dust_twa", "silica_limit"]

SILICA_SOURCE = "GBZ 2.1-2019 表2 矽尘"
EDITION = "GBZ 2.1-2019"
Fraction = Literal["total", "respirable"]

# (upper bound inclusive, total, respirable)
_BANDS = ((50.0, 1.0, 0.7), (80.0, 0.7, 0.3), (100.0, 0.5, 0.2))


def silica_limit(sio2_percent: float, fraction: Fraction = "total") -> AppliedLimit | None:
    """PC-TWA of 矽尘 for a free-SiO₂ content (%); ``None`` below 10 % (not silica dust).

    GBZ 2.1-2019 表2, 矽尘 bands (see the module table).
    """
    pct = number(sio2_percent, "%", "sio2_percent")
    if pct > 100:
        raise AssessmentError(
            "{where} must be at most 100 %, got {value}", rule="assess.value", field="sio2_percent", value=pct
        )
    check_fraction_name(fraction)
    if pct < 10.0:
        return None
    for upper, total, resp in _BANDS:
        if pct <= upper:
            band = "10%≤SiO2≤50%" if upper == 50.0 else ("50%<SiO2≤80%" if upper == 80.0 else "SiO2>80%")
            return AppliedLimit(
                kind="PC-TWA (总尘)" if fraction == "total" else "PC-TWA (呼尘)",
                value=total if fraction == "total" else resp,
                unit="mg/m³",
                source=f"{SILICA_SOURCE} ({band})",
                edition=EDITION,
            )
    raise AssertionError("unreachable")  # pragma: no cover


def dust_twa(
    segments: Iterable[Any],
    *,
    fraction: Fraction = "total",
    sio2_percent: float | None = None,
    limit: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    shift_hours: float = 8.0,
    adjust_long_shift: bool = False,
    below_lod: str = "error",
) -> TwaAssessment:
    """C_TWA of total or respirable dust against PC-TWA.

    With ``sio2_percent`` ≥ 10 the silica band of 表2 gives the limit (from the catalogue when
    ``hazard=`` names 矽尘); otherwise pass ``limit=`` (the dust's own 表2 entry, or a catalogue limit
    exposing ``pc_twa_total`` / ``pc_twa_respirable``) or ``hazard=`` (a dust with one 表2 row).
    """
    applied: Any = limit
    attr = "pc_twa_total" if fraction == "total" else "pc_twa_respirable"
    kind = "PC-TWA (总尘)" if fraction == "total" else "PC-TWA (呼尘)"
    if sio2_percent is not None and limit is None:
        applied = silica_limit(sio2_percent, fraction)
        if applied is not None and hazard is not None:
            row = _silica_row(hazard, number(sio2_percent, "%", "sio2_percent"), edition, as_of)
            applied = resolve_limit(row, kind, attr, "mg/m³", required=False) or applied
        if applied is None:
            raise AssessmentError(
                "free SiO₂ of {value} % is below 10 %: not silica dust",
                rule="assess.limit_missing",
                field="sio2_percent",
                hint="pass the dust's own limit with limit=",
                value=sio2_percent,
            )
    elif limit is not None or hazard is not None:
        if limit is None:
            limit = limit_object(hazard, attr, edition=edition, as_of=as_of, condition=condition)
            if _silica_bands(limit) and not hasattr(limit, attr):
                raise bands_error(limit, hazard)
            rows = getattr(limit, "dust_rows", None)
            if isinstance(rows, tuple) and len(rows) > 1 and not hasattr(limit, attr):
                raise conditions_error(limit, hazard)
        found = resolve_limit(
            limit,
            kind,
            attr,
            "mg/m³",
            required=False,
        )
        applied = found if found is not None else limit
    return twa(
        segments,
        limit=applied,
        shift_hours=shift_hours,
        adjust_long_shift=adjust_long_shift,
        below_lod=below_lod,
    )


def check_fraction_name(fraction: Any) -> None:
    """``assess.value`` unless ``fraction`` is ``"total"`` or ``"respirable"`` (the 表2 columns)."""
    if fraction not in ("total", "respirable"):
        raise AssessmentError(
            "{where} must be 'total' or 'respirable', got {value!r}",
            rule="assess.value",
            field="fraction",
            value=fraction,
        )


def bands_error(limit_set: Any, hazard: Any) -> AssessmentError:
    """``assess.limit_missing``: the dust (矽尘) has one limit per free-SiO₂ band and none was picked."""
    return AssessmentError(
        "{hazard} has a limit per free-SiO₂ band: give sio2_percent",
        rule="assess.limit_missing",
        field="sio2_percent",
        hint="pass sio2_percent= (the free SiO₂ content of the dust, %)",
        hazard=getattr(limit_set, "query", str(hazard)),
    )


def _silica_bands(limit_set: Any) -> bool:
    rows = getattr(limit_set, "dust_rows", ())
    return isinstance(rows, tuple) and any(getattr(r, "free_silica", None) is not None for r in rows)


def _silica_row(hazard: Any, pct: float, edition: str | None, as_of: dt.date | None) -> Any:
    """The catalogue 表2 row of ``hazard`` for ``pct`` free SiO₂ (``None`` if the entry has no bands)."""
    found = limit_object(hazard, "pc_twa_total", edition=edition, as_of=as_of)
    if not _silica_bands(found):
        return None
    return found.for_free_silica(pct)
