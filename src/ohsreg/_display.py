"""Notebook display: compact HTML tables for records, check findings and assessment results.

Everything is escaped; personal data is shown as it would be exported (masked). Verdicts and
severities are highlighted (exceeds / error in red, warning in amber, complies in green).

The tables are plain functions of what they show (read by attribute, no import of the records or the
results), so they sit low in the package: ``Record._repr_html_`` and ``Assessment._repr_html_`` call
them without the records or the assessments depending on :mod:`ohsreg.export`, the edge. The public
home of these names is :mod:`ohsreg.export.html`.

>>> from ohsreg.models import finding
>>> from ohsreg.vocab import Severity
>>> html = findings_html([finding("demo.late", Severity.ERROR, "示例 第1条", "{what} is late", what="<b>")])
>>> "&lt;b&gt;已逾期" in html, "#c62828" in html
(True, True)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["Shown", "assessment_html", "findings_html", "record_html", "show"]

_COLOURS = {
    "EXCEEDS": "#c62828",
    "ERROR": "#c62828",
    "WARNING": "#ef6c00",
    "COMPLIES": "#2e7d32",
    "INFO": "#1565c0",
}
_STYLE = "border-collapse:collapse;font-size:90%"
_CELL = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"


def _cell(value: Any) -> str:
    if isinstance(value, dict | list):
        import json

        value = json.dumps(value, ensure_ascii=False, default=str)
    return html.escape("" if value is None else str(value))


def _badge(code: str, text: str) -> str:
    colour = _COLOURS.get(code, "#616161")
    return (
        f"<span style='color:#fff;background:{colour};border-radius:3px;padding:0 4px'>"
        f"{html.escape(text)}</span>"
    )


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th style='{_CELL}'>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table style='{_STYLE}'><caption style='text-align:left'>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def record_html(record: BaseModel) -> str:
    """One record as a two-column HTML table (field, value), using the masked JSON form of the values."""
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{_cell(v)}</td></tr>"
        for k, v in record.model_dump(mode="json").items()
    )
    return f"<table><caption>{html.escape(type(record).__name__)}</caption>{rows}</table>"


def findings_html(findings: Iterable[Any], locale: str | None = None) -> str:
    """Findings of a check as a table: severity (highlighted), rule, message, clause, subject, due."""
    rows = []
    items = list(findings)
    for f in items:
        sev = f.severity
        rows.append(
            [
                _badge(sev.code, sev.label(locale)),
                f"<code>{html.escape(f.rule)}</code>",
                html.escape(f.message(locale)),
                html.escape(f.clause),
                _cell(f.subject),
                _cell(f.due),
            ]
        )
    from ohsreg.i18n import gettext, render_message

    header = [gettext(h, locale) for h in ("severity", "rule", "message", "clause", "subject", "due")]
    return _table(render_message("{count} finding(s)", locale, count=len(items)), header, rows)


def assessment_html(results: Any, locale: str | None = None) -> str:
    """One or more assessment results as a table with the verdict highlighted.

    Works with any result that has ``quantity``, ``value``, ``unit``, ``limit``, ``verdict`` and
    ``clause`` (every :class:`ohsreg.assess.Assessment`); the last column is ``explain(locale)``.
    """
    items = [results] if hasattr(results, "verdict") else list(results)
    rows = []
    for r in items:
        limit = getattr(r, "limit", None)
        limit_text = "" if limit is None else f"{limit.kind} {limit.value:g} {limit.unit}"
        value = getattr(r, "value", None)
        verdict = r.verdict
        explain = getattr(r, "explain", None)
        rows.append(
            [
                html.escape(str(r.quantity)),
                "—" if value is None else html.escape(f"{value:.4g} {r.unit}"),
                html.escape(limit_text),
                _badge(verdict.code, verdict.label(locale)),
                html.escape(str(r.clause)),
                html.escape(explain(locale)) if callable(explain) else "",
            ]
        )
    from ohsreg.i18n import gettext, render_message

    header = [gettext(h, locale) for h in ("quantity", "value", "limit", "verdict", "clause", "explanation")]
    return _table(render_message("{count} assessment(s)", locale, count=len(items)), header, rows)


class Shown:
    """HTML for a notebook cell: ``show(findings)`` displays as a table where a list would print its repr."""

    def __init__(self, html_text: str, text: str) -> None:
        self.html = html_text
        self.text = text

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def show(obj: Any, locale: str | None = None) -> Shown:
    """A notebook display of a record, a list of findings, or one or more assessment results.

    >>> from ohsreg.models import finding
    >>> from ohsreg.vocab import Severity
    >>> show([finding("demo.late", Severity.WARNING, "示例 第1条", "late")], locale="en")
    [WARNING] demo.late: late (示例 第1条)
    """
    items = obj if isinstance(obj, list | tuple) else [obj]
    if items and all(hasattr(i, "severity") and hasattr(i, "rule") for i in items):
        return Shown(findings_html(items, locale), "\n".join(str(i) for i in items))
    if items and all(hasattr(i, "verdict") and hasattr(i, "clause") for i in items):
        text = "\n".join(
            i.explain(locale) if callable(getattr(i, "explain", None)) else str(i) for i in items
        )
        return Shown(assessment_html(items, locale), text)
    if not isinstance(obj, list | tuple) and hasattr(obj, "model_dump"):
        return Shown(record_html(obj), repr(obj))
    return Shown("".join(record_html(i) for i in items if hasattr(i, "model_dump")), repr(obj))
