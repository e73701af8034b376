"""Timed segments shared by C_TWA, C_STE and the WBGT average: refusals, their fields and messages.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import ohsreg.assess as oa
from ohsreg.assess import NonDetect
from ohsreg.errors import OhsregError

Refused = Callable[..., OhsregError]


def test_a_segment_that_is_not_a_pair(refused: Refused) -> None:
    err = refused(oa.twa, [(1.0, 2.0), (1.0,)], limit=6.0)
    assert (err.rule, err.field, err.params["index"], err.params["item"]) == (
        "assess.value",
        "segments[1]",
        1,
        (1.0,),
    )
    assert err.message("en") == "segment 1 must be a (concentration, duration) pair, got (1.0,)"
    err = refused(oa.wbgt_twa, [(30.0, 1.0), 5])
    assert err.message("en") == "segment 1 must be a (wbgt, duration) pair, got 5"


def test_bad_values_and_durations_name_their_field(refused: Refused) -> None:
    err = refused(oa.twa, [(1.0, 2.0), (-1.0, 2.0)], limit=6.0)
    assert (err.rule, err.field) == ("assess.value", "segments[1].concentration")
    err = refused(oa.twa, [(1.0, 2.0), (1.0, "2 mg")], limit=6.0)
    assert (err.rule, err.field) == ("assess.unit", "segments[1].duration")
    err = refused(oa.twa, [(1.0, 2.0), (NonDetect(0.1), 2.0)], limit=6.0)
    assert (err.rule, err.field) == ("assess.nondetect", "segments[1].concentration")
    err = refused(oa.wbgt_twa, [(30.0, 1.0), (NonDetect(0.1), 1.0)])  # the WBGT average has no below_lod
    assert (err.rule, err.field) == ("assess.nondetect", "segments[1].wbgt")
    err = refused(oa.wbgt_twa, [(30.0, 1.0), ("hot", 1.0)])
    assert err.field == "segments[1].wbgt"
    err = refused(oa.twa, "1 mg/m3 for 8 h", limit=6.0)
    assert (err.rule, err.field) == ("assess.value", "segments")


def test_no_segments(refused: Refused) -> None:
    err = refused(oa.twa, [], limit=6.0)
    assert (err.rule, err.field, err.hint) == (
        "assess.empty",
        "segments",
        "give at least one (concentration, duration) pair",
    )
    assert err.message("en") == "no segments given; give at least one (concentration, duration) pair"


def test_the_working_day_tolerance_is_relative_and_inclusive(refused: Refused) -> None:
    edge = 8.0 * (1 + 1e-9)  # durations may pass the day by a relative 1e-9 (rounding), not more
    assert oa.twa([(1.0, edge)], limit=6.0).exposed_hours == edge
    err = refused(oa.twa, [(1.0, 8.0 * (1 + 1e-8))], limit=6.0)
    assert (err.rule, err.field, err.hint) == (
        "assess.duration",
        "segments",
        "check the durations or pass the real length of the working day",
    )
