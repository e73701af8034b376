"""What every workbook ohsreg writes shares: the fixed creation time that makes output reproducible."""

from __future__ import annotations

import datetime as dt

__all__ = ["CREATED"]

CREATED = dt.datetime(2000, 1, 1)  # xlsxwriter writes it as UTC (…Z)
"""The creation (and modification) time written into every workbook's document properties.

xlsxwriter would write the current time, so two runs over identical records gave different bytes;
a fixed time makes identical input give byte-identical files (the zip entries carry fixed times
already). Pass ``created=`` to :func:`ohsreg.export.xlsx.to_xlsx` to record a real time.
"""
