"""EN 689:2018 statistics: error fields and messages, test boundaries, statistics of the result.

Written against mutation testing (``scripts/dev.py mutate``): every assertion is a behaviour a user sees
(the verdict, the numbers, the rule code and message of an error), checked at the boundaries.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import NonDetect
from ohsreg.assess.statistics import _nct_cdf, tolerance_factor
from ohsreg.errors import EditionError, OhsregError
from ohsreg.vocab import Verdict

STAT = [0.21, 0.35, 0.18, 0.52, 0.29, 0.41]

Refused = Callable[..., OhsregError]


def test_noncentral_t_reproduces_known_quantiles() -> None:
    # delta = 0 is Student's t: P(T <= 0) = 1/2, and t(0.95; 5) = 2.015048 (standard tables)
    assert _nct_cdf(0.0, 7, 0.0) == pytest.approx(0.5, abs=1e-9)
    assert _nct_cdf(2.015048372669157, 5, 0.0) == pytest.approx(0.95, abs=1e-8)
    assert _nct_cdf(1.812461122811676, 10, 0.0) == pytest.approx(0.95, abs=1e-8)  # nu >= 8 branch
    # the noncentral shift moves the distribution right: P(T <= delta) < 1/2 for a positive delta
    assert _nct_cdf(1.0, 10, 1.0) == pytest.approx(0.49024, abs=1e-5)


def test_tolerance_factor_small_n_and_refusals(refused: Refused) -> None:
    assert tolerance_factor(2) == pytest.approx(4.2167, abs=1e-4)  # smallest n accepted
    assert tolerance_factor(3) == pytest.approx(2.8091, abs=1e-4)
    for bad in (1, 0, True, 2.5, "6"):
        err = refused(tolerance_factor, bad)
        assert (err.rule, err.field, err.params["n"]) == ("assess.empty", "n", 2)
        assert err.message("en") == "at least 2 results are needed"
    err = refused(tolerance_factor, 10**400)  # an int past the float range
    assert (err.rule, err.field, err.params["value"]) == ("assess.value", "n", 10**400)
    assert err.message("en").startswith("n must be a finite non-negative number, got 1000")


def test_geometric_stats_values_and_refusals(refused: Refused) -> None:
    gm, gsd = oa.geometric_stats([1.0, 4.0])
    assert gm == pytest.approx(2.0)
    assert gsd == pytest.approx(math.exp(math.log(4.0) / math.sqrt(2.0)))  # sample sd (n - 1)
    gm, gsd = oa.geometric_stats([2.0, 2.0, 2.0])
    assert (gm, gsd) == (pytest.approx(2.0), 1.0)
    err = refused(oa.geometric_stats, [1.0])
    assert (err.rule, err.field, err.params["n"]) == ("assess.empty", "values", 2)
    assert err.message("en") == "at least 2 results are needed"
    err = refused(oa.geometric_stats, [1.0, 0.0])
    assert (err.rule, err.field) == ("assess.value", "values")
    assert err.message("en") == (
        "results must be positive for a lognormal model; substitute non-detects with below_lod='half' or 'limit'"
    )
    err = refused(oa.geometric_stats, [])
    assert (err.rule, err.field) == ("assess.empty", "values")
    assert err.message("en") == "no results given"
    err = refused(oa.geometric_stats, [1.0, "x"])
    assert err.field == "values[1]"
    err = refused(oa.geometric_stats, [1.0, NonDetect(0.5)])
    assert (err.rule, err.field) == ("assess.nondetect", "values[1]")
    assert oa.geometric_stats([1.0, NonDetect(0.5)], below_lod="half") == oa.geometric_stats([1.0, 0.25])
    err = refused(oa.geometric_stats, [1e-300, 1e300] * 3)  # a GSD past the float range
    assert (err.rule, err.field) == ("assess.value", "values")


def test_exceedance_fraction_tails_and_degenerate_spread(refused: Refused) -> None:
    xs = [0.5, 2.0, 1.0, 1.0]  # GM 1, GSD exp(sd of logs)
    _, gsd = oa.geometric_stats(xs)
    z = math.log(2.0) / math.log(gsd)
    expected = 0.5 * math.erfc(z / math.sqrt(2.0))
    assert oa.exceedance_fraction(xs, 2.0) == pytest.approx(expected, rel=1e-12)
    assert oa.exceedance_fraction(xs, 0.5) == pytest.approx(1.0 - expected, rel=1e-12)
    # GSD 1: all results equal; the fraction is 0 at or above them and 1 below
    assert oa.exceedance_fraction([1.0, 1.0], 1.0) == 0.0
    assert oa.exceedance_fraction([1.0, 1.0], 2.0) == 0.0
    assert oa.exceedance_fraction([1.0, 1.0], 0.5) == 1.0
    assert oa.exceedance_fraction([NonDetect(2.0), 1.0], 2.0, below_lod="half") == 0.0
    err = refused(oa.exceedance_fraction, xs, 0)
    assert (err.rule, err.field) == ("assess.value", "oel")
    assert err.message("en") == (
        "oel must be a finite positive number, got 0; check the measurement; missing values are not zero"
    )


def test_en689_edition_names(refused: Refused) -> None:
    for edition in ("EN 689:2018", "EN689:2018", "EN 689:2018+AC:2019", "EN 689 : 2018"):
        assert oa.en689([0.01] * 3, oel=1, edition=edition).rule_edition == "EN 689:2018"
    err = refused(oa.en689, [0.01] * 3, oel=1, edition="EN 689:1995")
    assert isinstance(err, EditionError)
    assert (err.rule, err.field, err.params["edition"]) == ("assess.edition", "edition", "EN 689:1995")
    assert err.message("en") == "unknown edition 'EN 689:1995' of EN 689; use EN 689:2018"
    err = refused(oa.en689, [0.01] * 3, oel=1, edition=2018)
    assert (err.rule, err.field) == ("assess.value", "edition")


def test_en689_too_few_results(refused: Refused) -> None:
    r = oa.en689([0.1, 0.3], oel=1.0)
    assert (r.verdict, r.test, r.n, r.quantity, r.value, r.unit) == (
        Verdict.INSUFFICIENT_DATA,
        "preliminary",
        2,
        "max",
        0.3,
        "mg/m³",
    )
    assert r.limit is not None
    assert (r.limit.kind, r.limit.value, r.limit.unit) == ("OEL", 1.0, "mg/m³")
    assert (r.clause, r.verified, r.edition) == ("EN 689:2018 Annex F (unverified)", False, "EN 689:2018")
    assert r.gm is None
    assert r.u_r is None
    assert "at least 3 results are needed, got 2" in r.explain("en")
    err = refused(oa.en689, [0.1, 0.1, 0.1], oel=-1)
    assert (err.rule, err.field) == ("assess.value", "oel")


@pytest.mark.parametrize(("n", "frac"), [(3, 0.10), (4, 0.15), (5, 0.20)])
def test_en689_preliminary_fraction_by_n(n: int, frac: float) -> None:
    below = [frac * 0.999] * n
    r = oa.en689(below, oel=1.0)
    assert (r.verdict, r.test, r.n) == (Verdict.COMPLIES, "preliminary", n)
    assert f"all {n} results below {frac:g} × OEL" in r.explain("en")
    at = [frac] * n  # strictly below is needed
    r = oa.en689(at, oel=1.0)
    assert r.verdict is Verdict.INSUFFICIENT_DATA
    assert "preliminary test inconclusive: take at least 6 results" in r.explain("en")
    # the fraction scales with the OEL
    assert oa.en689([x * 10 for x in below], oel=10.0).verdict is Verdict.COMPLIES


def test_en689_preliminary_exceeds_only_above_the_oel() -> None:
    r = oa.en689([0.5, 0.5, 1.0], oel=1.0)
    assert r.verdict is Verdict.INSUFFICIENT_DATA  # at the OEL is not above it
    r = oa.en689([0.5, 0.5, 0.5, 0.5, 1.001], oel=1.0)
    assert (r.verdict, r.value) == (Verdict.EXCEEDS, 1.001)
    assert "a result exceeds the OEL" in r.explain("en")


def test_en689_statistical_result_fields() -> None:
    r = oa.en689(STAT, oel=1.0)
    gm, gsd = oa.geometric_stats(STAT)
    assert (r.test, r.n, r.quantity, r.unit) == ("statistical", 6, "U_R", "1")
    assert (r.gm, r.gsd) == (pytest.approx(gm), pytest.approx(gsd))
    assert r.value == r.u_r == pytest.approx(-math.log(gm) / math.log(gsd))
    assert r.exceedance == pytest.approx(oa.exceedance_fraction(STAT, 1.0))
    assert r.limit is not None
    assert (r.limit.kind, r.limit.value, r.limit.unit) == ("U_T", 2.187, "1")
    assert (r.limit.source, r.limit.edition) == ("EN 689:2018 Annex F (n = 6)", "EN 689:2018")
    assert r.limit.verified
    assert not r.verified
    text = r.explain("en")
    assert "GM 0.306, GSD 1.5, exceedance fraction 0.16 %" in text
    assert "OEL 1 mg/m³ as given" in text


def test_en689_statistical_verdict_at_u_t() -> None:
    # choose the OEL so that U_R equals U_T exactly (within rounding): U_R >= U_T complies
    gm, gsd = oa.geometric_stats(STAT)
    at = gm * gsd**2.187
    assert oa.en689(STAT, oel=at * 1.0001).verdict is Verdict.COMPLIES
    assert oa.en689(STAT, oel=at * 0.9999).verdict is Verdict.EXCEEDS


def test_en689_uses_the_table_to_30_and_computes_beyond() -> None:
    values = [0.1 * (1 + (i % 7) / 10) for i in range(31)]
    assert oa.en689(values[:30], oel=1.0).u_t == 1.820
    r = oa.en689(values, oel=1.0)
    assert r.u_t == round(tolerance_factor(31), 3) == 1.817
    assert r.limit is not None
    assert r.limit.source == "EN 689:2018 Annex F (n = 31)"


def test_en689_equal_results_are_judged_not_refused() -> None:
    # regression: six equal results (GSD 1) made U_R infinite and the result was refused as an overflow
    below = oa.en689([0.5] * 6, oel=1.0)
    assert (below.verdict, below.test, below.gsd, below.u_r) == (
        Verdict.COMPLIES,
        "statistical",
        1.0,
        math.inf,
    )
    assert (below.quantity, below.value, below.unit, below.u_t, below.exceedance) == (
        "max",
        0.5,
        "mg/m³",
        2.187,
        0.0,
    )
    assert "GM 0.5, GSD 1, exceedance fraction 0 %" in below.explain("en")
    for at_or_above in (1.0, 2.0):
        r = oa.en689([at_or_above] * 6, oel=1.0)
        assert (r.verdict, r.u_r, r.value) == (Verdict.EXCEEDS, -math.inf, at_or_above)
    assert oa.en689([2.0] * 6, oel=1.0).exceedance == 1.0


def test_results_and_oel_convert_to_mg_m3(refused: Refused) -> None:
    gm, _ = oa.geometric_stats(["500 ug/m3", "2 mg/m3"])
    assert gm == pytest.approx(1.0)
    r = oa.en689(["20 ug/m3", 0.05, 0.08], oel="1000 ug/m3")
    assert (r.verdict, r.value) == (Verdict.COMPLIES, 0.08)
    assert r.limit is not None
    assert r.limit.value == pytest.approx(1.0)
    err = refused(oa.geometric_stats, [1.0, "85 dB(A)"])
    assert (err.rule, err.field) == ("assess.unit", "values[1]")
    err = refused(oa.geometric_stats, [1.0, -2.0])
    assert (err.rule, err.field) == ("assess.value", "values[1]")
    err = refused(oa.en689, [0.1, 0.1, 0.1], oel=0)
    assert (err.rule, err.field) == ("assess.value", "oel")
    err = refused(oa.en689, [0.1, 0.1, 0.1], oel="1 dB")
    assert err.field == "oel"
    err = refused(oa.geometric_stats, "0.1, 0.2")
    assert (err.rule, err.field) == ("assess.value", "values")
