"""PPE surveys and change tracking (issue #16).

Baselines, timed in the same run: ``PPEUseSurvey.model_validate_json`` of the same survey (the check should
cost no more than reading the record), a bare dictionary comparison of the same GBZ 2.1 rows (what any
diff must at least do), and judging the same exposure records once on one date with the assess helpers
(a flip judges each twice).
"""

from __future__ import annotations

import datetime as dt

from _harness import Result, per_call

from ohsreg import catalogue
from ohsreg.assess._base import at_most, resolve_limit
from ohsreg.changes import diff, flips
from ohsreg.models import ExposureRecord, PPEObservation, PPEUseSurvey, RespiratorIssue

DAY = dt.date(2024, 6, 3)


def _survey(n: int) -> PPEUseSurvey:
    half = RespiratorIssue(respirator_class="自吸过滤式", facepiece="半面罩", workers=3)
    obs = [
        PPEObservation(
            post_code=f"P{i}",
            hazard="苯",
            workers_exposed=4,
            concentration=float(i % 60),
            respirators=[half],
            workers_wearing=3,
        )
        for i in range(n)
    ]
    return PPEUseSurvey(uscc="91330523MA2B7QK00K", surveyed_on=DAY, observations=obs)


def _bare_diff() -> int:
    a = {
        (r.name_zh, r.sub_condition): (r.mac, r.pc_twa, r.pc_stel)
        for r in catalogue.chemical_limits
        if r.in_force(dt.date(2020, 4, 1))
    }
    b = {
        (r.name_zh, r.sub_condition): (r.mac, r.pc_twa, r.pc_stel)
        for r in catalogue.chemical_limits
        if r.in_force(None)
    }
    return sum(1 for k in a.keys() & b.keys() if a[k] != b[k]) + len(a.keys() ^ b.keys())


def run() -> list[Result]:
    survey = _survey(100)
    text = survey.model_dump_json()
    records = [
        ExposureRecord(
            hazard="苯",
            measured_on=dt.date(2021, 6, 1),
            result=f"C_TWA = {i / 100:g} mg/m³",
            verdict="COMPLIES",
        )
        for i in range(200)
    ]

    def judge_once() -> None:
        for rec in records:
            limit = resolve_limit(None, "PC-TWA", "pc_twa", "mg/m³", hazard=rec.hazard, as_of=DAY)
            assert limit is not None
            at_most(float(str(rec.result).split()[2]), limit)

    diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG2")  # tables loaded before timing
    return [
        Result(
            "PPEUseSurvey.check (100 observations)",
            per_call(lambda: survey.check(), number=10),
            "PPEUseSurvey.model_validate_json",
            per_call(lambda: PPEUseSurvey.model_validate_json(text), number=10),
            15.0,
        ),
        Result(
            "diff GBZ 2.1-2019 -> +XG2 (398 rows)",
            per_call(lambda: diff("GBZ 2.1", "GBZ 2.1-2019", "GBZ 2.1-2019+XG2"), number=10),
            "bare dict comparison of 表1",
            per_call(_bare_diff, number=10),
            10.0,
        ),
        Result(
            "flips (200 exposure records, two dates)",
            per_call(lambda: flips(records, dt.date(2021, 6, 1), DAY), number=3),
            "judging them once on one date",
            per_call(judge_once, number=3),
            3.0,
        ),
    ]
