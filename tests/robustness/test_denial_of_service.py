"""Inputs that used to take minutes or never end: each now fails fast with a rule code.

No test here asserts a wall-clock time. The regexes are checked by structure (every run of blanks is
possessive, so no two parts can share one run and backtrack over it) and, loosely, by how their cost
grows: ten times the input may cost at most ~30 times the time (linear: ~10; the old quadratic and
cubic patterns: 100 and 1000).
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ohsreg import units
from ohsreg.errors import OhsregError
from ohsreg.export import _io
from ohsreg.export.csv import from_csv
from ohsreg.export.json import iter_load, load
from ohsreg.models import Authority


def _rule(call: Callable[[], object]) -> str:
    with pytest.raises(OhsregError) as err:
        call()
    return err.value.rule


@pytest.mark.parametrize("pattern", [units._sound._SOUND, units._quantity._NUMBER], ids=["sound", "quantity"])
def test_blank_runs_are_possessive(pattern: re.Pattern[str]) -> None:
    assert re.findall(r"\\s\*(?!\+)", pattern.pattern) == []
    assert re.findall(r"\\d[*+](?!\+)", pattern.pattern) == []


def _cost(call: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with contextlib.suppress(OhsregError):
            call(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "85" + " " * n + "x",  # the reported case: 4000 blanks took ~95 s
        lambda n: "85 dB" + " " * n + "x",
        lambda n: "85 dB (" + " " * n + "x",
    ],
)
def test_sound_level_parsing_grows_linearly(shape: Callable[[int], str]) -> None:
    units.parse_sound_level("85 dB(A)")  # warm up
    small = _cost(units.parse_sound_level, shape(10_000))
    large = _cost(units.parse_sound_level, shape(100_000))
    assert large < 30 * small + 0.05, (small, large)
    assert _rule(lambda: units.parse_sound_level(shape(100_000))) == "sound.format"


def test_quantity_parsing_grows_linearly() -> None:
    text = "5" + " " * 10_000 + "m" + " " * 10_000 + "x"
    assert _rule(lambda: units.parse_quantity(text)) == "units.too_long"
    small = _cost(units.parse_quantity, "5" + " m" * 5_000 + "x")
    large = _cost(units.parse_quantity, "5" + " m" * 50_000 + "x")
    assert large < 30 * small + 0.05, (small, large)


def test_long_unit_text_never_reaches_pint() -> None:
    assert _rule(lambda: units.parse_quantity(1, "m" * 16_000)) == "units.too_long"
    assert _rule(lambda: units.Quantity(1, "m" * 65)) == "units.too_long"
    assert units.parse_quantity("1 milligram/meter**3").unit == "mg/m³"  # a long spelling pint reads


def test_header_of_100k_repeated_columns() -> None:
    header = ",".join(["name"] * 100_000)
    with pytest.raises(OhsregError) as err:
        from_csv((header + "\n").encode(), Authority)
    assert err.value.rule == "export.csv_header"
    assert len(err.value.message("en")) < 300  # the name once, not 100 000 times


def test_header_of_many_unknown_columns_lists_a_few() -> None:
    header = ",".join(["name", *(f"bogus{i}" for i in range(20_000))])
    with pytest.raises(OhsregError) as err:
        from_csv((header + "\n").encode(), Authority)
    assert err.value.rule == "export.unknown_column"
    assert "(+19990)" in err.value.message("en")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    "read",
    [
        lambda p: list(iter_load(p, Authority)),
        lambda p: load(p, Authority),
        lambda p: from_csv(p, Authority),
    ],
)
def test_devices_and_folders_are_refused(read: Callable[[str], object], tmp_path: Path) -> None:
    assert _rule(lambda: read("/dev/zero")) == "export.not_a_file"
    assert _rule(lambda: read(str(tmp_path))) == "export.not_a_file"


class _Endless(io.RawIOBase):
    """A stream of zero bytes that never ends (what ``/dev/zero`` is, opened by the caller)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = bytes(len(buffer))
        return len(buffer)


def test_an_endless_stream_without_newlines_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "MAX_LINE", 1 << 22)
    stream = io.BufferedReader(_Endless())
    assert _rule(lambda: list(iter_load(stream, Authority))) == "export.line_too_long"
    assert _rule(lambda: from_csv(io.BufferedReader(_Endless()), Authority)) == "export.line_too_long"
