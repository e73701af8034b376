"""Noise (GBZ 2.2-2007 11.2.1, 表10): result fields, limits applied, refusals and their messages.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit
from ohsreg.errors import OhsregError
from ohsreg.units import lex_w
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_noise_exposure_result_fields_and_default_limit() -> None:
    r = oa.noise_exposure([(90.0, 2.0), (80.0, 6.0)])
    assert (r.quantity, r.unit, r.clause, r.verified) == ("L_EX,8h", "dB(A)", "GBZ 2.2-2007 11.2.1", True)
    assert (r.levels, r.durations_h) == ((90.0, 80.0), (2.0, 6.0))
    assert r.limit == AppliedLimit(
        kind="L_EX,8h", value=85.0, unit="dB(A)", source="GBZ 2.2-2007 11.2.1", edition="GBZ 2.2-2007"
    )
    assert r.explain("en") == (
        "L_EX,8h = 85.12 dB(A), L_EX,8h 85 dB(A) (GBZ 2.2-2007 11.2.1): exceeds [GBZ 2.2-2007 11.2.1]"
    )


def test_noise_exposure_explicit_limits(refused: Refused) -> None:
    r = oa.noise_exposure([(82.0, 8.0)], limit=80)
    assert r.limit == AppliedLimit(kind="L_EX,8h", value=80.0, unit="dB(A)")
    assert r.verdict is Verdict.EXCEEDS
    given = AppliedLimit(kind="house rule", value=83.0, unit="dB(A)", source="site rule")
    r = oa.noise_exposure([(82.0, 8.0)], limit=given)
    assert r.limit is given
    assert r.verdict is Verdict.COMPLIES
    assert oa.noise_exposure([(82.0, 8.0)], limit="82 dB(A)").verdict is Verdict.COMPLIES
    err = refused(oa.noise_exposure, [(82.0, 8.0)], limit=300)
    assert (err.rule, err.field) == ("assess.value", "limit")


def test_noise_exposure_task_shape_and_fields(refused: Refused) -> None:
    for bad in ([(90,)], [(90, 8, 1)], [5]):
        err = refused(oa.noise_exposure, bad)
        assert (err.rule, err.field, err.params["index"]) == ("assess.value", "tasks[0]", 0)
        assert err.message("en") == "task 0 must be (level, hours)"
    err = refused(oa.noise_exposure, [(80, 1), (90, -1)])
    assert (err.rule, err.field) == ("assess.value", "tasks[1].hours")
    err = refused(oa.noise_exposure, [(80, 1), ("loud", 1)])
    assert err.field == "tasks[1].level"
    err = refused(oa.noise_exposure, "80 dB")
    assert (err.rule, err.field) == ("assess.value", "tasks")


@pytest.mark.parametrize(("level", "ok"), [(-50.0, False), (-49.9, True), (249.9, True), (250.0, False)])
def test_plausible_sound_level_bounds(level: float, ok: bool, refused: Refused) -> None:
    if ok:
        assert oa.noise_exposure([(level, 8.0)]).value == pytest.approx(level)
        return
    err = refused(oa.noise_exposure, [(level, 8.0)])
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "tasks[0].level", level)
    assert err.message("en") == f"tasks[0].level must be a plausible sound level in dB, got {level!r}"


def test_noise_exposure_refusals(refused: Refused) -> None:
    for tasks in ([], [(90, 0), (80, 0)]):
        err = refused(oa.noise_exposure, tasks)
        assert (err.rule, err.field) == ("assess.empty", "tasks")
        assert err.message("en") == "no tasks given"
    err = refused(oa.noise_exposure, [(90, 8)], shift_hours=0)
    assert (err.rule, err.field) == ("assess.value", "shift_hours")
    err = refused(oa.noise_exposure, [(90, 8)], shift_hours=6)
    assert (err.rule, err.params["total"], err.params["cap"]) == ("assess.duration", 8.0, 6.0)
    assert oa.noise_exposure([(90, 6)], shift_hours=6).value == pytest.approx(90 + 10 * math.log10(6 / 8))
    assert oa.noise_exposure([(90, 12), (80, 12)]).durations_h == (12.0, 12.0)  # 24 h day by default


def test_noise_week_fields_and_bounds(refused: Refused) -> None:
    r = oa.noise_exposure_week([86.0] * 7)
    assert r.value == pytest.approx(lex_w([86.0] * 7))
    assert (r.quantity, r.unit, r.clause, r.levels, r.durations_h) == (
        "L_EX,W",
        "dB(A)",
        "GBZ 2.2-2007 11.2.1",
        (86.0,) * 7,
        (),
    )
    assert r.limit == AppliedLimit(
        kind="L_EX,W", value=85.0, unit="dB(A)", source="GBZ 2.2-2007 11.2.1", edition="GBZ 2.2-2007"
    )
    assert "7 working days" in r.explain("en")
    assert oa.noise_exposure_week([86.0], limit=70).limit == AppliedLimit(
        kind="L_EX,W", value=70.0, unit="dB(A)"
    )
    err = refused(oa.noise_exposure_week, [])
    assert (err.rule, err.field) == ("assess.empty", "daily_lex")
    assert err.message("en") == "no daily levels given"
    err = refused(oa.noise_exposure_week, [80.0] * 8)
    assert (err.rule, err.field, err.params["n"]) == ("assess.duration", "daily_lex", 8)
    assert err.message("en") == "a week has at most 7 working days, got 8"
    err = refused(oa.noise_exposure_week, [80.0, 400.0])
    assert err.field == "daily_lex[1]"


def test_impulse_noise_fields() -> None:
    r = oa.impulse_noise("125 dB(C) peak", impulses_per_day=1000)
    assert (r.quantity, r.value, r.unit, r.clause, r.levels) == (
        "L_peak",
        125.0,
        "dB",
        "GBZ 2.2-2007 表10",
        (125.0,),
    )
    assert r.limit == AppliedLimit(
        kind="L_peak", value=130.0, unit="dB", source="GBZ 2.2-2007 表10 (n ≤ 1000)", edition="GBZ 2.2-2007"
    )
    assert "1000 impulses a day" in r.explain("en")
    beyond = oa.impulse_noise(125, impulses_per_day=10001)
    assert (beyond.limit, beyond.quantity, beyond.unit, beyond.levels) == (None, "L_peak", "dB", (125.0,))
    assert beyond.clause == "GBZ 2.2-2007 表10"
    assert "表10 covers at most 10000 impulses a day" in beyond.explain("en")


def test_impulse_count_refusals(refused: Refused) -> None:
    for bad in (True, 2.0, -1, "5"):
        err = refused(oa.impulse_noise, 120, impulses_per_day=bad)
        assert (err.rule, err.field, err.params["value"]) == ("assess.value", "impulses_per_day", bad)
        assert err.message("en") == f"impulses_per_day must be a non-negative whole number, got {bad!r}"
    err = refused(oa.impulse_noise, 260, impulses_per_day=5)
    assert err.field == "peak_db"


def test_allowed_hours_limits(refused: Refused) -> None:
    assert oa.allowed_hours(85.0) == pytest.approx(8.0)
    assert oa.allowed_hours(85.0, limit=88.0) == pytest.approx(16.0, rel=0.01)
    assert oa.allowed_hours(100.0) == pytest.approx(8.0 * 10 ** (-1.5))
    err = refused(oa.allowed_hours, 88, limit=300)
    assert (err.rule, err.field) == ("assess.value", "limit")
    err = refused(oa.allowed_hours, 300)
    assert err.field == "level"
    default = inspect.signature(oa.allowed_hours).parameters["limit"].default
    assert repr(default) == "the L_EX,8h limit of GBZ 2.2-2007"
