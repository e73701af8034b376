"""Fuzz profile: every public validator and every public model on hostile and near-valid input (issue #17).

Each test draws values (NaN, huge ints, bools, bytes, lone surrogates, exotic digits, control characters,
nested containers, and the vocabulary, hazards, editions and units the library knows, so calls also get
past the first check) and accepts only two outcomes: a result, or a ``ValidationError`` / ``OhsregError``
carrying a rule code. A result must behave: a normalised identifier is a fixed point, an assessment has a
finite value and explains itself in zh and en, a model survives its JSON round trip unchanged.

The targets are found, not listed: every public function of :mod:`ohsreg.identifiers`,
:mod:`ohsreg.units`, :mod:`ohsreg.assess`, the catalogue's look-ups, the i18n formatters, and every model
of :func:`ohsreg.export.jsonschema.public_models`. Arguments are drawn per parameter from the parameter's
name (``as_of`` gets dates, ``hazard`` hazard names, ``segments`` lists of pairs...), with anything at all
mixed in.

Small in CI (:data:`EXAMPLES` per target). ``python3 scripts/dev.py fuzz`` sets ``OHSREG_FUZZ`` (20 000
examples per target by default) and ``OHSREG_FUZZ_REPORT``: then no example stops the run; every escaping
exception is tallied per target, written to the report (one JSON line per target) and fails the target.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import json
import math
import os
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg import assess, catalogue, i18n, instruments, units, vocab
from ohsreg.export.jsonschema import public_models
from ohsreg.identifiers import cas, division, industry, resident_id, uscc
from ohsreg.vocab._base import LabeledEnum

EXAMPLES = int(os.environ.get("OHSREG_FUZZ", "0")) or 12
"""Examples per target: 12 in CI, ``OHSREG_FUZZ`` under ``scripts/dev.py fuzz``."""

REPORT = os.environ.get("OHSREG_FUZZ_REPORT")
"""Where the fuzz run writes its per-target tally; unset in CI, where the first escape fails the test."""

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# -- value strategies ------------------------------------------------------------------------------

#: Characters that broke or could break identifiers and text: full-width and exotic digits, dashes,
#: blanks and control characters, formula starts.
TRICKY = "0123456789XLAＸ０９-－—‐ \u3000\xa0\t\r\n\x00①¹₂𝟗٣=＝+@|'.,"

CODES = st.text(TRICKY, max_size=24) | st.text(max_size=24)
NUMBERS = st.one_of(
    st.integers(-5, 100),
    st.floats(0, 1000),
    st.integers(-(10**3), 10**3),
    st.integers(min_value=2**62, max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 1e-320, 1e308, -1e308, 10**400, True, False, "1e400", "nan", "8", "8 h"]),
)
VALID_CODES = st.sampled_from(
    [
        "91350100M000100Y43",
        "91110000600037341L",
        "7440-38-2",
        "71-43-2",
        "50-00-0",
        "110000",
        "110101",
        "C2614",
        "C1951",
        "B0610",
        "11010519491231002X",
    ]
)
HAZARDS = st.sampled_from(
    ["苯", "benzene", "71-43-2", "甲醛", "矽尘", "煤尘", "噪声", "一氧化碳", "铅尘", "氨"]
)
EDITIONS = st.sampled_from(sorted({i.id for i in instruments.all_instruments()} | {"2011", "GBZ 2.1"}))
UNITS = st.sampled_from(
    ["mg/m³", "mg/m3", "ppm", "μg/m³", "h", "min", "s", "°C", "℃", "K", "dB(A)", "%", "1"]
)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)) | st.sampled_from(
    [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.datetime(2021, 1, 1, 8), "2021-01-01", "2020-02-30"]
)
#: Every label of the controlled vocabulary (codes, zh and en), so enum-valued parameters get valid values.
LABELS = st.sampled_from(
    sorted(
        {
            label
            for enum in (getattr(vocab, n) for n in vocab.__all__)
            if isinstance(enum, type) and issubclass(enum, LabeledEnum)
            for member in enum
            for label in (member.code, member.zh, member.en)
        }
        | {"I", "II", "III", "IV", "1", "2", "3", "4", "male", "female", "lift", "total", "respirable"}
        | {"error", "zero", "half", "limit", "LOD", "LOQ", "en", "zh_CN", "zh", "fr", "PROVINCE", "CITY"}
    )
)


@functools.cache  # strategies are built once: building them per draw costs more than the calls
def anything(kit: Any) -> st.SearchStrategy[Any]:
    return kit.anything() | CODES | NUMBERS


def pairs(kit: Any) -> st.SearchStrategy[Any]:
    """Lists of (value, time) pairs or triples, as the segment-taking rules want, and odd shapes."""
    value = NUMBERS | UNITS.map(lambda u: f"2 {u}") | kit.anything()
    item = st.tuples(value, value) | st.tuples(value, value, value) | st.lists(value, max_size=3)
    return st.lists(item, max_size=5) | st.lists(NUMBERS, max_size=5) | kit.anything()


#: Parameter name -> what to draw for it (the name says what the library expects there).
HINTS: dict[str, Callable[[Any], st.SearchStrategy[Any]]] = {
    "as_of": lambda kit: DATES | kit.anything(),
    "edition": lambda kit: EDITIONS | st.none() | CODES,
    "hazard": lambda kit: HAZARDS | CODES | kit.anything(),
    "query": lambda kit: HAZARDS | VALID_CODES | CODES | kit.anything(),
    "industry_code": lambda kit: VALID_CODES | CODES | kit.anything(),
    "code": lambda kit: VALID_CODES | CODES | kit.anything(),
    "number": lambda kit: VALID_CODES | CODES | kit.anything(),
    "digits": lambda kit: VALID_CODES | CODES | kit.anything(),
    "value": lambda kit: NUMBERS | UNITS.map(lambda u: f"0.5 {u}") | kit.anything(),
    "template": lambda kit: (
        st.sampled_from(["{subject} is {value}", "{x:>99999999}", "{a.__class__}"]) | st.text(max_size=40)
    ),
    "unit": lambda kit: UNITS | CODES,
    "default_unit": lambda kit: UNITS | CODES,
    "from_unit": lambda kit: UNITS | CODES,
    "to_unit": lambda kit: UNITS | CODES,
    "kind": lambda kit: st.sampled_from([None, *units.KINDS]) | LABELS,
    "locale": lambda kit: LABELS | st.none() | CODES,
    "level": lambda kit: NUMBERS | LABELS | st.none(),
    "decimals": lambda kit: st.integers(-2, 120) | NUMBERS,
    "days": lambda kit: NUMBERS,
    "limit": lambda kit: NUMBERS | UNITS.map(lambda u: f"1 {u}") | st.none() | kit.anything(),
}
for _name in ("intensity", "hazard_degree", "respirator_class", "facepiece", "pressure", "sex", "work"):
    HINTS[_name] = lambda kit: LABELS | NUMBERS | kit.anything()
for _name in ("fraction", "below_lod", "field"):
    HINTS[_name] = lambda kit: LABELS | CODES | st.none()
for _name in (
    "adjust_long_shift",
    "hot_region",
    "idlh",
    "uses_listed_solvents",
    "historical",
    "allow_masked",
):
    HINTS[_name] = lambda kit: st.booleans() | st.none() | NUMBERS
for _name in (
    "segments",
    "segments_",
    "tasks",
    "periods",
    "components",
    "excursions",
    "values",
    "levels",
    "durations",
    "durations_h",
    "daily_lex",
    "concentrations",
    "c_ste",
    "hours",
    "minutes",
    "wbgt",
    "wbgt_value",
    "exposure_hours",
    "samples",
    "contaminants",
    "values_",
):
    HINTS[_name] = pairs


@functools.cache
def _argument(kit: Any, name: str) -> st.SearchStrategy[Any]:
    hint = HINTS.get(name)
    return hint(kit) if hint else NUMBERS | anything(kit)


def _call(function: Callable[..., Any], kit: Any, data: st.DataObject) -> tuple[Callable[[], Any], str]:
    """A call of ``function`` with drawn arguments (optional ones sometimes left out), and its repr."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(function).parameters.values():
        if param.kind is param.VAR_KEYWORD:
            if data.draw(st.booleans()):
                kwargs["subject"] = data.draw(anything(kit))
            continue
        if param.kind is param.VAR_POSITIONAL:
            args += data.draw(st.lists(_argument(kit, param.name), max_size=3))
            continue
        if param.default is not param.empty and data.draw(st.booleans()):
            continue  # leave the default
        value = data.draw(_argument(kit, param.name))
        if param.kind is param.KEYWORD_ONLY or (param.default is not param.empty and args != []):
            kwargs[param.name] = value
        else:
            args.append(value)
    shown = f"{function.__module__}.{function.__qualname__}(*{args!r}, **{kwargs!r})"
    return (lambda: function(*args, **kwargs)), shown[:400]


# -- the targets -----------------------------------------------------------------------------------


def _functions(module: Any, names: list[str] | None = None) -> dict[str, Callable[..., Any]]:
    names = names if names is not None else list(getattr(module, "__all__", dir(module)))
    short = module.__name__.removeprefix("ohsreg.")
    return {
        f"{short}.{n}": getattr(module, n)
        for n in names
        if not n.startswith("_") and inspect.isfunction(getattr(module, n))
    }


#: Functions whose arguments are not values to validate: they read files, take no input, or fetch
#: a registry.
NOT_VALIDATORS = {
    "assess.samples_schema",
    "assess.shifts_schema",
    "units.get_registry",
    "catalogue.coverage",
    "catalogue.data_version",
    "catalogue.load",
    "i18n.use",
    "i18n.current_locale",
}

FUNCTIONS: dict[str, Callable[..., Any]] = {
    name: function
    for module in (cas, division, industry, resident_id, uscc, units, assess, catalogue, i18n)
    for name, function in _functions(module).items()
    if name not in NOT_VALIDATORS
}
# the shipped tables' own look-ups (hazards by name/CAS/alias, limits and diseases by key)
FUNCTIONS |= {
    "catalogue.hazards.lookup": catalogue.hazards.lookup,
    "catalogue.hazards.get": catalogue.hazards.get,
    "catalogue.chemical_limits.lookup": catalogue.chemical_limits.lookup,
    "catalogue.dust_limits.get": catalogue.dust_limits.get,
    "catalogue.diseases.lookup": catalogue.diseases.lookup,
}
MODELS = public_models()


# -- the tally of a fuzz run -----------------------------------------------------------------------


class Tally:
    """Examples run on one target and the exceptions that escaped, grouped by type and place."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.examples = 0
        self.escapes = 0
        self.kinds: dict[str, str] = {}

    def run(self, body: Callable[[], None]) -> None:
        """Run one example; under the fuzz command an escape is recorded instead of stopping the run."""
        self.examples += 1
        if REPORT is None:
            body()
            return
        try:
            body()
        except Exception as exc:  # the fuzz run tallies every escape and fails the target at the end
            self.escapes += 1
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            notes = " ".join(getattr(exc, "__notes__", ()))
            self.kinds.setdefault(where, f"{exc!r}"[:300] + " <- " + notes)

    def record(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "examples": self.examples,
            "escapes": self.escapes,
            "kinds": self.kinds,
        }


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    counted = Tally(request.node.callspec.id)
    yield counted
    if REPORT is not None:
        with Path(REPORT).open("a", encoding="utf-8") as out:
            out.write(json.dumps(counted.record(), ensure_ascii=False) + "\n")
        assert not counted.escapes, json.dumps(counted.kinds, ensure_ascii=False, indent=1)


@contextlib.contextmanager
def _calling(shown: str) -> Iterator[None]:
    """Note on any escaping exception what was called (the tally and hypothesis both show it)."""
    try:
        yield
    except Exception as exc:
        exc.add_note(f"call: {shown}")
        raise


# -- validators and rules --------------------------------------------------------------------------


def _behaves(name: str, function: Callable[..., Any], result: Any) -> None:
    """What a result (not an error) must satisfy, whatever the input."""
    if name.endswith(".is_valid"):
        assert isinstance(result, bool)
    if name.startswith("identifiers.") and name.endswith(".validate") and isinstance(result, str):
        assert function(result) == result  # the normal form is a fixed point
        assert result.isascii()
        assert result.isprintable()
    if isinstance(result, assess.Assessment):
        if isinstance(result.value, float):
            assert not math.isinf(result.value), result
        result.explain("en")
        result.explain("zh_CN")
        repr(result)
    if isinstance(result, float) and name.startswith(("assess.", "units.")) and name != "units.convert":
        assert not math.isinf(result), result


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@FUZZ
@given(data=st.data())
def test_function(kit: Any, tally: Tally, name: str, data: st.DataObject) -> None:
    function = FUNCTIONS[name]

    def body() -> None:
        call, shown = _call(function, kit, data)
        with _calling(shown):
            _behaves(name, function, kit.check(call))

    tally.run(body)


# -- models ----------------------------------------------------------------------------------------


def _records(value: Any) -> Iterator[pydantic.BaseModel]:
    """Every model instance inside ``value`` (itself included), depth first."""
    if isinstance(value, pydantic.BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _records(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _records(item)


@pytest.fixture(scope="session")
def instances(example_models: list[pydantic.BaseModel]) -> dict[str, list[dict[str, Any]]]:
    """Valid JSON documents of each model found inside the examples (unmasked), by model name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for record in _records(example_models):
        docs = found.setdefault(type(record).__name__, [])
        if len(docs) < 3:
            docs.append(record.model_dump(mode="json", context={"unmask": True}))
    return found


def _replaced(doc: Any, path: tuple[Any, ...], value: Any, remove: bool) -> Any:
    """``doc`` with the node at ``path`` replaced (or removed); copies only the nodes along the path."""
    if not isinstance(doc, dict | list):
        return doc  # an earlier change replaced the parent with a scalar
    key, rest = path[0], path[1:]
    # An earlier change may have put a list where a mapping was (then a name is no index).
    gone = key not in doc if isinstance(doc, dict) else not isinstance(key, int) or key >= len(doc)
    if gone:
        return doc  # an earlier change removed or replaced it
    copied: Any = dict(doc) if isinstance(doc, dict) else list(doc)
    if rest:
        copied[key] = _replaced(doc[key], rest, value, remove)
    elif remove and isinstance(copied, dict):
        del copied[key]
    else:
        copied[key] = value
    return copied


def _document(
    kit: Any, model: type[pydantic.BaseModel], docs: list[dict[str, Any]], data: st.DataObject
) -> Any:
    """A valid document with one to three leaves replaced or removed, or a document of random fields."""
    if docs and data.draw(st.integers(0, 3)):
        doc = data.draw(st.sampled_from(docs))
        paths = kit.leaves(doc)
        for _ in range(data.draw(st.integers(1, 3)) if paths else 0):
            path = data.draw(st.sampled_from(paths))
            doc = _replaced(doc, path, data.draw(_argument(kit, str(path[-1]))), data.draw(st.booleans()))
        return doc
    fields = list(model.model_fields)
    keys = data.draw(st.lists(st.sampled_from(fields), max_size=len(fields), unique=True)) if fields else []
    return {k: data.draw(_argument(kit, k)) for k in keys}


@pytest.mark.parametrize("name", sorted(MODELS))
@FUZZ
@given(data=st.data())
def test_model(
    kit: Any, tally: Tally, instances: dict[str, list[dict[str, Any]]], name: str, data: st.DataObject
) -> None:
    model = MODELS[name]

    def body() -> None:
        doc = _document(kit, model, instances.get(name, []), data)
        text: str | None = None
        if data.draw(st.booleans()):
            try:
                text = json.dumps(doc, ensure_ascii=False, allow_nan=False)
            except (TypeError, ValueError):  # bytes, NaN, dates...: not JSON, take the Python path
                text = None
        if text is not None:
            raw = text.encode("utf-8", "surrogatepass")
            call: Callable[[], Any] = lambda: model.model_validate_json(raw)  # noqa: E731
        else:
            call = lambda: model.model_validate(doc)  # noqa: E731
        shown = f"{name}: {text if text is not None else repr(doc)}"[:400]
        with _calling(shown):
            result = kit.check(call)
            if isinstance(result, pydantic.BaseModel):
                again = model.model_validate_json(result.model_dump_json(context={"unmask": True}))
                assert again == result
                repr(result)
                str(result)
                check = getattr(result, "check", None)
                if callable(check):
                    kit.check(lambda: list(check(as_of=dt.date(2024, 6, 30))))

    tally.run(body)
