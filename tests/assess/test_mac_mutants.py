"""MAC (GBZ 2.1-2019): samples with units and non-detects, refusals, the edition used, result fields.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit, NonDetect
from ohsreg.assess.mac import MAC_CLAUSE
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_mac_result_fields_and_reason() -> None:
    r = oa.mac([0.6, 0.2, 0.7], limit=0.5)
    assert (r.quantity, r.value, r.unit, r.verdict) == ("C_M", 0.7, "mg/m³", Verdict.EXCEEDS)
    assert r.limit == AppliedLimit(kind="MAC", value=0.5, unit="mg/m³")
    assert (r.clause, r.verified, r.samples, r.exceedances) == (MAC_CLAUSE, True, (0.6, 0.2, 0.7), 2)
    assert [m.render("en") for m in r.reasons] == ["2 of 3 samples above MAC"]
    ok = oa.mac([0.5, 0.2], limit=0.5)
    assert (ok.verdict, ok.reasons, ok.exceedances) == (Verdict.COMPLIES, (), 0)


def test_mac_samples_with_units_and_non_detects(refused: Refused) -> None:
    assert oa.mac(["300 µg/m3", 0.2], limit=0.5).samples == (0.3, 0.2)
    assert oa.mac("0.3 mg/m3", limit=0.5).samples == (0.3,)
    err = refused(oa.mac, [0.1, NonDetect(0.1)], limit=0.5)
    assert (err.rule, err.field) == ("assess.nondetect", "concentrations[1]")
    assert err.params["value"] == "<0.1 (LOD)"
    assert oa.mac([0.3, NonDetect(0.1)], limit=0.5, below_lod="half").samples == (0.3, 0.05)
    err = refused(oa.mac, [0.1, -0.2], limit=0.5)
    assert (err.rule, err.field) == ("assess.value", "concentrations[1]")
    err = refused(oa.mac, [0.1, "2 dB(A)"], limit=0.5)
    assert (err.rule, err.field) == ("assess.unit", "concentrations[1]")


def test_mac_refusals(refused: Refused) -> None:
    err = refused(oa.mac, [], limit=0.5)
    assert (err.rule, err.field, err.message("en")) == ("assess.empty", "concentrations", "no samples given")
    for bad in ({"a": 1.0}, None):
        err = refused(oa.mac, bad, limit=0.5)
        assert (err.rule, err.field) == ("assess.value", "concentrations")


def test_mac_from_the_catalogue_cites_the_edition_and_its_verification() -> None:
    # formaldehyde (catalogue): MAC 0.5 mg/m³; the GBZ 2.1-2007 row is unverified, the 2019 one verified
    old = oa.mac([0.3], hazard="甲醛", edition="GBZ 2.1-2007")
    assert old.limit is not None
    assert (old.limit.kind, old.limit.value, old.limit.edition) == ("MAC", 0.5, "GBZ 2.1-2007")
    assert (old.clause, old.verified) == ("GBZ 2.1-2007, MAC", False)
    new = oa.mac([0.3], hazard="甲醛")
    assert (new.clause, new.verified) == (MAC_CLAUSE, True)


def test_mac_without_a_mac_is_not_applicable() -> None:
    r = oa.mac([0.3, 0.9], hazard="吡啶")  # PC-TWA only (catalogue)
    assert (r.quantity, r.value, r.unit, r.limit) == ("C_M", 0.9, "mg/m³", None)
    assert (r.verdict, r.clause, r.samples, r.exceedances) == (
        Verdict.NOT_APPLICABLE,
        MAC_CLAUSE,
        (0.3, 0.9),
        0,
    )
    assert [m.render("en") for m in r.reasons] == ["the substance has no MAC"]
