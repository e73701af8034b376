"""Top-level models: example records with one field mutated, removed or replaced validate or fail cleanly."""

from __future__ import annotations

import copy
from typing import Any

import pydantic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROBUST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

FIELD_VALUES = st.sampled_from(
    [
        "9999-99-99",
        "2020-02-30",
        "-1",
        "0",
        "１２３",
        "ＳＥＲＩＯＵＳ",
        "1 parsec",
        "nan",
        "1e400",
        "91350100M000100Y4",
        "71-43-2",
        "C2614",
        "110000",
    ]
)


def _mutate(doc: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    doc = copy.deepcopy(doc)
    cur = doc
    for key in path[:-1]:
        cur = cur[key]
    if delete:
        del cur[path[-1]]
    else:
        cur[path[-1]] = value
    return doc


@ROBUST
@given(data=st.data())
def test_mutated_examples(kit: Any, example_models: list[pydantic.BaseModel], data: st.DataObject) -> None:
    model = data.draw(st.sampled_from(example_models))
    mode = data.draw(st.sampled_from(["python", "json"]))
    doc = model.model_dump(mode=mode, context={"unmask": True})
    paths = kit.leaves(doc)
    for _ in range(2):
        path = data.draw(st.sampled_from(paths))
        delete = data.draw(st.booleans())
        value = data.draw(kit.anything() | FIELD_VALUES)
        mutated = _mutate(doc, path, value, delete)
        result = kit.check(lambda mutated=mutated: type(model).model_validate(mutated))
        if isinstance(result, pydantic.BaseModel):
            result.model_dump_json()
            repr(result)


def test_round_trip_of_examples(example_models: list[pydantic.BaseModel]) -> None:
    for model in example_models:
        again = type(model).model_validate_json(model.model_dump_json(context={"unmask": True}))
        assert again.model_dump(mode="json") == model.model_dump(mode="json")


@ROBUST
@given(data=st.data())
def test_model_queries_on_odd_dates(
    kit: Any, example_models: list[pydantic.BaseModel], data: st.DataObject
) -> None:
    import ohsreg

    enterprise, _, project, agency, expert = example_models
    value = data.draw(kit.anything() | st.dates() | st.sampled_from([None, "2024-01-01"]))
    for call in (
        lambda: enterprise.check(value),  # type: ignore[attr-defined]
        lambda: project.check(value),  # type: ignore[attr-defined]
        lambda: agency.check(value),  # type: ignore[attr-defined]
        lambda: expert.in_term(value),  # type: ignore[attr-defined]
        lambda: ohsreg.next_detection_due("SERIOUS", value, as_of=value),
        lambda: ohsreg.next_exam_due(enterprise.workers[0], "噪声", as_of=value),  # type: ignore[attr-defined]
        lambda: ohsreg.exam_interval("噪声", as_of=value, lex_8h=value),
    ):
        kit.check(call)
