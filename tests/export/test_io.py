"""Shared plumbing: progress line, encoding detection."""

from __future__ import annotations

import io

from ohsreg.export._io import Progress, detect_encoding, note_encoding


def test_progress_silent_below_threshold_and_off_terminal() -> None:
    out = io.StringIO()
    p = Progress("reading", stream=out, force=True)
    p.update(9_999)
    p.close()
    assert out.getvalue() == ""
    quiet = io.StringIO()
    q = Progress("reading", stream=quiet)  # not a terminal: silent
    q.update(50_000)
    q.close()
    assert quiet.getvalue() == ""


def test_progress_line() -> None:
    out = io.StringIO()
    p = Progress("reading x.csv", stream=out, force=True, total=40_000, every=0.0)
    for _ in range(4):
        p.update(10_000)
    p.close()
    text = out.getvalue()
    assert "\rreading x.csv: 40,000 rows 100.0%" in text
    assert text.endswith("\n")


def test_encoding_detection_and_notes() -> None:
    assert detect_encoding("岗位".encode()[:-1]) == "utf-8"  # a character cut at the end of the head
    assert detect_encoding("\ufeffa".encode("utf-16")) == "utf-16"
    assert note_encoding("gb18030") is not None
    assert note_encoding("utf-8") is None
