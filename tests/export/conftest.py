"""Small test models covering what the exporters must carry: nesting, lists, quantities, vocabularies,
open terms, personal data, dates, free-form mappings."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import Field

from ohsreg.models.base import PersonalResidentID, PersonName, Phone, Record
from ohsreg.units import Concentration, SoundLevel
from ohsreg.vocab import HazardCategory, OpenTerm, Verdict


class Sample(Record):
    """One measurement at a post."""

    hazard: str
    category: OpenTerm[HazardCategory]
    value: Concentration
    noise: SoundLevel | None = None
    verdict: Verdict | None = None


class Worker(Record):
    name: PersonName
    phone: Phone | None = None
    resident_id: PersonalResidentID | None = None


class Post(Record):
    """A post (岗位) with its samples."""

    name: str = Field(json_schema_extra={"x-zh": "岗位名称"})
    samples: list[Sample] = Field(default_factory=list)
    workers: list[Worker] = Field(default_factory=list)
    lead: Worker | None = None


class Site(Record):
    code: str
    name: str
    opened: dt.date | None = None
    headcount: int = 0
    share: float | None = None
    active: bool = True
    tags: list[str] = Field(default_factory=list)
    extra: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    posts: list[Post] = Field(default_factory=list)


def make_site(i: int = 0) -> Site:
    return Site(
        code=f"S{i:04d}",
        name=f'=HYPERLINK("x") 车间{i}' if i % 2 else f"车间{i}",
        opened=dt.date(2020, 1, 1 + i % 28),
        headcount=10 + i,
        share=0.25 if i % 3 else None,
        active=bool(i % 2),
        tags=["-dash", "", "'quote", "123"][: i % 5],
        extra={"n": i, "text": "7", "flag": True} if i % 2 else {},
        posts=[
            Post(
                name=f"岗位{j}",
                samples=[
                    Sample(hazard="苯", category="CHEMICAL", value=f"{0.5 + j} mg/m3", verdict="COMPLIES"),
                    Sample(hazard="噪声", category={"custom": "+其他"}, value="1 ppm", noise="85 dB(A)"),
                ],
                workers=[Worker(name="张三丰", phone="13812345678", resident_id="11010519491231002X")],
                lead=Worker(name="李四") if j else None,
            )
            for j in range(i % 3)
        ],
    )


@pytest.fixture
def m() -> SimpleNamespace:
    """The test models and the sample builder (test modules cannot import each other)."""
    return SimpleNamespace(Site=Site, Post=Post, Sample=Sample, Worker=Worker, make_site=make_site)


@pytest.fixture
def sites() -> list[Site]:
    return [make_site(i) for i in range(12)]


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "enterprise_checks.py"


@pytest.fixture(scope="session")
def example_enterprises() -> list[Any]:
    """The three example employers of ``examples/enterprise_checks.py`` (loaded by path)."""
    spec = importlib.util.spec_from_file_location("ohsreg_example_export", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [build() for build in dict(module.BUILDERS).values()]
