"""C_STE (GBZ 2.1-2019 PC-STEL, 15 min): inputs with units, non-detects, limits, reasons and fields.

Written against mutation testing (``scripts/dev.py mutate``): each assertion is something a caller sees.
"""

from __future__ import annotations

from collections.abc import Callable

import ohsreg.assess as oa
from ohsreg.assess import AppliedLimit, NonDetect
from ohsreg.assess.stel import STEL_CLAUSE
from ohsreg.errors import OhsregError
from ohsreg.units import parse_quantity
from ohsreg.vocab import Verdict

Refused = Callable[..., OhsregError]


def test_stel_result_fields_with_an_explicit_limit() -> None:
    r = oa.stel([(12.0, 10)], limit=10.0)
    assert (r.quantity, r.value, r.unit, r.verdict) == ("C_STE", 8.0, "mg/m³", Verdict.COMPLIES)
    assert r.limit == AppliedLimit(kind="PC-STEL", value=10.0, unit="mg/m³")
    assert (r.clause, r.verified, r.reasons) == (STEL_CLAUSE, True, ())
    assert (r.segments, r.exposed_minutes) == (((12.0, 10.0),), 10.0)


def test_stel_inputs_with_units() -> None:
    r = oa.stel([("12 mg/m3", "600 s")], limit="10 mg/m3")
    assert (r.value, r.segments, r.exposed_minutes) == (8.0, ((12.0, 10.0),), 10.0)
    assert r.limit == AppliedLimit(kind="PC-STEL", value=10.0, unit="mg/m³")
    one = oa.stel(parse_quantity("12 mg/m3"), limit=10.0)  # a single 15-min sample as a quantity
    assert (one.value, one.segments, one.verdict) == (12.0, ((12.0, 15.0),), Verdict.EXCEEDS)


def test_stel_non_detects_follow_below_lod(refused: Refused) -> None:
    err = refused(oa.stel, [(NonDetect(2.0), 15)], limit=10.0)
    assert (err.rule, err.field) == ("assess.nondetect", "segments[0].concentration")
    r = oa.stel([(NonDetect(2.0), 15)], limit=10.0, below_lod="half")
    assert (r.value, r.segments) == (1.0, ((1.0, 15.0),))


def test_stel_window_refusal_names_the_minutes(refused: Refused) -> None:
    err = refused(oa.stel, [(1.0, 10), (1.0, 6)], limit=10.0)
    assert (err.rule, err.params["total"], err.params["cap"], err.params["unit"]) == (
        "assess.duration",
        16.0,
        15.0,
        "min",
    )
    assert err.message("en").startswith("durations sum to 16 min, past the 15-min window; ")


def test_stel_from_the_catalogue_cites_the_edition_used() -> None:
    # benzene (catalogue): PC-STEL 10 mg/m³ in GBZ 2.1-2007, 6 mg/m³ in GBZ 2.1-2019
    old = oa.stel([(8.0, 15)], hazard="苯", edition="GBZ 2.1-2007")
    assert old.limit is not None
    assert (old.limit.kind, old.limit.value, old.limit.edition) == ("PC-STEL", 10.0, "GBZ 2.1-2007")
    assert (old.verdict, old.clause, old.reasons) == (Verdict.COMPLIES, "GBZ 2.1-2007, PC-STEL (15 min)", ())
    new = oa.stel([(8.0, 15)], hazard="苯")
    assert (new.verdict, new.clause) == (Verdict.EXCEEDS, STEL_CLAUSE)


def test_stel_reasons_without_a_pc_stel() -> None:
    none_given = oa.stel([(12.0, 10)])
    assert [m.render("en") for m in none_given.reasons] == [
        "no PC-STEL given: C_STE computed, not judged (pass limit= or hazard=)"
    ]
    no_stel = oa.stel([(12.0, 10)], hazard="吡啶")  # PC-TWA only (catalogue)
    assert (no_stel.limit, no_stel.verdict, no_stel.value) == (None, Verdict.NOT_APPLICABLE, 8.0)
    assert no_stel.clause == STEL_CLAUSE
    assert no_stel.verified is True
    assert [m.render("en") for m in no_stel.reasons] == [
        "the substance has no PC-STEL; check peak exposures instead"
    ]
    assert (no_stel.segments, no_stel.exposed_minutes) == (((12.0, 10.0),), 10.0)
