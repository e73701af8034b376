"""Sampling arithmetic: sample volume, standard conditions, concentration from mass, gravimetric dust.

Formulas (plain arithmetic, in the units the standards use):

* sample volume ``V = Q × t`` (L; Q in L/min, t in min) — GBZ 159-2004 (sampling of workplace air).
* volume at standard sampling conditions ``V₀ = V × 293 / (273 + t) × P / 101.3``
  (20 ℃, 101.3 kPa) — GBZ 159-2004 (the 20 ℃/101.3 kPa reference state; secondary sources only,
  see FACTS.md "ppm ↔ mg/m³"); computed by :func:`ohsreg.units.standard_volume`.
* concentration ``C = (m − m_blank) / V₀`` (µg / L = mg/m³) — the GBZ/T 300 series methods.
* gravimetric dust ``C = (m₂ − m₁) / V × 1000`` (mg/m³; filter masses in mg, V in L) —
  GBZ/T 192.1-2007 (total dust) and GBZ/T 192.2-2007 (respirable dust).

Results below the limit of detection / quantitation stay :class:`NonDetect`; the rules that consume
them (:func:`ohsreg.assess.twa`, :func:`ohsreg.assess.stel`, the EN 689 tests) make you choose how to
treat them (``below_lod=``) instead of silently using zero.

>>> v = sample_volume(0.5, 120)           # 0.5 L/min for 2 h
>>> v
60.0
>>> round(standard_volume(v, 25.0, 100.0), 2)
58.24
>>> concentration(35.0, 5.0, 60.0)       # µg, µg, L -> mg/m³
0.5
>>> concentration(1.0, 0.0, 60.0, lod_ug=2.0)
NonDetect(limit=0.0333..., kind='LOD')
>>> round(dust_concentration(25.000, 25.900, 600.0), 6)
1.5
"""

from __future__ import annotations

import attrs

from ohsreg.assess._base import AssessmentError, _to_float, finite, number

__all__ = [
    "NonDetect",
    "concentration",
    "dust_concentration",
    "sample_volume",
    "standard_volume",
    "substitute",
]


@attrs.frozen
class NonDetect:
    """A result below the detection (``LOD``) or quantitation (``LOQ``) limit: ``< limit``.

    ``limit`` is the concentration equivalent of the LOD/LOQ (same unit as the other results).
    """

    limit: float
    kind: str = "LOD"

    def __str__(self) -> str:
        return f"<{self.limit:.4g} ({self.kind})"


def sample_volume(flow_l_min: float, minutes: float) -> float:
    """Sampled air volume in litres: flow rate (L/min) × sampling time (min). GBZ 159-2004."""
    return finite(number(flow_l_min, "L/min", "flow_l_min") * number(minutes, "min", "minutes"), "minutes")


def standard_volume(volume_l: float, temperature_c: float, pressure_kpa: float) -> float:
    """Volume converted to standard sampling conditions (20 ℃, 101.3 kPa). GBZ 159-2004.

    ``V₀ = V × 293 / (273 + t) × P / 101.3`` — delegated to :func:`ohsreg.units.standard_volume`
    so that the whole library gives one answer.
    """
    from ohsreg.units import standard_volume as _standard_volume

    v = number(volume_l, "L", "volume_l")
    t = _to_float(temperature_c, "degC", "temperature_c")
    if not (-273.0 < t < 1000.0):
        raise AssessmentError(
            "{where} must be a plausible temperature in ℃, got {value!r}",
            rule="assess.value",
            field="temperature_c",
            value=temperature_c,
        )
    p = number(pressure_kpa, "kPa", "pressure_kpa", allow_zero=False)
    return float(_standard_volume(v, t, p))


def concentration(
    mass_ug: float,
    blank_ug: float,
    volume_l: float,
    *,
    lod_ug: float | None = None,
    kind: str = "LOD",
) -> float | NonDetect:
    """Airborne concentration in mg/m³ from the analysed mass (µg) minus the blank, over V₀ (L).

    ``C = (m − m_blank) / V₀`` (the GBZ/T 300 series methods).

    With ``lod_ug`` (the method's detection or quantitation limit as a mass), a net mass below it
    returns :class:`NonDetect` carrying the LOD as a concentration.
    """
    m = number(mass_ug, "µg", "mass_ug")
    b = number(blank_ug, "µg", "blank_ug")
    v = number(volume_l, "L", "volume_l", allow_zero=False)
    net = m - b
    if lod_ug is not None:
        lod = number(lod_ug, "µg", "lod_ug", allow_zero=False)
        if net < lod:
            return NonDetect(finite(lod / v, "volume_l"), kind)
    return finite(max(net, 0.0) / v, "volume_l")


def dust_concentration(filter_before_mg: float, filter_after_mg: float, volume_l: float) -> float:
    """Gravimetric dust concentration (mg/m³): mass gained by the filter over the sampled volume.

    GBZ/T 192.1-2007 / GBZ/T 192.2-2007: ``C = (m₂ − m₁) / V × 1000``. A filter that lost mass raises.
    """
    m1 = number(filter_before_mg, "mg", "filter_before_mg")
    m2 = number(filter_after_mg, "mg", "filter_after_mg")
    v = number(volume_l, "L", "volume_l", allow_zero=False)
    if m2 < m1:
        raise AssessmentError(
            "the filter lost mass ({before} mg before, {after} mg after)",
            rule="assess.filter_mass",
            field="filter_after_mg",
            hint="reweigh the filter or discard the sample",
            before=m1,
            after=m2,
        )
    return finite((m2 - m1) / v * 1000.0, "volume_l")


BELOW_LOD_POLICIES = ("error", "zero", "half", "limit")


def substitute(value: float | NonDetect, policy: str, field: str) -> float:
    """The number used for a result: itself, or for a non-detect per ``policy``.

    ``"error"`` raises (the default everywhere: choose explicitly); ``"zero"`` uses 0; ``"half"`` uses
    LOD/2; ``"limit"`` uses the LOD itself (the conservative choice).
    """
    if not isinstance(value, NonDetect):
        return float(value)
    limit = number(value.limit, "mg/m³", f"{field}.limit", allow_zero=False)  # NaN, negatives, bools
    if policy == "zero":
        return 0.0
    if policy == "half":
        return limit / 2.0
    if policy == "limit":
        return limit
    if policy == "error":
        raise AssessmentError(
            "{where} is below the {kind} ({value}); say how to treat it",
            rule="assess.nondetect",
            field=field,
            hint="pass below_lod='limit', 'half' or 'zero'",
            kind=value.kind,
            value=str(value),
        )
    raise AssessmentError(
        "unknown below_lod policy {policy!r}",
        rule="assess.value",
        field="below_lod",
        hint="use one of error, zero, half, limit",
        policy=policy,
    )
