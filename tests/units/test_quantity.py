"""Quantities: parsing, conversion, pydantic fields, errors and the parse/serialise round trip."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from ohsreg.errors import OhsregError
from ohsreg.units import (
    KINDS,
    Concentration,
    Duration,
    FieldStrength,
    Irradiance,
    Percent,
    Quantity,
    Temperature,
    parse_quantity,
)
from ohsreg.units._table import _UNITS


class Sample(BaseModel):
    twa: Concentration
    temp: Temperature | None = None
    duration: Duration | None = None


@pytest.mark.parametrize(
    "text",
    ["0.5 mg/m3", "0.5 mg/m³", "0.5mg/m^3", "０．５ｍｇ／ｍ³", "0.5\u3000mg/m³", " 0.5 mg/m**3 ", 0.5],
)
def test_spellings(text: object) -> None:
    assert parse_quantity(text, kind="concentration") == Quantity(0.5, "mg/m³")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2 ppm", "ppm"),
        ("2 ppmv", "ppm"),
        ("0.1 f/cc", "f/mL"),
        ("0.1 f/ml", "f/mL"),
        ("100 spores/m3", "spores/m³"),
        ("5 pg TEQ/m3", "pg TEQ/m³"),
        ("3 µg/m³", "μg/m³"),
    ],
)
def test_domain_units(text: str, unit: str) -> None:
    assert parse_quantity(text, kind="concentration").unit == unit


def test_conversion_and_comparison() -> None:
    a = Quantity(0.5, "mg/m³")
    assert a.m_as("μg/m³") == pytest.approx(500)
    assert a.to("mg/L").magnitude == pytest.approx(0.0005)
    assert Quantity(400, "μg/m³") < a <= Quantity(500, "μg/m³")
    assert a > Quantity(0.1, "mg/m³")
    assert a >= a
    assert Quantity(20, "°C").m_as("K") == pytest.approx(293.15)
    assert Quantity(68, "°F").m_as("°C") == pytest.approx(20)
    assert Quantity(2, "h").m_as("min") == pytest.approx(120)
    with pytest.raises(OhsregError) as info:
        a.m_as("ppm")
    assert info.value.rule == "units.dimension"
    with pytest.raises(OhsregError):
        _ = a < Quantity(1, "ppm")
    with pytest.raises(TypeError):
        _ = a < 1  # type: ignore[operator]


def test_repr_str_hash() -> None:
    q = Quantity(0.5, "mg/m^3")
    assert repr(q) == "Quantity(0.5, 'mg/m³')"
    assert str(q) == "0.5 mg/m³"
    assert str(Quantity(5, "ppm")) == "5 ppm"
    assert len({q, Quantity(0.5, "mg/m³")}) == 1


def test_pint_fallback_is_lazy_and_cached() -> None:
    code = (
        "import sys, ohsreg.units as u\n"
        "assert 'pint' not in sys.modules and 'numpy' not in sys.modules\n"
        "u.parse_quantity('1 mg/m3'); assert 'pint' not in sys.modules\n"
        "q = u.parse_quantity('1 kg/m^3', kind='concentration')\n"
        "assert 'pint' in sys.modules\n"
        "assert abs(q.m_as('mg/m³') - 1e6) < 1e-6, q\n"
        "assert u.get_registry() is u.get_registry()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_model_dump_and_schema() -> None:
    s = Sample(twa={"value": 0.5, "unit": "mg/m³"}, temp="30 ℃", duration="2 h")
    assert s.model_dump() == {
        "twa": {"value": 0.5, "unit": "mg/m³"},
        "temp": {"value": 30.0, "unit": "°C"},
        "duration": {"value": 2.0, "unit": "h"},
    }
    assert Sample.model_validate_json(s.model_dump_json()) == s
    schema = Sample.model_json_schema()
    twa = schema["properties"]["twa"]
    assert "anyOf" in twa
    assert "ppm" in twa["anyOf"][0]["properties"]["unit"]["enum"]
    ser = Sample.model_json_schema(mode="serialization")["properties"]["twa"]
    assert ser["required"] == ["value", "unit"]


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("", "units.empty"),
        ("  ", "units.empty"),
        ("abc", "units.format"),
        ("0.5 bogons", "units.unknown"),
        ("3 °C", "units.dimension"),
        ("2 mg/kg", "units.dimension"),
        (float("nan"), "units.not_finite"),
        ("inf mg/m3", "units.format"),
        (float("inf"), "units.not_finite"),
        (-1, "units.negative"),
        ({"value": "0.5", "unit": "mg/m³"}, "units.format"),
        ({"value": 0.5}, "units.format"),
        (True, "units.format"),
        ([0.5], "units.format"),
    ],
)
def test_bad_input(value: object, rule: str) -> None:
    with pytest.raises(ValidationError) as info:
        Sample(twa=value)
    (error,) = info.value.errors()
    assert error["type"] == rule
    assert error["loc"] == ("twa",)
    assert error["ctx"]["message_zh"]
    assert error["ctx"]["message_en"]
    assert error["ctx"]["field"] == "twa"


def test_other_kinds() -> None:
    class Physical(BaseModel):
        e: FieldStrength
        uv: Irradiance
        silica: Percent

    p = Physical(e="5 kV/m", uv=0.5, silica="10 %")
    assert p.e.m_as("V/m") == 5000
    assert p.uv == Quantity(0.5, "μW/cm²")
    assert p.silica.m_as("1") == pytest.approx(0.1)
    with pytest.raises(ValidationError):
        Physical(e="5 m/s2", uv=0.5, silica=1)
    assert parse_quantity("-5 °C", kind="temperature").magnitude == -5
    with pytest.raises(OhsregError) as info:
        parse_quantity(1, kind="nope")
    assert info.value.rule == "units.kind"
    with pytest.raises(OhsregError) as info:
        parse_quantity(1)
    assert info.value.rule == "units.unit_missing"


_concentration_units = sorted(
    u for u, x in _UNITS.items() if x.dimension in KINDS["concentration"].dimensions
)
_magnitudes = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(magnitude=_magnitudes, unit=st.sampled_from(_concentration_units), form=st.sampled_from("dsj"))
def test_round_trip(magnitude: float, unit: str, form: str) -> None:
    original = Quantity(magnitude, unit)
    if form == "d":
        data: object = original.to_dict()
    elif form == "s":
        data = f"{original.magnitude!r} {original.unit}"
    else:
        data = json.loads(Sample(twa=original).model_dump_json())["twa"]
    parsed = Sample(twa=data).twa
    assert parsed == original
    assert Sample(twa=Sample(twa=parsed).model_dump()["twa"]).twa == original


@settings(max_examples=100, deadline=None)
@given(magnitude=_magnitudes, unit=st.sampled_from(["mg/m³", "μg/m³", "g/m³", "ng/m³", "mg/L"]))
def test_conversion_round_trip(magnitude: float, unit: str) -> None:
    q = Quantity(magnitude, unit)
    assert math.isclose(q.to("mg/m³").m_as(unit), magnitude, rel_tol=1e-12, abs_tol=1e-300)


def test_unhashable_and_non_finite() -> None:
    with pytest.raises(ValidationError) as info:
        Sample(twa={"value": 1.0, "unit": ["mg/m³"]})
    assert info.value.errors()[0]["type"] == "units.format"
    with pytest.raises(OhsregError) as exc:
        Quantity(float("nan"), "mg/m³")
    assert exc.value.rule == "units.not_finite"


def test_convert_bulk() -> None:
    import numpy as np

    from ohsreg.units import convert

    out = convert(np.array([500.0, 1000.0]), "μg/m³", "mg/m³")
    assert list(out) == pytest.approx([0.5, 1.0])
    assert convert(np.array([0.0]), "°C", "K")[0] == pytest.approx(273.15)
    assert convert(3.0, "h", "h") == 3.0
    with pytest.raises(OhsregError) as info:
        convert(1.0, "ppm", "mg/m³")
    assert info.value.rule == "units.dimension"
    assert Quantity.trusted(6.0, "mg/m³") == Quantity(6, "mg/m³")


@pytest.mark.parametrize("text", ["85 dB(A)", "85 dB", "140 dB(C)"])
def test_sound_level_text_is_a_clear_error_not_a_pint_crash(text: str) -> None:
    from ohsreg.units import parse_quantity

    with pytest.raises(OhsregError) as info:
        parse_quantity(text, default_unit="mg/m³", kind="concentration")
    assert info.value.rule == "units.unknown"
    assert "SoundLevel" in info.value.message("en")


_number_texts = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", "1e", "--1", "1_0", "+.5", "5.", "1.e5", "inf", "-inf", "nan", "١٢", "\t5", "0x1"]),
    st.text(alphabet="0123456789.eE+-_ \t", max_size=8),
)
_unit_texts = st.one_of(
    st.sampled_from(
        ["mg/m3", "mg/m³", "ppm", " mg/m3", "mg/m3 ", "℃", "°C", "min", "h", "", "0.5 mg/m3", "x"]
    ),
    st.text(max_size=6),
)


class _Readings(BaseModel):  # one model for the whole test: its memos carry over between examples
    concentration: Concentration | None = None
    temperature: Temperature | None = None


@settings(max_examples=400, deadline=None)
@given(number=_number_texts, unit=_unit_texts, kind=st.sampled_from(["concentration", "temperature"]))
def test_field_fast_paths_agree_with_parse_quantity(number: str, unit: str, kind: str) -> None:
    """The field's string fast path and its memos give what ``parse_quantity`` gives, or its rule code."""
    text = f"{number} {unit}"
    try:
        expected: object = parse_quantity(text, kind=kind)
    except OhsregError as err:
        expected = err.rule
    for _ in range(3):  # the second and third reads go through the memos the first one filled
        try:
            got: object = getattr(_Readings.model_validate({kind: text}), kind)
        except ValidationError as err:
            got = err.errors()[0]["type"]
        assert got == expected


def test_field_memos_do_not_carry_a_misread_split() -> None:
    """ " 0.5 mg/m3" splits at its leading blank; its tail must not become a known unit spelling."""
    assert _Readings.model_validate({"concentration": " 0.5 mg/m3"}).concentration == Quantity(0.5, "mg/m³")
    with pytest.raises(ValidationError) as info:
        _Readings.model_validate({"concentration": "5 0.5 mg/m3"})
    assert info.value.errors()[0]["type"] == "units.unknown"
    q = _Readings.model_validate({"concentration": "7 mg/m3"}).concentration
    assert q is _Readings.model_validate({"concentration": "7 mg/m3"}).concentration  # memo: same value
    for text in ("-inf ℃", "nan ℃", "1_0 ℃"):
        with pytest.raises(ValidationError):
            _Readings.model_validate({"temperature": text})
