"""Enterprise models (issue #7): parsing an enterprise file, running the supervisor's check, rule functions.

Baselines are timed in the same run: a bare pydantic mirror of Enterprise with the same fields (issue #14:
goal ≤ 1.5×), ``json.loads`` of the same document (the floor of any JSON reader),
and plain ``date + timedelta`` for the deadline rule functions. The example enterprise is the gold mine of
``examples/enterprise_checks.py``, replicated to 200 workers so the per-worker rules dominate.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any

from _bare import bare
from _harness import Result, per_call

from ohsreg.models import Enterprise
from ohsreg.rules.declaration import due_date
from ohsreg.rules.surveillance import next_exam_due

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "enterprise_checks.py"
AS_OF = dt.date(2025, 6, 30)


def _mine(workers: int) -> Enterprise:
    spec = importlib.util.spec_from_file_location("_bench_enterprise_examples", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    base: Enterprise = module.build_gold_mine()
    data: dict[str, Any] = base.model_dump(mode="json", context={"unmask": True})
    template = data["workers"][0]
    data["workers"] = [{**template, "id": f"ZY-{i:04d}"} for i in range(workers)]
    return Enterprise.model_validate(data)


def run() -> list[Result]:
    ent = _mine(200)
    text = ent.model_dump_json(context={"unmask": True})
    worker = ent.workers[0]
    hazard = ent.workers[0].exams[-1].hazards[0]
    day = dt.date(2025, 5, 1)
    mirror = bare(Enterprise)  # same fields and nesting, core types only (benchmarks/_bare.py)
    mirror.model_validate_json(text)
    out = [
        Result(
            "Enterprise.model_validate_json (200 workers)",
            per_call(lambda: Enterprise.model_validate_json(text), number=20),
            "bare pydantic model, same fields",
            per_call(lambda: mirror.model_validate_json(text), number=20),
            1.5,
        ),
        Result(
            "Enterprise.model_validate_json (200 workers)",
            per_call(lambda: Enterprise.model_validate_json(text), number=20),
            "json.loads",
            per_call(lambda: json.loads(text), number=20),
            40.0,
        ),
        Result(
            "Enterprise.check (200 workers)",
            per_call(lambda: ent.check(AS_OF), number=20),
            "model_validate_json",
            per_call(lambda: Enterprise.model_validate_json(text), number=20),
            1.0,
        ),
        Result(
            "rules.declaration.due_date",
            per_call(lambda: due_date("PROCESS_CHANGE", day), number=20000),
            "date + timedelta",
            per_call(lambda: day + dt.timedelta(days=15), number=20000),
            20.0,
        ),
        Result(
            "next_exam_due",
            per_call(lambda: next_exam_due(worker, hazard, as_of=AS_OF), number=5000),
            "date + timedelta",
            per_call(lambda: day + dt.timedelta(days=365), number=5000),
            40.0,
        ),
    ]
    return out
