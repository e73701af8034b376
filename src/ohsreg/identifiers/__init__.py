"""Identifiers: USCC, CAS numbers, division codes, industry codes and resident ID numbers.

One small module per identifier, following python-stdnum: ``compact`` (normalise what people type),
``validate`` (return the normalised value or raise an :class:`~ohsreg.errors.OhsregError` with a rule
code and zh/en message), ``is_valid`` (never raises) and ``format`` (presentation form). The
pydantic annotated types :data:`USCC`, :data:`CASNumber`, :data:`DivisionCode`, :data:`IndustryCode`
and :data:`ResidentID` make a model field one annotation.

>>> from ohsreg.identifiers import cas, uscc
>>> cas.validate("7440-38-2"), uscc.is_valid("91110000600037341L")
('7440-38-2', True)
"""

from __future__ import annotations

from ohsreg.identifiers import cas, division, industry, resident_id, uscc
from ohsreg.identifiers._pydantic import USCC, CASNumber, DivisionCode, IndustryCode, ResidentID

__all__ = [
    "USCC",
    "CASNumber",
    "DivisionCode",
    "IndustryCode",
    "ResidentID",
    "cas",
    "division",
    "industry",
    "resident_id",
    "uscc",
]
