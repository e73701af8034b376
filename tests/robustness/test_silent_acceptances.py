"""Input that used to give a silent, wrong answer: each now raises its rule code (issue #17 items 5, 7)."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pytest

from ohsreg import assess, units
from ohsreg.assess.long_shift import daily_factor, reduction_factor, weekly_factor
from ohsreg.errors import OhsregError
from ohsreg.export._io import detect_encoding
from ohsreg.export.csv import from_csv, to_csv
from ohsreg.export.json import iter_load, load, load_many
from ohsreg.identifiers import cas, division, industry, resident_id, uscc
from ohsreg.models import Authority

AUTHORITY = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")


def _rule(call: Callable[[], object]) -> str:
    with pytest.raises(OhsregError) as err:
        call()
    assert err.value.message("zh_CN") != err.value.message("en")  # translated
    return err.value.rule


@pytest.mark.parametrize(
    ("call", "rule"),
    [
        (lambda: units.ppm_to_mg_m3(-1, 78.11), "units.negative"),
        (lambda: units.ppm_to_mg_m3(float("nan"), 78.11), "units.not_finite"),
        (lambda: units.ppm_to_mg_m3(float("inf"), 78.11), "units.not_finite"),
        (lambda: units.mg_m3_to_ppm(-0.5, 78.11), "units.negative"),
        (lambda: units.mg_m3_to_ppm(np.array([1.0, np.nan]), 78.11), "units.not_finite"),
        (lambda: units.ppm_to_mg_m3(np.array([1.0, -2.0]), 78.11), "units.negative"),
        (lambda: units.standard_volume(-10.0, 20.0, 101.3), "units.negative"),
        (lambda: units.standard_volume(float("nan"), 20.0, 101.3), "units.not_finite"),
        (lambda: units.parse_sound_level(1e300), "sound.range"),
        (lambda: units.parse_sound_level("-1e300 dB(A)"), "sound.range"),
        (lambda: units.SoundLevel(251.0), "sound.range"),
        (lambda: units.lex_8h([1e300], [8]), "sound.range"),
        (lambda: assess.twa([(1e308, 8)], limit=1.0), "assess.overflow"),
        (lambda: assess.stel([(1e308, 15)], limit=1.0), "assess.overflow"),
        (lambda: daily_factor(24), "assess.duration"),
        (lambda: weekly_factor(168), "assess.duration"),
        (
            lambda: assess.twa([(1.0, 8)], limit=1.0, shift_hours=24, adjust_long_shift=True),
            "assess.duration",
        ),
    ],
    ids=repr,
)
def test_silent_answers_are_refused(call: Callable[[], object], rule: str) -> None:
    assert _rule(call) == rule


def test_conversions_still_accept_good_input() -> None:
    assert units.ppm_to_mg_m3(0, 78.11) == 0
    assert units.mg_m3_to_ppm(np.array([0.0, 4.16]), 100).tolist() == pytest.approx([0.0, 1.0], abs=1e-3)
    assert units.parse_sound_level("250 dB(C) peak").value == 250
    assert units.parse_sound_level(-50).value == -50


def test_long_shift_boundaries() -> None:
    # 8 h and 40 h are the reference: no reduction; just above reduces; just below the whole period works
    assert daily_factor(8) == 1.0
    assert daily_factor(7.5) == 1.0  # capped at 1
    assert daily_factor(8.5) < 1.0
    assert daily_factor(12) == pytest.approx(0.5)
    assert 0 < daily_factor(23.99) < 0.01
    assert weekly_factor(40) == 1.0
    assert weekly_factor(48) == pytest.approx(0.78125)
    assert reduction_factor(hours_per_day=8).verdict.name == "NOT_APPLICABLE"
    assert reduction_factor(hours_per_day=10).verdict.name == "COMPLIES"
    both = reduction_factor(hours_per_day=10, hours_per_week=60, limit=6.0)
    assert both.basis == "weekly"  # the smaller factor applies
    assert both.value == pytest.approx(weekly_factor(60))
    assert both.limit is not None
    assert both.limit.value == pytest.approx(6.0 * weekly_factor(60))
    assert both.verified is False
    assert both.limit.verified is False


@pytest.mark.parametrize(
    ("module", "text"),
    [
        (cas, "𝟗14030¹"),  # mathematical and superscript digits: NFKC made them 914030-1
        (cas, "①1-43-2"),
        (cas, "71-4\r\n3-2"),
        (uscc, "91110000\xa0600037341L"),
        (uscc, "9111000060003734\t1L"),
        (division, "33０1⁰6"),
        (industry, "C２1₁0"),
        (resident_id, "1101051949123100²X"),
    ],
    ids=repr,
)
def test_identifiers_refuse_exotic_digits_and_inner_control_characters(module: object, text: str) -> None:
    validate = module.validate  # type: ignore[attr-defined]
    assert _rule(lambda: validate(text)) == f"{module.FIELD}.character"  # type: ignore[attr-defined]


def test_identifiers_still_normalise_full_width_and_stray_blanks() -> None:
    assert cas.validate("７１－４３－２") == "71-43-2"
    assert cas.validate(" 71-43-2\xa0\r\n") == "71-43-2"
    assert cas.validate("\u300071 43 2") == "71-43-2"
    assert uscc.validate("９１１１００００６０００３７３４１Ｌ") == "91110000600037341L"
    assert division.compact("３３０１０６") == "330106"


DUP = b'{"name":"a","kind":"HEALTH","level":"MUNICIPAL","region":"330100","name":"b"}'
OK = AUTHORITY.model_dump_json().encode()


@pytest.mark.parametrize(
    "read",
    [
        lambda: load(DUP, Authority),
        lambda: load_many(b"[" + OK + b"," + DUP + b"]", Authority),
        lambda: load_many(OK + b"\n" + DUP, Authority),
        lambda: load_many(b"\xef\xbb\xbf" + OK + b"\n" + DUP, Authority),
        lambda: list(iter_load(io.BytesIO(OK + b"\n" + DUP + b"\n"), Authority)),
    ],
)
def test_duplicate_json_keys_are_refused(read: Callable[[], object]) -> None:
    assert _rule(read) == "export.duplicate_key"


def test_duplicate_key_names_the_line() -> None:
    with pytest.raises(OhsregError) as err:
        list(iter_load(io.BytesIO(OK + b"\n" + OK + b"\n" + DUP + b"\n"), Authority))
    assert err.value.params["line"] == 3
    assert err.value.params["key"] == "name"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read(encoding: str) -> None:
    csv_text = to_csv([AUTHORITY])
    assert csv_text is not None
    data = csv_text.encode(encoding)
    assert detect_encoding(data) == encoding  # it was read as GB18030
    assert from_csv(data, Authority) == [AUTHORITY]
    assert load(OK.decode().encode(encoding), Authority) == AUTHORITY
    assert (
        list(iter_load(io.BytesIO((OK + b"\n" + OK).decode().encode(encoding)), Authority)) == [AUTHORITY] * 2
    )


def test_text_without_zero_bytes_is_not_taken_for_utf16() -> None:
    assert detect_encoding("职业卫生,名称\n".encode("gb18030")) == "gb18030"
    assert detect_encoding(b"name,region\n") == "utf-8"


@pytest.mark.parametrize(
    "line",
    [b"[" * 500 + b"]" * 500, b'{"a":' * 500 + b"1" + b"}" * 500],
    ids=["arrays", "objects"],
)
def test_deep_json_lines_say_where(line: bytes) -> None:
    with pytest.raises(OhsregError) as err:
        list(iter_load(io.BytesIO(OK + b"\n" + line + b"\n"), Authority))
    assert err.value.rule == "export.json_syntax"
    assert err.value.params["line"] == 2
    assert err.value.params["column"] > 1
