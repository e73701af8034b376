"""Identifier validation cost (issue #4): ohsreg's ``validate`` against python-stdnum's bare ``is_valid``.

ohsreg does more (full-width folding, precise errors, table lookups), so the goal is a bounded
overhead, not parity. Division and industry lookups are compared with a plain ``dict`` lookup of the
same code (the floor for any table lookup).
"""

from __future__ import annotations

from _harness import Result, per_call
from stdnum import casrn
from stdnum.cn import ric
from stdnum.cn import uscc as stdnum_uscc

from ohsreg.identifiers import cas, division, industry, resident_id, uscc

USCC_CODE = "91330100716105852F"
CAS_CODE = "7732-18-5"
RID_CODE = "11010519491231002X"


def run() -> list[Result]:
    division.get("110101")  # load the tables outside the timed loops
    industry.get("C2110")
    plain = {d.code: d for d in division.divisions()}
    plain_industry = {i.code: i for i in industry.industries()}
    out = []
    for name, ours, base, base_name, goal in (
        (
            "uscc.validate",
            lambda: uscc.validate(USCC_CODE),
            lambda: stdnum_uscc.is_valid(USCC_CODE),
            "stdnum uscc.is_valid",
            3.0,
        ),
        (
            "cas.validate",
            lambda: cas.validate(CAS_CODE),
            lambda: casrn.is_valid(CAS_CODE),
            "stdnum casrn.is_valid",
            3.0,
        ),
        (
            "resident_id.validate (incl. division lookup)",
            lambda: resident_id.validate(RID_CODE),
            lambda: ric.is_valid(RID_CODE),
            "stdnum ric.is_valid",
            3.0,
        ),
        (
            "division.validate",
            lambda: division.validate("330106"),
            lambda: plain.get("330106"),
            "dict.get",
            30.0,
        ),
        (
            "industry.validate",
            lambda: industry.validate("C2110"),
            lambda: plain_industry.get("2110"),
            "dict.get",
            60.0,
        ),
    ):
        out.append(Result(name, per_call(ours, number=5000), base_name, per_call(base, number=5000), goal))
    return out
