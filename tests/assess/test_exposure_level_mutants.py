"""Exposure-level classes 0–Ⅳ (GBZ 2.1-2019 表5): labels, limits from every source, result fields.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import ohsreg.assess as oa
from ohsreg import catalogue
from ohsreg.assess import AppliedLimit, ExposureClass
from ohsreg.assess.exposure_level import LEVEL_CLAUSE
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_class_labels_are_translated() -> None:
    assert ExposureClass.II.label("en") == "class II: general and specific hazard communication"
    assert ExposureClass.II.label("zh_CN") != ExposureClass.II.label("en")
    assert ExposureClass.IV.label("en") == (
        "class IV: plus personal protection and engineering or process controls"
    )


def test_exposure_level_result_fields() -> None:
    r = oa.exposure_level(2.4, limit=6.0)
    assert (r.quantity, r.value, r.unit, r.verdict) == ("C", 2.4, "mg/m³", Verdict.COMPLIES)
    assert r.limit == AppliedLimit(kind="OEL", value=6.0, unit="mg/m³")
    assert (r.clause, r.verified, r.exposure_class, r.above_action_level) == (
        LEVEL_CLAUSE,
        True,
        ExposureClass.II,
        False,
    )
    assert [m.render("en") for m in r.reasons] == [
        "40 % of the limit, class II: general and specific hazard communication"
    ]
    high = oa.exposure_level(7.2, limit=6.0)
    assert (high.exposure_class, high.verdict, high.above_action_level) == (
        ExposureClass.IV,
        Verdict.EXCEEDS,
        True,
    )
    assert high.reasons[0].render("en").startswith("120 % of the limit, ")


def test_exposure_level_inputs_with_units_and_catalogue_limits(refused: Refused) -> None:
    r = oa.exposure_level("2400 µg/m3", limit="6 mg/m3")
    assert (r.value, r.limit) == (2.4, AppliedLimit(kind="OEL", value=6.0, unit="mg/m³"))
    benzene = oa.exposure_level(1.5, limit=catalogue.limits_for("苯"))  # PC-TWA 3 mg/m³ (GBZ 2.1-2019)
    assert benzene.limit is not None
    assert (benzene.limit.kind, benzene.limit.value, benzene.limit.edition) == ("OEL", 3.0, "GBZ 2.1-2019")
    assert benzene.exposure_class is ExposureClass.II
    err = refused(oa.exposure_level, "2 dB(A)", limit=6.0)
    assert (err.rule, err.field, err.params["unit"]) == ("assess.unit", "value", "mg/m³")
    err = refused(oa.exposure_level, -1.0, limit=6.0)
    assert (err.rule, err.field) == ("assess.value", "value")


@pytest.mark.parametrize("unit_given", ["dB(A)", "%"])
def test_exposure_level_in_another_unit(unit_given: str) -> None:
    r = oa.exposure_level(40, limit=80, unit=unit_given)
    assert (r.unit, r.limit) == (unit_given, AppliedLimit(kind="OEL", value=80.0, unit=unit_given))


def test_exposure_level_of_an_assessment() -> None:
    twa = oa.twa([(2.4, 8)], limit=6.0)
    r = oa.exposure_level(twa)
    assert (r.value, r.unit, r.limit, r.exposure_class) == (2.4, "mg/m³", twa.limit, ExposureClass.II)
    noise = oa.exposure_level(oa.noise_exposure([(80.0, 8.0)]))
    assert noise.unit == "dB(A)"


def test_exposure_level_without_a_limit_is_not_applicable() -> None:
    class OnlyMac:
        pc_twa = None
        mac = 1.0

    for r in (oa.exposure_level(oa.stel([(3.0, 15)])), oa.exposure_level(2.0, limit=OnlyMac())):
        assert (r.quantity, r.unit, r.limit, r.verdict, r.clause) == (
            "C/OEL",
            "mg/m³",
            None,
            Verdict.NOT_APPLICABLE,
            LEVEL_CLAUSE,
        )
        assert [m.render("en") for m in r.reasons] == ["no limit to classify against"]
    assert oa.exposure_level(oa.stel([(3.0, 15)])).value == 3.0
