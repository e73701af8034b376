"""Notebook display: compact HTML tables for records and findings.

Everything is escaped; personal data is shown as it would be exported (masked).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["record_html"]


def _cell(value: Any) -> str:
    if isinstance(value, dict | list):
        import json

        value = json.dumps(value, ensure_ascii=False, default=str)
    return html.escape("" if value is None else str(value))


def record_html(record: BaseModel) -> str:
    """One record as a two-column HTML table (field, value), using the masked JSON form of the values."""
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{_cell(v)}</td></tr>"
        for k, v in record.model_dump(mode="json").items()
    )
    return f"<table><caption>{html.escape(type(record).__name__)}</caption>{rows}</table>"
