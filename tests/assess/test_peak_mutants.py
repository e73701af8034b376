"""Peak exposure (GBZ 2.1-2019, unverified) and the GBZ 2.1-2007 excursion limits: result fields, reasons,
limits shown and refusals.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

import datetime as dt
import importlib
import warnings
from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit
from ohsreg.assess.peak import EXCURSION_CLAUSE, PEAK_CLAUSE, Excursion
from ohsreg.errors import OhsregError
from ohsreg.instruments import lookup
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]

CEILING_6 = AppliedLimit(kind="5 × PC-TWA", value=30.0, unit="mg/m³")  # PC-TWA 6 mg/m³, 5 × shown
IN_FORCE = lookup("GBZ 2.1-2019").in_force
BEFORE_2019 = dt.date(2019, 6, 1)


def _reasons(r: oa.Assessment) -> list[str]:
    return [m.render("en") for m in r.reasons]


def test_peak_result_fields() -> None:
    exc = (Excursion(25.0, 10, start_h=1.0), Excursion(28.0, 15, start_h=3.0))
    r = oa.peak(exc, limit=6.0)
    assert (r.quantity, r.value, r.unit, r.limit, r.verdict) == (
        "C_PE",
        28.0,
        "mg/m³",
        CEILING_6,
        Verdict.COMPLIES,
    )
    assert (r.clause, r.verified, r.excursions, r.count_above, r.c_twa, r.reasons) == (
        PEAK_CLAUSE,
        False,
        exc,
        2,
        None,
        (),
    )
    assert PEAK_CLAUSE == "GBZ 2.1-2019 6.3.3 (peak exposure; clause number unverified)"
    assert r.explain("en") == (
        "C_PE = 28 mg/m³, 5 × PC-TWA 30 mg/m³ (explicit limit): complies; "
        f"Rule not verified against the official text. [{PEAK_CLAUSE}]"
    )


def test_peak_every_failed_check_is_a_reason() -> None:
    # 16 min > 15; five above 3 × 6 = 18; 1.0 h + 16 min to 1.5 h is under 1 h
    exc = [(20, 16, 1.0), (20, 10, 1.5), (20, 5, 5), (20, 5, 7), (20, 5, 9)]
    r = oa.peak(exc, limit=6.0)
    assert (r.verdict, r.count_above, r.limit) == (Verdict.EXCEEDS, 5, CEILING_6)
    assert _reasons(r) == [
        "an excursion above 3 × PC-TWA lasts longer than 15 min",
        "5 excursions above 3 × PC-TWA (at most 4 allowed)",
        "two excursions above 3 × PC-TWA are less than 1 h apart",
    ]
    high = oa.peak([(50, 5)], c_twa=6.5, limit=6.0)
    assert (high.verdict, high.c_twa, high.value, high.quantity) == (Verdict.EXCEEDS, 6.5, 50.0, "C_PE")
    assert _reasons(high) == ["C_TWA exceeds PC-TWA", "a concentration exceeds 5 × PC-TWA"]


def test_peak_spacing_is_from_end_to_start() -> None:
    # ends at 1.25 h, next starts at 2.25 h: exactly 1 h apart complies
    assert oa.peak([(20, 15, 1.0), (20, 15, 2.25)], limit=6.0).verdict is Verdict.COMPLIES
    close = oa.peak([(20, 15, 1.0), (20, 15, 2.2)], limit=6.0)
    assert _reasons(close) == ["two excursions above 3 × PC-TWA are less than 1 h apart"]
    # unsorted start times are sorted before the spacing check; one at start 0 counts as 0 h
    assert oa.peak([(20, 15, 3.0), (20, 60, 0.0)], limit=6.0).verdict is Verdict.EXCEEDS  # 60 min > 15
    assert oa.peak([(20, 10, 2.0), (20, 10, 0.0)], limit=6.0).verdict is Verdict.COMPLIES
    assert oa.peak([(20, 10, 1.0), (20, 10, 0.0)], limit=6.0).verdict is Verdict.EXCEEDS
    # excursions not above 3 × PC-TWA need no spacing
    assert oa.peak([(18, 10, 1.0), (18, 10, 1.1)], limit=6.0).verdict is Verdict.COMPLIES


def test_peak_without_start_times() -> None:
    r = oa.peak([(20, 10), (20, 10)], limit=6.0)
    assert (r.verdict, r.count_above) == (Verdict.INSUFFICIENT_DATA, 2)
    assert _reasons(r) == ["start times are needed to check the 1 h spacing"]
    mixed = oa.peak([(20, 10, 5.0), (20, 10)], limit=6.0)
    assert mixed.verdict is Verdict.INSUFFICIENT_DATA
    worse = oa.peak([(20, 16), (20, 10)], limit=6.0)  # another check fails: exceeds
    assert (worse.verdict, _reasons(worse)) == (
        Verdict.EXCEEDS,
        ["an excursion above 3 × PC-TWA lasts longer than 15 min"],
    )
    assert oa.peak([(20, 10)], limit=6.0).verdict is Verdict.COMPLIES  # one: no spacing to check


def test_peak_on_the_days_c_twa() -> None:
    r = oa.peak(c_twa=7.5, limit=6.0)
    assert (r.quantity, r.value, r.verdict, r.c_twa, r.excursions, r.count_above) == (
        "C_TWA",
        7.5,
        Verdict.EXCEEDS,
        7.5,
        (),
        0,
    )
    assert r.limit == AppliedLimit(kind="PC-TWA", value=6.0, unit="mg/m³")
    assert _reasons(r) == ["C_TWA exceeds PC-TWA", "no excursions on the day"]
    at = oa.peak(c_twa=6.0, limit=6.0)  # at PC-TWA complies
    assert (at.verdict, _reasons(at)) == (Verdict.COMPLIES, ["no excursions on the day"])
    from_twa = oa.peak(c_twa=oa.twa([(7.0, 8.0)], limit=6.0), limit=6.0)
    assert (from_twa.value, from_twa.c_twa, from_twa.verdict) == (7.0, 7.0, Verdict.EXCEEDS)
    assert oa.peak(c_twa="7 mg/m3", limit=6.0).c_twa == 7.0
    with_exc = oa.peak([(5.0, 10)], c_twa=2.0, limit=6.0)
    assert (with_exc.quantity, with_exc.value, with_exc.c_twa) == ("C_PE", 5.0, 2.0)


def test_peak_not_applicable() -> None:
    r = oa.peak([(20, 10)], hazard="苯")  # benzene has a PC-STEL
    assert r.verdict is Verdict.NOT_APPLICABLE
    assert r.limit is not None
    assert (r.limit.kind, r.limit.edition, r.count_above) == ("PC-TWA", "GBZ 2.1-2019", 0)
    assert _reasons(r) == ["peak exposure applies only to substances with PC-TWA and no PC-STEL"]
    assert r.explain("en").startswith(
        f"C_PE = 20 mg/m³, PC-TWA {r.limit.value:g} mg/m³ ({r.limit.source}): not applicable; "
    )
    no_twa = oa.peak([(20, 10)], hazard="甲醛")  # MAC only
    assert (no_twa.verdict, no_twa.limit) == (Verdict.NOT_APPLICABLE, None)
    # a catalogue hazard without PC-STEL but with an explicit limit is judged against that limit
    assert oa.peak([(31, 5)], hazard="苯", limit=6.0).verdict is Verdict.EXCEEDS


def test_peak_input_refusals(refused: Refused) -> None:
    err = refused(oa.peak, [])
    assert (err.rule, err.field) == ("assess.empty", "excursions")
    assert err.message("en") == (
        "no excursions given; for a day without excursions pass the day's C_TWA: peak(c_twa=..., limit=...)"
    )
    err = refused(oa.peak, "abc", limit=6)
    assert (err.rule, err.field) == ("assess.value", "excursions")
    for bad in ((1,), 5):
        err = refused(oa.peak, [(1, 2), bad], limit=6)
        assert (err.rule, err.field, err.params["index"]) == ("assess.value", "excursions[1]", 1)
        assert err.message("en") == "excursion 1 must be (concentration, minutes[, start_h])"
    for item, field, unit in (
        (("x", 2), "concentration", "mg/m³"),
        ((1, "x"), "minutes", "min"),
        ((1, 2, "x"), "start_h", "h"),
    ):
        err = refused(oa.peak, [(1, 2), item], limit=6)
        assert (err.rule, err.field) == ("assess.value", f"excursions[1].{field}")
        assert err.message("en").startswith(f"excursions[1].{field}: 'x' is not a quantity in {unit}")
    assert oa.peak([(1, "2 h", "30 min")], limit=6).excursions == (Excursion(1.0, 120.0, 0.5),)
    err = refused(oa.peak, c_twa="x", limit=6)
    assert (err.rule, err.field) == ("assess.value", "c_twa")
    err = refused(oa.peak, [(1, 2)], limit=6, edition=5)
    assert (err.rule, err.field) == ("assess.value", "edition")
    err = refused(oa.peak, [(1, 2)], limit=6, as_of="2020")
    assert (err.rule, err.field) == ("assess.value", "as_of")


def test_peak_refuses_the_2007_period(refused: Refused) -> None:
    assert IN_FORCE is not None
    text = (
        f"peak exposure applies from {IN_FORCE.isoformat()} (GBZ 2.1-2019); before that GBZ 2.1-2007 used "
        "excursion limits (超限倍数) instead; judge 15-min samples with ohsreg.assess.excursion(..., hazard=, "
        "as_of=): the multiple comes from the GBZ 2.1-2007 row"
    )
    err = refused(oa.peak, [(1, 2)], limit=6, as_of=IN_FORCE - dt.timedelta(days=1))
    assert (err.rule, err.field, err.params["date"], err.message("en")) == (
        "assess.edition_unverified",
        "as_of",
        IN_FORCE.isoformat(),
        text,
    )
    for edition in ("GBZ 2.1-2007", "GBZ2.1-2007"):
        err = refused(oa.peak, [(1, 2)], limit=6, edition=edition)
        assert (err.rule, err.field, err.message("en")) == ("assess.edition_unverified", "edition", text)
    assert oa.peak([(1, 2)], limit=6, as_of=IN_FORCE).verdict is Verdict.COMPLIES


def test_deprecated_in_force_constant() -> None:
    module = importlib.import_module("ohsreg.assess.peak")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert module.GBZ21_2019_IN_FORCE == IN_FORCE
    assert [w.category for w in caught] == [DeprecationWarning]
    assert str(caught[0].message) == (
        'ohsreg.assess.peak.GBZ21_2019_IN_FORCE is deprecated; use ohsreg.instruments.lookup("GBZ 2.1-2019").in_force'
    )
    assert caught[0].filename == __file__
    with pytest.raises(AttributeError) as info:
        _ = module.nope
    assert str(info.value) == "module 'ohsreg.assess.peak' has no attribute 'nope'"


def test_excursion_result_fields() -> None:
    r = oa.excursion([4.0, 6.5], pc_twa=2.0, multiple=2.5)
    assert (r.quantity, r.value, r.unit, r.verdict, r.clause, r.verified) == (
        "C_STE",
        6.5,
        "mg/m³",
        Verdict.EXCEEDS,
        EXCURSION_CLAUSE,
        False,
    )
    assert r.limit == AppliedLimit(
        kind="2.5 × PC-TWA", value=5.0, unit="mg/m³", edition="GBZ 2.1-2007", verified=False
    )
    assert _reasons(r) == ["1 of 2 samples above the excursion limit"]
    one = oa.excursion("3", pc_twa=2.0, multiple=2.5, c_twa=2.5)
    assert (one.value, one.verdict, _reasons(one)) == (3.0, Verdict.EXCEEDS, ["C_TWA exceeds PC-TWA"])
    assert oa.excursion(3.0, pc_twa=2.0, multiple=2.5, c_twa=2.0).verdict is Verdict.COMPLIES


def test_excursion_from_the_2007_row() -> None:
    r = oa.excursion([2.0], hazard="苯胺", as_of=BEFORE_2019)  # 2007: PC-TWA 3, 超限倍数 2.5
    assert r.limit == AppliedLimit(
        kind="2.5 × PC-TWA", value=7.5, unit="mg/m³", source="GBZ 2.1-2007 表1", edition="GBZ 2.1-2007"
    )
    assert (r.verdict, r.reasons) == (Verdict.COMPLIES, ())
    given_twa = oa.excursion([1.0], hazard="苯胺", edition="GBZ 2.1-2007", pc_twa=4.0)
    assert given_twa.limit is not None
    assert (given_twa.limit.value, given_twa.limit.kind) == (10.0, "2.5 × PC-TWA")
    given_k = oa.excursion([1.0], hazard="苯胺", edition="GBZ 2.1-2007", multiple=2.0)
    assert given_k.limit is not None
    assert (given_k.limit.value, given_k.limit.kind) == (6.0, "2 × PC-TWA")
    stel = oa.excursion([2.0], hazard="苯", as_of=BEFORE_2019)
    assert (stel.verdict, stel.limit, stel.value, stel.quantity) == (
        Verdict.NOT_APPLICABLE,
        None,
        2.0,
        "C_STE",
    )
    assert _reasons(stel) == [
        "the GBZ 2.1-2007 row has a PC-STEL or a MAC: the excursion limit does not apply"
    ]


def test_excursion_refusals(refused: Refused) -> None:
    err = refused(oa.excursion, [1.0], pc_twa=2.0)
    assert (err.rule, err.field, err.params["kind"]) == (
        "assess.limit_missing",
        "limit",
        "PC-TWA and 超限倍数",
    )
    err = refused(oa.excursion, [1.0], pc_twa=2.0, multiple=0.5)
    assert (err.rule, err.field, err.message("en")) == (
        "assess.value",
        "multiple",
        "multiple must be at least 1, got 0.5",
    )
    assert oa.excursion([1.0], pc_twa=2.0, multiple=1).limit is not None  # 1 is allowed
    err = refused(oa.excursion, [1.0], pc_twa=0, multiple=2)
    assert (err.rule, err.field) == ("assess.value", "pc_twa")
    err = refused(oa.excursion, [1.0, "x"], pc_twa=2, multiple=2)
    assert (err.rule, err.field) == ("assess.value", "c_ste[1]")
    err = refused(oa.excursion, [], pc_twa=2, multiple=2)
    assert (err.rule, err.field, err.message("en")) == ("assess.empty", "c_ste", "no samples given")
    err = refused(oa.excursion, [1.0], hazard="苯胺", as_of=dt.date(2021, 1, 1))
    assert (err.rule, err.field, err.params["edition"]) == (
        "assess.edition_unverified",
        "as_of",
        "GBZ 2.1-2019",
    )
    assert err.message("en") == (
        "excursion limits (超限倍数) are a rule of GBZ 2.1-2007; GBZ 2.1-2019 answered for this date; "
        f"from {IN_FORCE} judge excursions with ohsreg.assess.peak()"
    )
    err = refused(oa.excursion, [1.0], hazard="二苯胺", as_of=BEFORE_2019)
    assert (err.rule, err.field, err.params["hazard"], err.params["absent"]) == (
        "assess.excursion_not_shipped",
        "hazard",
        "二苯胺",
        "超限倍数",
    )
    assert err.message("en") == (
        "the GBZ 2.1-2007 row of 二苯胺 has no shipped 超限倍数: its excursion limit cannot be formed; pass pc_twa= "
        "and multiple= as printed in GBZ 2.1-2007 表1 (the shipped values were missing or rounded in the only "
        "source found)"
    )
