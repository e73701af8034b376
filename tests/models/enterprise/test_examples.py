"""The three example employers: they build, round-trip through JSON, mask personal data, and check."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from types import ModuleType

import pytest

from ohsreg.models import Enterprise, Finding
from ohsreg.vocab import Severity


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_json_round_trip(builders: dict[str, Callable[[], Enterprise]]) -> None:
    for build in builders.values():
        ent = build()
        text = ent.model_dump_json(context={"unmask": True})
        assert Enterprise.model_validate_json(text) == ent
        assert Enterprise.model_validate(ent.model_dump(context={"unmask": True})) == ent


def test_default_export_masks_personal_data(builders: dict[str, Callable[[], Enterprise]]) -> None:
    for build in builders.values():
        ent = build()
        text = ent.model_dump_json()
        for worker in ent.workers:
            assert worker.name not in text
            if worker.resident_id:
                assert worker.resident_id not in text
        assert ent.principal.name not in text
        assert ent.principal.name not in repr(ent)
        assert ent.principal.name not in str(ent)
        assert ent.principal.name not in repr(ent.principal)
        for worker in ent.workers:
            assert worker.name not in repr(worker)
            assert worker.name not in str(worker)
        for manager in ent.oh_managers:
            assert manager.name not in str(manager)


def test_json_schema_names_personal_fields() -> None:
    schema = json.dumps(Enterprise.model_json_schema(), ensure_ascii=False)
    assert '"x-personal-data": "name"' in schema
    # note: the resident-ID marker is lost under the identifier's WithJsonSchema (models/base.py)


AS_OF = dt.date(2025, 6, 30)


def test_wood_furniture_findings(wood: Enterprise) -> None:
    assert _rules(wood.check(AS_OF)) == [
        "declaration.hazard_missing",
        "surveillance.interval_unknown",
        "surveillance.exam_overdue",
        "training.overdue",
        "detection.overdue",
        "licence.expired",
    ]


def test_gold_mine_findings(mine: Enterprise) -> None:
    found = mine.check(AS_OF)
    assert _rules(found) == [
        "declaration.overdue",
        "surveillance.interval_unknown",
        "surveillance.pre_placement_missing",
        "surveillance.pre_placement_missing",
        "training.principal_untrained",
        "detection.overdue",
        "evaluation.after_accident",
        "enforcement.unrectified",
    ]
    overdue = found[0]
    assert overdue.due == dt.date(2024, 1, 17)  # principal changed 2024-01-02, + 15 days
    assert "第八条第（三）项" in overdue.clause


def test_shoe_factory_findings(shoes: Enterprise) -> None:
    found = shoes.check(AS_OF)
    assert _rules(found) == [
        "declaration.overdue",
        "surveillance.contraindication",
        "surveillance.contraindication",
        "surveillance.exit_exam_missing",
    ]
    assert all(f.severity is Severity.ERROR for f in found)


def test_findings_are_bilingual_and_complete(builders: dict[str, Callable[[], Enterprise]]) -> None:
    for build in builders.values():
        for f in build().check(AS_OF):
            en, zh = f.message("en"), f.message("zh_CN")
            assert "{" not in en, f.rule
            assert "{" not in zh, f.rule
            assert en != zh, f"missing zh translation for {f.template!r}"
            assert f.clause
            assert Finding.model_validate_json(f.model_dump_json()) == f


def test_no_personal_data_in_findings(builders: dict[str, Callable[[], Enterprise]]) -> None:
    for build in builders.values():
        ent = build()
        text = json.dumps([f.model_dump(mode="json") for f in ent.check(AS_OF)], ensure_ascii=False)
        for worker in ent.workers:
            assert worker.name not in text


def test_check_before_everything_is_quiet(mine: Enterprise) -> None:
    # on the day the mine's first records start, nothing that happens later may be reported
    early = mine.check(dt.date(2019, 4, 10))
    assert "enforcement.unrectified" not in _rules(early)
    assert "evaluation.after_accident" not in _rules(early)
    assert "declaration.overdue" not in _rules(early)


def test_example_script_runs(examples: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    examples.main()
    out = capsys.readouterr().out
    assert "declaration.hazard_missing" in out
    assert "岗位接触的危害因素" in out


def test_exposure_records_from_assessments() -> None:
    import ohsreg.assess as oa
    from ohsreg.models import ExposureRecord

    twa = oa.twa([(300, 1.5), (200, 2), (180, 2.5)], limit=200)
    record = ExposureRecord.from_assessment("乙酸乙酯", dt.date(2024, 5, 6), twa, report_no="R-1")
    assert record.verdict.code == "COMPLIES"
    assert record.clause == twa.clause
    assert record.lex_8h is None
    assert record.result is not None
    assert record.result.startswith("C_TWA")
    noise = ExposureRecord.from_assessment("噪声", dt.date(2024, 5, 6), oa.noise_exposure([(80, 8)]))
    assert noise.lex_8h is not None
    assert noise.lex_8h.value == pytest.approx(80.0)


def test_every_emitted_finding_code_is_documented(builders: dict[str, Callable[[], Enterprise]]) -> None:
    import re
    from pathlib import Path

    table = (Path(__file__).resolve().parents[3] / "docs" / "reference" / "rules.md").read_text(
        encoding="utf-8"
    )
    documented = set(re.findall(r"^\| `([\w.]+)`", table, flags=re.M))
    emitted = {
        f.rule
        for build in builders.values()
        for day in (dt.date(2012, 1, 1), dt.date(2020, 6, 1), AS_OF, dt.date(2026, 9, 1))
        for f in build().check(day)
    }
    assert emitted <= documented, sorted(emitted - documented)
