"""Mixed exposure Σ Cᵢ/Lᵢ ≤ 1 (GBZ 2.1-2019, clause number unverified): result fields and refusals.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit
from ohsreg.assess.mixture import MIXTURE_CLAUSE
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_mixture_result_fields() -> None:
    r = oa.mixture([(2.0, 8.0), ("1 mg/m3", "4 mg/m3")])
    assert (r.quantity, r.value, r.unit, r.verdict) == ("Σ C/L", 0.5, "1", Verdict.COMPLIES)
    assert r.limit == AppliedLimit(
        kind="Σ C/L", value=1.0, unit="1", source="GBZ 2.1-2019", edition="GBZ 2.1-2019", verified=False
    )
    assert (r.clause, r.verified, r.ratios) == (MIXTURE_CLAUSE, False, (0.25, 0.25))
    assert [m.render("en") for m in r.reasons] == ["2 additive components"]


def test_mixture_takes_the_ratio_of_assessments(refused: Refused) -> None:
    twa = oa.twa([(3.0, 8)], limit=6.0)
    assert oa.mixture([twa, (1.0, 2.0)]).ratios == (0.5, 0.5)
    no_limit = oa.stel([(1.0, 15)])  # C_STE computed, no PC-STEL: no ratio
    err = refused(oa.mixture, [twa, no_limit])
    assert (err.rule, err.field, err.params["index"]) == ("assess.limit_missing", "components[1]", 1)
    assert err.message("en") == "component 1 has no value or limit to form a ratio"


def test_mixture_refusals(refused: Refused) -> None:
    for bad in ([(1.0, 2.0), (1.0, 2.0, 3.0)], [(1.0, 2.0), 5.0]):
        err = refused(oa.mixture, bad)
        assert (err.rule, err.field, err.params["index"]) == ("assess.value", "components[1]", 1)
        assert err.message("en") == "component 1 must be (concentration, limit)"
    err = refused(oa.mixture, [(1.0, 2.0), (-1.0, 2.0)])
    assert (err.rule, err.field) == ("assess.value", "components[1]")
    err = refused(oa.mixture, [(1.0, "2 dB(A)")])
    assert (err.rule, err.field) == ("assess.unit", "components[0].limit")
    err = refused(oa.mixture, [(1.0, "2 mg/m3"), ("1 dB(A)", 2.0)])
    assert (err.rule, err.field) == ("assess.unit", "components[1]")
    err = refused(oa.mixture, [(1.0, 0)])
    assert (err.rule, err.field) == ("assess.value", "components[0].limit")
    assert err.message("en").startswith("components[0].limit must be a finite positive number, got 0")
    err = refused(oa.mixture, [])
    assert (err.rule, err.field, err.message("en")) == ("assess.empty", "components", "no components given")
    err = refused(oa.mixture, "benzene")
    assert (err.rule, err.field) == ("assess.value", "components")


@pytest.mark.parametrize(("c", "verdict"), [(1.0, Verdict.COMPLIES), (1.01, Verdict.EXCEEDS)])
def test_mixture_unity_is_inclusive(c: float, verdict: Verdict) -> None:
    assert oa.mixture([(c, 2.0), (1.0, 2.0)]).verdict is verdict
