"""The one message renderer: shipped templates fill in; templates from data cannot run code or blow up."""

from __future__ import annotations

import datetime as dt
import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ohsreg.i18n import _catalog, render_message
from ohsreg.models import Finding, finding
from ohsreg.vocab import Severity

HOSTILE = [
    "{subject:>1500000000}",  # a 1.5 GB string
    "{due.__class__.__mro__}",  # attribute walk
    "{due.__init__.__globals__}",
    "{params[0]}",
    "{0}",
    "{}",
    "{subject:{subject}}",  # nested field in the spec
    "{subject!a}",
    "{subject:%Y}",
    "{subject",
]


def test_every_shipped_template_and_translation_fills_in() -> None:
    catalog = _catalog("zh_CN")
    assert len(catalog) > 300
    for msgid, msgstr in catalog.items():
        for text in (msgid, msgstr):
            names = {n for _, n, _, _ in string.Formatter().parse(text) if n}
            rendered = render_message(text, "en", **dict.fromkeys(names, 1.5))
            assert "{" not in rendered or "{{" in text, (text, rendered)


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_finding_template_is_shown_as_written(template: str) -> None:
    raw = json.dumps(
        {
            "rule": "demo.x",
            "severity": "INFO",
            "clause": "c",
            "subject": "s",
            "template": template,
            "due": "2024-01-01",
        }
    )
    f = Finding.model_validate_json(raw)
    assert f.message("en") == template
    assert f.message("zh_CN") == template
    assert str(f) == f"[INFO] demo.x: {template} (c)"


def test_plain_fields_and_bounded_formats_still_fill() -> None:
    f = finding("demo.x", Severity.INFO, "c", "{n:,.0f} at {where!r} by {due}", n=12500.0, where="车间")
    f = f.model_copy(update={"due": dt.date(2024, 5, 1)})
    assert f.message("en") == "12,500 at '车间' by 2024-05-01"
    assert render_message("{code:>4}|{r:.0%}|{i:02d}", "en", code="A", r=0.5, i=3) == "   A|50%|03"


def test_missing_parameter_or_wrong_type_shows_the_template() -> None:
    assert render_message("{a} and {b}", "en", a=1) == "{a} and {b}"
    assert render_message("{a:.2f}", "en", a="text") == "{a:.2f}"


def test_a_translation_that_cannot_fill_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_catalog("zh_CN"), "demo {a}", "演示 {a.__class__}")
    assert render_message("demo {a}", "zh_CN", a=1) == "demo 1"


@given(st.text(max_size=60), st.text(max_size=20))
def test_any_template_renders_without_error_and_bounded(template: str, value: str) -> None:
    out = render_message(template, "en", subject=value, due=dt.date(2024, 1, 1), n=1e308)
    # each field yields at most a bounded format of one parameter (a float of 1e308 has ~410 digits)
    assert len(out) <= len(template) * (len(repr(value)) + 500)
