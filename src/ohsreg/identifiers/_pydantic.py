"""Pydantic annotated types for the identifiers: one annotation makes a model field validated.

Each type normalises the input with the module's ``validate`` (so ``" 9111…l "`` is stored as
``"9111…L"``), reports errors with the rule code as the pydantic error ``type``, and publishes a
JSON Schema ``pattern`` of the normalised form.

>>> from pydantic import BaseModel
>>> class Enterprise(BaseModel):
...     uscc: USCC
...     region: DivisionCode
>>> Enterprise(uscc="91110000600037341l", region="110101").uscc
'91110000600037341L'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from ohsreg.errors import OhsregError, to_pydantic_error
from ohsreg.identifiers import cas, division, industry, resident_id, uscc

__all__ = ["USCC", "CASNumber", "DivisionCode", "IndustryCode", "ResidentID"]


def _wrap(check: Callable[[object], str]) -> Callable[[Any], str]:
    def validator(value: Any) -> str:
        try:
            return check(value)
        except OhsregError as err:
            raise to_pydantic_error(err) from None

    return validator


def _schema(pattern: str, title: str, description: str, example: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": pattern,
            "title": title,
            "description": description,
            "examples": [example],
        }
    )


USCC = Annotated[
    str,
    BeforeValidator(_wrap(uscc.validate)),
    _schema(uscc.PATTERN, "USCC", "统一社会信用代码 (GB 32100-2015), 18 characters", "91110000600037341L"),
]
"""A unified social credit code, validated and normalised by :func:`ohsreg.identifiers.uscc.validate`."""

CASNumber = Annotated[
    str,
    BeforeValidator(_wrap(cas.validate)),
    _schema(cas.PATTERN, "CAS number", "CAS Registry Number, hyphenated", "71-43-2"),
]
"""A CAS Registry Number, hyphenated (:func:`ohsreg.identifiers.cas.validate`); ints are refused."""

DivisionCode = Annotated[
    str,
    BeforeValidator(_wrap(division.validate)),
    _schema(division.PATTERN, "Division code", "行政区划代码 (GB/T 2260), current or historical", "330106"),
]
"""A GB/T 2260 division code known in the current table or as historical."""

IndustryCode = Annotated[
    str,
    BeforeValidator(_wrap(industry.validate)),
    _schema(
        industry.PATTERN,
        "Industry code",
        f"国民经济行业分类 ({industry.DEFAULT_EDITION}): section letter and 0, 2, 3 or 4 digits",
        "C2110",
    ),
]
"""A GB/T 4754 industry code of the default edition, normalised to letter-prefixed form (``C2110``)."""

ResidentID = Annotated[
    str,
    BeforeValidator(_wrap(resident_id.validate)),
    _schema(
        resident_id.PATTERN,
        "Resident ID",
        "公民身份号码 (GB 11643-1999), 18 characters",
        "11010519491231002X",
    ),
]
"""A resident identity number (personal data: export it with :func:`ohsreg.identifiers.resident_id.masked`)."""
