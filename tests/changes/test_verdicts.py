"""Verdict flips between two dates: the benzene amendment of GBZ 2.1-2019 is the worked example."""

from __future__ import annotations

import datetime as dt

import pytest

import ohsreg
from ohsreg import ExposureRecord, PPEObservation, PPEUseSurvey, RespiratorIssue
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Y2021, Y2024 = dt.date(2021, 6, 1), dt.date(2024, 6, 1)


def _exposure(result: str, hazard: str = "苯") -> ExposureRecord:
    return ExposureRecord(hazard=hazard, measured_on=Y2021, result=result, verdict="COMPLIES")


@pytest.mark.parametrize(
    ("result", "flipped"),
    [
        ("C_TWA = 4.5 mg/m³", True),  # 4.5 ≤ 6, > 3
        ("C_TWA = 2.0 mg/m³", False),  # complies under both
        ("C_TWA = 7 mg/m³", False),  # exceeds under both
        ("C_STE = 8 mg/m³", True),  # PC-STEL 10 → 6
        ("L_EX,8h = 88 dB(A)", False),  # not a concentration: not re-judged
    ],
)
def test_benzene_exposures(result: str, flipped: bool) -> None:
    found = ohsreg.flips([_exposure(result)], Y2021, Y2024)
    assert bool(found) is flipped
    if found:
        (f,) = found
        assert (f.before, f.after, f.kind) == (Verdict.COMPLIES, Verdict.EXCEEDS, "exposure")
        assert f.source_a
        assert f.source_b
        assert f.source_a != f.source_b
        assert "2021-06-01" in f.explain("zh_CN")
        assert (f.state_a, f.state_b) == ("GBZ 2.1-2019", "GBZ 2.1-2019+XG1")
        assert [c.key for c in ohsreg.diff("GBZ 2.1", f.state_a, f.state_b).changed] == ["表1 苯"]


def test_reverse_direction_and_same_date() -> None:
    (back,) = ohsreg.flips([_exposure("C_TWA = 4.5 mg/m³")], Y2024, Y2021)
    assert (back.before, back.after) == (Verdict.EXCEEDS, Verdict.COMPLIES)
    assert ohsreg.flips([_exposure("C_TWA = 4.5 mg/m³")], Y2024, Y2024) == []


def test_unverified_amendment_window_is_skipped() -> None:
    # amendment No. 1 took effect on an unverified day of November 2022: no flip is claimed there
    assert ohsreg.flips([_exposure("C_TWA = 4.5 mg/m³")], Y2021, dt.date(2022, 11, 15)) == []


def test_findings_of_checked_records() -> None:
    survey = PPEUseSurvey(
        uscc="91330523MA2B7QK00K",
        surveyed_on=Y2021,
        observations=[
            PPEObservation(
                post_code="P1",
                hazard="苯",
                workers_exposed=2,
                concentration=45.0,
                respirators=[RespiratorIssue(respirator_class="自吸过滤式", facepiece="半面罩", workers=2)],
            )
        ],
    )
    (f,) = ohsreg.flips([survey], Y2021, Y2024)
    assert (f.kind, f.what, f.present_a, f.present_b) == (
        "finding",
        "ppe.protection_insufficient",
        False,
        True,
    )
    assert f.subject == "records[0].observations[0].respirators[0]"
    assert "raised on 2024-06-01" in f.explain("en")


def test_enterprise_posts_are_re_judged(wood_furniture: ohsreg.Enterprise) -> None:
    enterprise = wood_furniture
    post = enterprise.posts[0]
    exposure = _exposure("C_TWA = 4.5 mg/m³")
    changed = post.model_copy(update={"hazards": (*post.hazards, "C028"), "exposures": (exposure,)})
    workplace = enterprise.workplaces[0].model_copy(
        update={"posts": (changed, *enterprise.workplaces[0].posts[1:])}
    )
    ent = enterprise.model_copy(update={"workplaces": (workplace, *enterprise.workplaces[1:])})
    found = [f for f in ohsreg.flips([ent], Y2021, Y2024) if f.kind == "exposure"]
    assert [f.subject for f in found] == ["records[0].workplaces[0].posts[0].exposures[0]"]


def test_bad_dates() -> None:
    with pytest.raises(OhsregError):
        ohsreg.flips([], "2021-01-01", Y2024)  # type: ignore[arg-type]


def test_across_the_2007_to_2019_edition() -> None:
    # measured in 2019 (GBZ 2.1-2007 in force: benzene PC-TWA 6) and judged again in 2024 (+XG1: 3)
    (f,) = ohsreg.flips([_exposure("C_TWA = 4.5 mg/m³")], dt.date(2019, 6, 1), Y2024)
    assert (f.state_a, f.state_b) == ("GBZ 2.1-2007", "GBZ 2.1-2019+XG1")
    assert f.source_a is not None
    assert "2007" in f.source_a
