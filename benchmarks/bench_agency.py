"""Agencies and expert draws (issue #9): cost of the rule checks against their bare floors.

- ``ExpertPool.draw`` on 1000 experts (every conflict, term and rule check, plus a validated
  ``DrawLog``) against the floor of any reproducible draw: sorting the ids and ``random.sample``.
- ``may_serve`` (regime, status, validity, scope, field, reach; builds findings and a decision record)
  against building one bare ``Finding`` — a decision is a handful of records.
"""

from __future__ import annotations

import datetime as dt
import random

from _harness import Result, per_call

from ohsreg.models.agency import Qualification, TechnicalServiceAgency
from ohsreg.models.base import finding
from ohsreg.models.expert import DrawFor, Expert, ExpertPool
from ohsreg.vocab import Severity

AS_OF = dt.date(2025, 6, 1)


class _Plant:
    industry = "C2614"
    region = "330106"


def _pool(size: int) -> ExpertPool:
    return ExpertPool(
        name="bench",
        experts=[
            Expert(
                id=f"E{i:05d}",
                name=f"专家{i}",
                specialities=["职业卫生评价"],
                title="SENIOR",
                years=10,
                affiliation=f"单位{i % 40}",
                level="PROVINCIAL",
                pool_type="OCCUPATIONAL_HEALTH",
                region="330100",
                term_start=dt.date(2023, 1, 1),
                term_end=dt.date(2027, 12, 31),
            )
            for i in range(size)
        ],
    )


def run() -> list[Result]:
    pool = _pool(1000)
    ids = [e.id for e in pool.experts]
    request = DrawFor(project_id="P-1", owner="单位0", agency="单位1", stage="CONTROL_EFFECT_EVALUATION")
    agency = TechnicalServiceAgency(
        uscc="91330100MA2H0X0X17",
        name="bench",
        region="330100",
        qualifications=[
            Qualification(
                certificate_no="Q",
                level="UNLEVELLED",
                region="330000",
                services=["DETECTION"],
                fields=["CHEMICAL"],
                valid_from=dt.date(2024, 1, 1),
                valid_until=dt.date(2028, 12, 31),
            )
        ],
    )
    plant = _Plant()
    return [
        Result(
            "ExpertPool.draw(5) on 1000 experts",
            per_call(lambda: pool.draw(5, for_=request, seed=1, as_of=AS_OF), number=20),
            "sorted ids + Random.sample",
            per_call(lambda: random.Random(1).sample(sorted(ids), 5), number=200),
            400.0,
        ),
        Result(
            "agency.may_serve",
            per_call(lambda: agency.may_serve(plant, "DETECTION", as_of=AS_OF), number=500),
            "one finding()",
            per_call(lambda: finding("a.b", Severity.INFO, "c", "t {x}", x=1), number=2000),
            20.0,
        ),
    ]
