"""Notebook display of records, findings and assessment results."""

from __future__ import annotations

from ohsreg.assess import twa
from ohsreg.export.html import assessment_html, findings_html, record_html
from ohsreg.models import Authority, finding
from ohsreg.vocab import Severity


def test_record_html_masks_and_escapes() -> None:
    a = Authority(name="<script>", kind="HEALTH", level="NATIONAL")
    out = a._repr_html_()
    assert "&lt;script&gt;" in out
    assert "<script>" not in out
    assert out == record_html(a)


def test_findings_table() -> None:
    fs = [
        finding("demo.a", Severity.ERROR, "第1条", "{what} is late", what="report"),
        finding("demo.b", Severity.WARNING, "第2条", "check"),
    ]
    out = findings_html(fs, locale="en")
    assert "2 finding(s)" in out
    assert "report is late" in out
    assert "#c62828" in out
    assert "#ef6c00" in out
    assert "严重程度" in findings_html(fs)


def test_assessment_table_highlights_verdict() -> None:
    over = twa([(8.0, 8)], limit=6.0)
    ok = twa([(1.0, 8)], limit=6.0)
    out = assessment_html([over, ok], locale="en")
    assert "#c62828" in out
    assert "#2e7d32" in out
    assert "C_TWA" in out
    assert "判定" in assessment_html(over)


def test_show_dispatches() -> None:
    from ohsreg.export.html import show

    fs = [finding("demo.a", Severity.ERROR, "第1条", "late")]
    assert "1 finding(s)" in show(fs, locale="en")._repr_html_()
    r = twa([(8.0, 8)], limit=6.0)
    shown = show(r, locale="en")
    assert "#c62828" in shown._repr_html_()
    assert "C_TWA" in str(shown)
    a = Authority(name="卫健委", kind="HEALTH", level="NATIONAL")
    assert show(a)._repr_html_() == record_html(a)
