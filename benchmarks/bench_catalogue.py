"""Catalogue (issue #5): exact lookup, ranked search and first load, each against a same-run baseline.

Goals in absolute terms (issue #5): exact lookup <= 1 us, ranked search over the whole catalogue
<= 100 us median, first load <= 50 ms (the search index is built on the first search, measured apart). The ratios below are against: a plain ``dict.get`` (lookup), a
plain linear substring scan over the Chinese names (search) and ``json.loads`` of the same file (load).
"""

from __future__ import annotations

import contextlib
import difflib
import json
import statistics
import time
from pathlib import Path

from _harness import Result, per_call

from ohsreg import catalogue
from ohsreg.catalogue import HazardFactor, Table
from ohsreg.errors import UnknownEntry

DATA = Path(catalogue.__file__).parent / "data"


def _first_load(path: Path) -> float:
    samples = []
    for _ in range(15):
        table = Table("bench", HazardFactor.from_dict, path=path)
        start = time.perf_counter()
        len(table)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _first_search(path: Path) -> float:
    """Load, then the first search (which builds the character/pair index of the keys)."""
    samples = []
    for _ in range(15):
        table = Table("bench", HazardFactor.from_dict, path=path)
        start = time.perf_counter()
        table.search("ben")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _json_load(path: Path) -> float:
    samples = []
    for _ in range(15):
        start = time.perf_counter()
        json.loads(path.read_text(encoding="utf-8"))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _load_all() -> float:
    samples = []
    for _ in range(7):
        tables = [
            Table(t.name, t._factory, path=DATA / f"{t.name}.json", keys=t._keys)
            for t in catalogue._ALL_TABLES
        ]
        start = time.perf_counter()
        for table in tables:
            len(table)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _json_all() -> float:
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        for t in catalogue._ALL_TABLES:
            json.loads((DATA / f"{t.name}.json").read_text(encoding="utf-8"))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run() -> list[Result]:
    hazards = catalogue.hazards
    len(hazards)  # loaded once; lookups and searches are measured warm
    hazards.search("warm")  # the search index is built on the first search
    plain = {h.cas[0]: h for h in hazards if h.cas}
    names = [h.name_zh for h in hazards]

    lookup = per_call(lambda: hazards.get("71-43-2"), number=20000)
    lookup_folded = per_call(lambda: hazards.get("BENZENE"), number=20000)
    base_lookup = per_call(lambda: plain.get("71-43-2"), number=20000)

    def typo() -> None:  # a miss with its suggestions, uncached (the path of lookup("苯乙稀"))
        hazards._suggestions.clear()
        with contextlib.suppress(UnknownEntry):
            hazards.lookup("苯乙稀")

    typo_lookup = per_call(typo, number=200)
    base_typo = per_call(lambda: difflib.get_close_matches("苯乙稀", names, n=5, cutoff=0.5), number=20)
    import pydantic

    from ohsreg.models import HazardRef
    from ohsreg.models.base import _RESOLVED, _resolved_hazard

    refs = pydantic.TypeAdapter(list[HazardRef])
    unknown = [f"未知因素{i}号" for i in range(2000)]
    known = [h.name_zh for h in hazards] * 5

    def validate(values: list[str]) -> None:  # cold: no name seen before
        _RESOLVED.clear()
        _resolved_hazard.cache_clear()
        hazards._suggestions.clear()
        with contextlib.suppress(pydantic.ValidationError):
            refs.validate_python(values)

    bulk_unknown = per_call(lambda: validate(unknown), number=1, repeat=3)
    bulk_known = per_call(lambda: validate(known[:2000]), number=1, repeat=3)
    search = per_call(lambda: hazards.search("苯乙"), number=200)
    search_pinyin = per_call(lambda: hazards.search("ben"), number=200)
    base_search = per_call(lambda: [n for n in names if "苯乙" in n], number=200)

    path = DATA / "hazard_factors_2015.json"
    load = _first_load(path)
    first_search = _first_search(path)
    base_load = _json_load(path)
    load_all, base_all = _load_all(), _json_all()
    return [
        Result("exact lookup by CAS (hazards.get)", lookup, "dict.get", base_lookup, 10.0),
        Result("exact lookup needing case folding ('BENZENE')", lookup_folded, "dict.get", base_lookup, 20.0),
        Result("ranked search '苯乙' over 459 factors", search, "linear name scan", base_search, 25.0),
        Result(
            "2000 distinct unknown hazard names validated (HazardRef)",
            bulk_unknown,
            "2000 known names",
            bulk_known,
            400.0,
        ),
        Result(
            "typo lookup '苯乙稀' (miss + suggestions, uncached)",
            typo_lookup,
            "difflib close matches",
            base_typo,
            0.25,
        ),
        Result(
            "ranked search 'ben' (pinyin) over 459 factors",
            search_pinyin,
            "linear name scan",
            base_search,
            25.0,
        ),
        Result(
            "first load of hazard_factors_2015 (parse+index)", load, "json.loads same file", base_load, 5.0
        ),
        Result(
            "load + first search of hazard_factors_2015 (builds search index)",
            first_search,
            "json.loads same file",
            base_load,
            10.0,
        ),
        Result(
            f"first load of all {len(catalogue._ALL_TABLES)} catalogue tables",
            load_all,
            "json.loads same files",
            base_all,
            5.0,
        ),
    ]


if __name__ == "__main__":
    for r in run():
        print(r.line())
