"""Locale-aware formatting of numbers, quantities and dates."""

from __future__ import annotations

import datetime

from ohsreg.i18n import format_date, format_number, format_quantity, use
from ohsreg.units import Quantity, SoundLevel


def test_format() -> None:
    assert format_number(1234567.5, "en") == "1,234,567.5"
    assert format_number(2.0, "zh_CN", decimals=1) == "2.0"
    assert format_quantity(Quantity(0.5, "mg/m³"), "en") == "0.5 mg/m³"
    assert format_quantity(SoundLevel(94, "A"), decimals=0) == "94 dB(A)"
    d = datetime.date(2026, 2, 1)
    assert format_date(d, "zh_CN", format="long") == "2026年2月1日"
    with use("en"):
        assert format_date(d, format="long") == "February 1, 2026"


def test_small_numbers_keep_their_digits() -> None:
    assert format_number(0.0005, "zh_CN") == "0.0005"
    assert format_quantity(Quantity(0.00012, "mg/m³"), "en") == "0.00012 mg/m³"
    assert format_number(1e-7, "en") == "0.0000001"
