"""Construction-project checks (issue #8): the cost of ``check(as_of)`` on a complete file.

Baseline: validating the same project from its JSON-mode dump (what any reader of a project file pays
anyway). A check walks every stage once, so it should cost about as much as reading the file. The pure
rule functions are compared with the same date arithmetic written inline (the goal allows for
one Python function call).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from _harness import Result, per_call

from ohsreg.models.project import ConstructionProject
from ohsreg.rules import project as rules

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
from project_walkthrough import granite_quarry

AS_OF = dt.date(2024, 7, 1)


def run() -> list[Result]:
    project = granite_quarry()
    data = project.model_dump(mode="json", context={"unmask": True})
    project.check(AS_OF)  # warm the catalogue and the message catalogues
    acceptance = dt.date(2024, 6, 21)
    reported = dt.date(2024, 6, 1)
    delta = dt.timedelta(days=20)
    return [
        Result(
            "ConstructionProject.check (complete file)",
            per_call(lambda: project.check(AS_OF), number=200),
            "model_validate (same file)",
            per_call(lambda: ConstructionProject.model_validate(data), number=200),
            goal=3.0,
        ),
        Result(
            "rules.acceptance_plan_on_time",
            per_call(lambda: rules.acceptance_plan_on_time(reported, acceptance), number=20000),
            "inline date arithmetic",
            per_call(lambda: reported <= acceptance - delta, number=20000),
            goal=4.0,
        ),
    ]


if __name__ == "__main__":
    for r in run():
        print(r.line())
