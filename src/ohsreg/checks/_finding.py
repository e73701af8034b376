"""``finding()`` typed by area: each checks module lists its rule codes as a ``Literal`` and builds its
findings through a :class:`Findings` of that ``Literal``, so a misspelt code fails ``mypy``.

>>> from typing import Literal
>>> from ohsreg.vocab import Severity
>>> finding = Findings[Literal["demo.late"]]()
>>> finding("demo.late", Severity.INFO, "示例 第1条", "late").rule
'demo.late'
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from ohsreg.models.base import Finding, ParamValue
from ohsreg.models.base import finding as _finding
from ohsreg.vocab import Severity

__all__ = ["Findings"]

Rule = TypeVar("Rule", bound=str)


class Findings(Generic[Rule]):
    """:func:`ohsreg.models.finding`, restricted to the rule codes ``Rule`` of one area."""

    __slots__ = ()

    def __call__(
        self,
        rule: Rule,
        severity: Severity,
        clause: str,
        template: str,
        *,
        subject: str | None = None,
        due: dt.date | None = None,
        **params: ParamValue,
    ) -> Finding:
        return _finding(rule, severity, clause, template, subject=subject, due=due, **params)
