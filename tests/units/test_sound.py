"""Sound levels: parsing, energy arithmetic and the gas conversions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from ohsreg.errors import OhsregError
from ohsreg.units import (
    SoundLevel,
    energy_average,
    energy_sum,
    lex_8h,
    lex_w,
    mg_m3_to_ppm,
    parse_sound_level,
    ppm_to_mg_m3,
    scale_time,
    standard_volume,
)


class Noise(BaseModel):
    level: SoundLevel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("94 dB(A)", SoundLevel(94, "A")),
        ("94dBA", SoundLevel(94, "A")),
        ("９４ dB（A）", SoundLevel(94, "A")),
        ("140 dB(C) peak", SoundLevel(140, "C", True)),
        ("140 dB(C)峰值", SoundLevel(140, "C", True)),
        (85, SoundLevel(85, "A")),
        ("85", SoundLevel(85, "A")),
        ({"value": 100, "unit": "dB(C) peak"}, SoundLevel(100, "C", True)),
    ],
)
def test_parse(text: object, expected: SoundLevel) -> None:
    assert parse_sound_level(text) == expected
    assert Noise(level=text).level == expected


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("", "sound.empty"),
        ("94 dB", "sound.weighting"),
        ("loud", "sound.format"),
        (math.nan, "sound.not_finite"),
    ],
)
def test_bad(value: object, rule: str) -> None:
    with pytest.raises(ValidationError) as info:
        Noise(level=value)
    assert info.value.errors()[0]["type"] == rule


def test_serialise() -> None:
    n = Noise(level="140 dB(C) peak")
    assert n.model_dump() == {"level": {"value": 140.0, "unit": "dB(C) peak"}}
    assert Noise.model_validate_json(n.model_dump_json()) == n
    assert str(n.level) == "140 dB(C) peak"


def test_energy() -> None:
    assert energy_sum([90, 90]) == pytest.approx(93.0103, abs=1e-4)
    assert energy_sum([SoundLevel(80), SoundLevel(80), SoundLevel(80)]) == pytest.approx(84.77, abs=0.01)
    assert lex_8h([94], [2]) == pytest.approx(87.98, abs=0.01)
    assert lex_8h([85], [8]) == pytest.approx(85)
    assert energy_average([90, 90], [3, 5]) == pytest.approx(90)
    assert lex_w([85] * 5) == pytest.approx(85)
    assert scale_time(85, 8, 4) == pytest.approx(88.01, abs=0.01)
    # GBZ/T 189.8 exchange: 4 h -> 88, 2 h -> 91 at the 85 dB(A) 8-h criterion
    assert scale_time(85, 8, 2) == pytest.approx(91.02, abs=0.01)
    assert energy_sum([250, 250]) == pytest.approx(253.0103, abs=1e-4)  # no overflow at the top level
    with pytest.raises(OhsregError, match=r"sound\.range"):
        energy_sum([1000, 1000])  # not a sound level: refused, not summed


@pytest.mark.parametrize(
    ("call", "rule"),
    [
        (lambda: energy_sum([]), "sound.empty"),
        (lambda: energy_sum([SoundLevel(90, "A"), SoundLevel(90, "C")]), "sound.mixed"),
        (lambda: lex_8h([90, 91], [1]), "sound.length"),
        (lambda: lex_8h([90], [-1]), "sound.duration"),
        (lambda: lex_w([85], 0), "sound.duration"),
        (lambda: scale_time(85, 0, 8), "sound.duration"),
        (lambda: energy_sum([math.inf]), "sound.not_finite"),
    ],
)
def test_energy_errors(call: object, rule: str) -> None:
    with pytest.raises(OhsregError) as info:
        call()  # type: ignore[operator]
    assert info.value.rule == rule


@settings(max_examples=100, deadline=None)
@given(level=st.floats(min_value=-20, max_value=200), hours=st.floats(min_value=0.01, max_value=24))
def test_time_scaling_consistent(level: float, hours: float) -> None:
    assert lex_8h([level], [hours]) == pytest.approx(scale_time(level, hours, 8), abs=1e-9)


def test_ppm() -> None:
    assert ppm_to_mg_m3(1, 100) == pytest.approx(4.1596, abs=1e-4)
    assert ppm_to_mg_m3(1, 100, temperature_c=25) == pytest.approx(100 / 24.45, rel=1e-3)
    assert mg_m3_to_ppm(ppm_to_mg_m3(3.3, 78.11), 78.11) == pytest.approx(3.3)
    arr = ppm_to_mg_m3(np.array([1.0, 2.0]), 100)
    assert isinstance(arr, np.ndarray)
    assert arr[1] == pytest.approx(2 * arr[0])
    assert mg_m3_to_ppm(arr, 100) == pytest.approx([1.0, 2.0])
    assert standard_volume(100.0, 20.0, 101.3) == pytest.approx(100.0)
    assert standard_volume(np.array([100.0]), 20.0, 101.3)[0] == pytest.approx(100.0)
    for call, rule in [
        (lambda: ppm_to_mg_m3(1, 0), "units.molar_mass"),
        (lambda: ppm_to_mg_m3(1, 100, pressure_kpa=0), "units.conditions"),
        (lambda: standard_volume(1, -300, 100), "units.conditions"),
    ]:
        with pytest.raises(OhsregError) as info:
            call()
        assert info.value.rule == rule


@settings(max_examples=100, deadline=None)
@given(
    level=st.floats(min_value=-50, max_value=250, allow_nan=False),
    weighting=st.sampled_from("ACZ"),
    peak=st.booleans(),
)
def test_sound_round_trip(level: float, weighting: str, peak: bool) -> None:
    original = SoundLevel(level, weighting, peak)  # type: ignore[arg-type]
    assert parse_sound_level(original.to_dict()) == original
    assert parse_sound_level(f"{original.value!r} {original.unit}") == original
    assert Noise.model_validate_json(Noise(level=original).model_dump_json()).level == original
