"""Invalid enterprises raise a ValidationError naming the field and the rule.

That every message has a zh translation is checked project-wide in tests/i18n/test_completeness.py.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pydantic
import pytest

from ohsreg.models import Enterprise, Worker

SRC = Path(__file__).resolve().parents[3] / "src" / "ohsreg"
MINE_MODULES = [
    "models/base",
    "models/declaration",
    "models/detection",
    "models/enforcement",
    "models/enterprise",
    "checks/enterprise",
    "models/licence",
    "models/surveillance",
    "models/training",
    "rules/declaration",
    "rules/detection",
    "rules/enforcement",
    "rules/surveillance",
    "rules/training",
]


def _data(ent: Enterprise) -> dict[str, Any]:
    return copy.deepcopy(ent.model_dump(mode="json", context={"unmask": True}))


def _errors(data: dict[str, Any]) -> list[Any]:
    with pytest.raises(pydantic.ValidationError) as info:
        Enterprise.model_validate(data)
    return info.value.errors()


def test_exposed_more_than_total(wood: Enterprise) -> None:
    data = _data(wood)
    data["workers_exposed"] = data["workers_total"] + 1
    (err,) = _errors(data)
    assert err["type"] == "enterprise.headcount"
    assert err["ctx"]["field"] == "workers_exposed"
    assert "workers_exposed" in err["msg"]
    assert "接触职业病危害的劳动者人数" in err["msg"]


def _one_worker_total(d: dict[str, Any]) -> None:
    d.update(workers_total=1, workers_exposed=1)
    for workplace in d["workplaces"]:
        for post in workplace["posts"]:
            post["workers"] = 1


@pytest.mark.parametrize(
    ("mutate", "rule"),
    [
        (lambda d: d["workers"][0].update(posts=["NOPE"]), "enterprise.post_unknown"),
        (lambda d: d["workers"].append(dict(d["workers"][0])), "enterprise.worker_duplicate"),
        (lambda d: d["workplaces"][1]["posts"][0].update(code="CUT"), "enterprise.post_duplicate"),
        (lambda d: d["workplaces"][0]["posts"][0].update(workers=999), "enterprise.post_headcount"),
        (_one_worker_total, "enterprise.worker_count"),
        (lambda d: d["declarations"][0].update(uscc="91350582MA2Y8TD30J"), "declaration.uscc_mismatch"),
        (lambda d: d["licences"][0].update(holder_uscc="91350582MA2Y8TD30J"), "licence.holder_mismatch"),
        (lambda d: d["workers"][0].update(left_on="2010-01-01"), "enterprise.date_order"),
        (lambda d: d["workers"][0]["exams"][0].update(date="2999-01-01"), "record.future_date"),
        (
            lambda d: d["workplaces"][0]["posts"][0]["exposures"][0].update(hazard="苯"),
            "enterprise.exposure_hazard",
        ),
        (lambda d: d.update(uscc="91330523MA2B7QK00L"), "uscc.checksum"),
        (lambda d: d.update(industry="C2119"), "industry.unknown"),
        (lambda d: d["workers"][0].update(resident_id="330523198503142314"), "resident_id.checksum"),
        (lambda d: d.update(risk_class="很严重"), "vocab.unknown"),
        (lambda d: d.pop("principal"), "missing"),
        (lambda d: d.update(nickname="x"), "extra_forbidden"),
        (lambda d: d.update(workers_total=-1), "greater_than_equal"),
    ],
)
def test_bad_enterprises(wood: Enterprise, mutate: Any, rule: str) -> None:
    data = _data(wood)
    mutate(data)
    assert rule in {e["type"] for e in _errors(data)}


def test_field_locations(wood: Enterprise) -> None:
    data = _data(wood)
    data["workers"][1]["resident_id"] = "123"
    (err,) = _errors(data)
    assert err["loc"] == ("workers", 1, "resident_id")


def test_records_are_frozen(wood: Enterprise) -> None:
    with pytest.raises(pydantic.ValidationError):
        wood.name = "x"  # type: ignore[misc]


def test_worker_active_window() -> None:
    w = Worker(id="W", name="张三", placed_on=dt.date(2020, 1, 1), left_on=dt.date(2021, 1, 1))
    assert w.active_on(dt.date(2020, 1, 1))
    assert not w.active_on(dt.date(2021, 1, 1))
    assert not w.active_on(dt.date(2019, 12, 31))


def test_unknown_hazard_on_a_post(wood: Enterprise) -> None:
    data = _data(wood)
    data["workplaces"][1]["posts"][0]["hazards"] = ["不存在的因素"]
    errors = _errors(data)
    assert errors[0]["loc"][:5] == ("workplaces", 1, "posts", 0, "hazards")
    assert errors[0]["type"] == "catalogue.unknown"
    assert "不存在的因素" in errors[0]["msg"]


def test_hazards_are_stored_as_catalogue_keys(wood: Enterprise) -> None:
    data = _data(wood)
    data["workplaces"][1]["posts"][0]["hazards"] = ["benzene", "71-43-2", "噪声"]
    data["workplaces"][1]["posts"][0]["exposures"] = []
    ent = type(wood).model_validate(data, context={"as_of": dt.date(2025, 6, 30)})
    assert ent.workplaces[1].posts[0].hazards == ("C028", "C028", "P001")


def test_exposure_on_an_unlisted_hazard_names_it(wood: Enterprise) -> None:
    data = _data(wood)
    post = data["workplaces"][0]["posts"][0]
    post["exposures"] = [{**post["exposures"][0], "hazard": "苯", "lex_8h": None}]
    errors = _errors(data)
    assert errors[0]["type"] == "enterprise.exposure_hazard"
    assert "苯 (C028)" in errors[0]["msg"]
