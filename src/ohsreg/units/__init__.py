"""Unit-aware quantities, sound levels and the conversions of Chinese occupational-hygiene practice.

A :class:`Quantity` keeps the magnitude in the unit the input gave (the standard's unit) and converts
through cached per-unit factors; pint is consulted only for units outside the built-in table, through one
registry created on first use (:func:`get_registry`). Sound levels are logarithmic and get their own type,
:class:`SoundLevel`, with energy arithmetic.

>>> q = parse_quantity("0.5 mg/m3", kind="concentration")
>>> q
Quantity(0.5, 'mg/m³')
>>> str(q), q.m_as("μg/m³")
('0.5 mg/m³', 500.0)
>>> parse_quantity("０．５ｍｇ／ｍ³")  # full-width input
Quantity(0.5, 'mg/m³')
>>> parse_quantity({"value": 2, "unit": "ppm"}, kind="concentration")
Quantity(2.0, 'ppm')
>>> round(ppm_to_mg_m3(1.0, molar_mass=100.0), 2)  # 20 °C, 101.3 kPa
4.16
>>> round(lex_8h([94.0], [2.0]), 1)  # 94 dB(A) for 2 h
88.0

In models, use the annotated types:

>>> from pydantic import BaseModel
>>> class Sample(BaseModel):
...     twa: Concentration
...     duration: Duration
>>> s = Sample(twa="0.5mg/m^3", duration=15)
>>> s.twa, s.duration
(Quantity(0.5, 'mg/m³'), Quantity(15.0, 'min'))
>>> s.model_dump()
{'twa': {'value': 0.5, 'unit': 'mg/m³'}, 'duration': {'value': 15.0, 'unit': 'min'}}
"""

from __future__ import annotations

from ohsreg.units._gas import mg_m3_to_ppm, ppm_to_mg_m3, standard_volume
from ohsreg.units._quantity import (
    KINDS,
    Acceleration,
    Concentration,
    Duration,
    ElectricFieldStrength,
    FieldStrength,
    Irradiance,
    MagneticFluxDensity,
    Percent,
    PowerDensity,
    Quantity,
    QuantityKind,
    Temperature,
    convert,
    parse_quantity,
)
from ohsreg.units._sound import (
    SOUND_LEVEL_RANGE,
    SoundLevel,
    energy_average,
    energy_sum,
    lex_8h,
    lex_w,
    parse_sound_level,
    scale_time,
)
from ohsreg.units._table import MAX_UNIT_LENGTH, get_registry

__all__ = [
    "KINDS",
    "MAX_UNIT_LENGTH",
    "SOUND_LEVEL_RANGE",
    "Acceleration",
    "Concentration",
    "Duration",
    "ElectricFieldStrength",
    "FieldStrength",
    "Irradiance",
    "MagneticFluxDensity",
    "Percent",
    "PowerDensity",
    "Quantity",
    "QuantityKind",
    "SoundLevel",
    "Temperature",
    "convert",
    "energy_average",
    "energy_sum",
    "get_registry",
    "lex_8h",
    "lex_w",
    "mg_m3_to_ppm",
    "parse_quantity",
    "parse_sound_level",
    "ppm_to_mg_m3",
    "scale_time",
    "standard_volume",
]
