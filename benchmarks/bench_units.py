"""Validation cost of quantity fields (issue #3): three quantities from dicts vs float + unit-string fields."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from _harness import Result, per_call
from pydantic import BaseModel

from ohsreg.units import Concentration, Duration, Temperature, parse_quantity
from ohsreg.vocab import HazardCategory, LimitType


class WithQuantities(BaseModel):
    twa: Concentration
    temperature: Temperature
    duration: Duration


class Plain(BaseModel):
    twa: float
    twa_unit: str
    temperature: float
    temperature_unit: str
    duration: float
    duration_unit: str


class WithTerms(BaseModel):
    category: HazardCategory
    limit_type: LimitType


class PlainTerms(BaseModel):
    category: str
    limit_type: str


TERM_DATA = {"category": "DUST", "limit_type": "PC_TWA"}

QUANTITY_DATA = {
    "twa": {"value": 0.5, "unit": "mg/m³"},
    "temperature": {"value": 28.5, "unit": "°C"},
    "duration": {"value": 15.0, "unit": "min"},
}
PLAIN_DATA = {
    "twa": 0.5,
    "twa_unit": "mg/m³",
    "temperature": 28.5,
    "temperature_unit": "°C",
    "duration": 15.0,
    "duration_unit": "min",
}
STRING_DATA = {"twa": "0.5 mg/m3", "temperature": "28.5 ℃", "duration": "15 min"}

# Varied values: more distinct strings than the field's memo holds (4096 per kind), read in a cycle, so
# every read misses the memo and goes the parsing way; the baseline reads the same values as floats.
_VARIED = 20_000
VARIED_STRINGS = [
    {
        "twa": f"{i * 0.000137:.6g} mg/m3",
        "temperature": f"{20 + i * 0.00071:.5g} ℃",
        "duration": f"{i % 480 + 1} min",
    }
    for i in range(_VARIED)
]
VARIED_PLAIN = [
    {
        "twa": float(d["twa"].split()[0]),
        "twa_unit": "mg/m3",
        "temperature": float(d["temperature"].split()[0]),
        "temperature_unit": "℃",
        "duration": float(d["duration"].split()[0]),
        "duration_unit": "min",
    }
    for d in VARIED_STRINGS
]


def _cycle(model: type[BaseModel], rows: list[dict[str, object]]) -> Callable[[], object]:
    it = itertools.cycle(rows)
    return lambda: model.model_validate(next(it))


def run() -> list[Result]:
    parse_quantity("1 mg/m³")  # warm the unit caches, as any long-running use would
    base = per_call(lambda: Plain.model_validate(PLAIN_DATA), number=5000)
    dicts = per_call(lambda: WithQuantities.model_validate(QUANTITY_DATA), number=5000)
    strings = per_call(lambda: WithQuantities.model_validate(STRING_DATA), number=5000)
    varied_base = per_call(_cycle(Plain, VARIED_PLAIN), number=_VARIED)
    varied = per_call(_cycle(WithQuantities, VARIED_STRINGS), number=_VARIED)
    terms_base = per_call(lambda: PlainTerms.model_validate(TERM_DATA), number=5000)
    terms = per_call(lambda: WithTerms.model_validate(TERM_DATA), number=5000)
    return [
        Result("3 quantity fields from dicts", dicts, "float+unit fields", base, 1.5),
        Result("2 vocabulary fields from codes (informative)", terms, "str fields", terms_base, 2.0),
        # issue #14 goal: a quantity from a string ("0.5 mg/m3") at most 1.5x a float + unit-string pair
        Result("3 quantity fields from strings", strings, "float+unit fields", base, 1.5),
        Result("3 from strings, 20k distinct values", varied, "float+unit fields", varied_base, 1.5),
    ]


if __name__ == "__main__":
    for result in run():
        print(result.line())
