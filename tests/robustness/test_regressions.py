"""One regression test per crash found by the robustness hunt (input -> the rule error now raised)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ohsreg import assess, catalogue, units
from ohsreg.assess.statistics import tolerance_factor
from ohsreg.errors import OhsregError
from ohsreg.i18n import normalize_locale

HUGE = 10**400


def _rule(call: Any) -> tuple[str, str | None]:
    with pytest.raises(OhsregError) as err:
        call()
    assert "[" in str(err.value)  # renders with its rule code
    return err.value.rule, err.value.field


@pytest.mark.parametrize(
    ("call", "rule", "field"),
    [
        # OverflowError: int too large to convert to float
        (lambda: assess.twa([(1, 8)], limit=HUGE), "assess.value", "limit"),
        (lambda: assess.twa([(HUGE, 8)], limit=1), "assess.value", "segments[0].concentration"),
        (lambda: assess.heat(HUGE, exposure_hours=8, intensity="III"), "assess.value", "wbgt"),
        (lambda: assess.noise_exposure([(HUGE, 8)]), "assess.value", "tasks[0].level"),
        (lambda: assess.allowed_hours(90, limit=HUGE), "assess.value", "limit"),
        (lambda: units.parse_quantity(HUGE, "mg/m³"), "units.not_finite", None),
        (lambda: units.mg_m3_to_ppm(1, HUGE), "units.molar_mass", "molar_mass"),
        (lambda: assess.standard_volume(10, HUGE, 101.3), "assess.value", "temperature_c"),
        (lambda: tolerance_factor(HUGE), "assess.value", "n"),
        # TypeError: 'NoneType' object is not iterable
        (lambda: assess.twa(None, limit=1), "assess.value", "segments"),
        (lambda: assess.stel(None, limit=1), "assess.value", "segments"),
        (lambda: assess.mac(None, limit=1), "assess.value", "concentrations"),
        (lambda: assess.peak(None, limit=1), "assess.value", "excursions"),
        (lambda: assess.mixture(None), "assess.value", "components"),
        (lambda: assess.dust_twa(dt.date(2020, 1, 1), limit=1), "assess.value", "segments"),
        (lambda: assess.noise_exposure(None), "assess.value", "tasks"),
        (lambda: assess.noise_exposure_week(None), "assess.value", "daily_lex"),
        (lambda: assess.en689(None, oel=1), "assess.value", "values"),
        (lambda: units.lex_8h(None, 8), "sound.format", "levels"),
        (lambda: units.lex_8h([85], 8), "sound.format", "durations_h"),
        (lambda: units.energy_sum(None), "sound.format", "levels"),
        # AttributeError / TypeError on a non-text option
        (lambda: assess.twa([(1, 8)], hazard="苯", condition=True), "assess.value", "condition"),
        (lambda: assess.en689([0.1, 0.2, 0.3], oel=1, edition=b"x"), "assess.value", "edition"),
        (lambda: catalogue.limits_for("苯", edition=[]), "catalogue.argument_type", "edition"),
        (lambda: catalogue.limits_for("苯", as_of=True), "catalogue.argument_type", "as_of"),
        (lambda: catalogue.risk_class("C2614", as_of="2021-01-01"), "catalogue.argument_type", "as_of"),
        (lambda: catalogue.diseases_in_force(edition=2013), "catalogue.argument_type", "edition"),
        (lambda: catalogue.search(None), "catalogue.argument_type", "query"),
        (lambda: catalogue.search("苯", limit=float("nan")), "catalogue.argument_type", "limit"),
        (lambda: catalogue.limits_for("一氧化碳").select(None), "catalogue.argument_type", "sub_condition"),
        (
            lambda: catalogue.limits_for("矽尘").for_free_silica(None),
            "catalogue.argument_type",
            "free_silica",
        ),
        (lambda: units.mg_m3_to_ppm(1, None), "units.format", "molar_mass"),
        (lambda: units.ppm_to_mg_m3(1, 78, None), "units.format", "temperature_c"),
        (lambda: assess.standard_volume(10, None, 101.3), "assess.value", "temperature_c"),
        (lambda: assess.standard_volume(10, "", 101.3), "assess.value", "temperature_c"),
        (lambda: assess.allowed_hours(90, limit=None), "units.format", "limit"),
        # TypeError: unhashable type: 'list'
        (lambda: units.parse_quantity("1 mg/m³", kind=[]), "units.kind", "kind"),
        (lambda: tolerance_factor([]), "assess.empty", "n"),
        # AttributeError: 'bool' object has no attribute 'strip'
        (lambda: normalize_locale(True), "i18n.locale", "locale"),  # type: ignore[arg-type]
        # numpy ValueError/TypeError/OverflowError in the vectorized rules
        (lambda: assess.twa_array("abc", [8]), "assess.value", "concentrations"),
        (lambda: assess.twa_array([[1.0, 2.0], [3.0]], [8]), "assess.value", "concentrations"),
        (lambda: assess.twa_array([HUGE], [8]), "assess.value", "concentrations"),
        (lambda: assess.stel_array({}, [15]), "assess.value", "concentrations"),
        (lambda: assess.lex_8h_array([85], [dt.date(2020, 1, 1)]), "assess.value", "hours"),
        (lambda: assess.wbgt_array([], [], "III"), "assess.empty", "wbgt"),
        (lambda: assess.wbgt_array([25.0], [], "III"), "assess.value", "exposure_hours"),
        (lambda: assess.wbgt_array([25.0], [8.0], {}), "assess.value", "intensity"),
        (lambda: assess.wbgt_array([25.0], [8.0], [float("inf")]), "assess.value", "intensity"),
        (lambda: assess.wbgt_array([25.0], [8.0], b"abc"), "assess.value", "intensity"),
    ],
)
def test_crash_became_rule_error(call: Any, rule: str, field: str | None) -> None:
    got_rule, got_field = _rule(call)
    assert got_rule == rule
    if field is not None:
        assert got_field == field


def test_non_detect_limits_are_checked() -> None:
    from ohsreg.assess.sampling import NonDetect

    # NonDetect(-1) with below_lod="half" gave a TWA of -0.5; NonDetect(True) gave 0.5
    for bad in (-1.0, True, float("nan"), 0.0):
        assert _rule(lambda bad=bad: assess.twa([(NonDetect(bad), 8.0)], limit=1.0, below_lod="half")) == (
            "assess.value",
            "segments[0].concentration.limit",
        )
    assert assess.twa([(NonDetect(0.2), 8.0)], limit=1.0, below_lod="half").value == pytest.approx(0.1)


def test_silent_coercions_refused() -> None:
    # hot_region="no" was truthy: +1 ℃ silently; 5 was added as +5 ℃ by the vectorized form
    assert _rule(lambda: assess.heat(25.0, exposure_hours=8, intensity="III", hot_region="no")) == (
        "assess.value",
        "hot_region",
    )
    assert _rule(lambda: assess.wbgt_array([25.0], [8.0], "III", hot_region=5)) == (
        "assess.value",
        "hot_region",
    )
    # intensity code 2.7 was truncated to class Ⅱ
    assert _rule(lambda: assess.wbgt_array([25.0], [8.0], [2.7])) == ("assess.value", "intensity")
    # a datetime compared with a date raised TypeError deep in the edition table
    assert _rule(lambda: catalogue.limits_for("苯", as_of=dt.datetime(2021, 1, 1))) == (
        "catalogue.argument_type",
        "as_of",
    )


def test_good_input_still_works() -> None:
    assert assess.heat(25.0, exposure_hours=8, intensity="III", hot_region=True).limit is not None
    out = assess.wbgt_array([25.0, 30.0], [8.0, 8.0], [3, 3], hot_region=[True, False])
    assert len(out.values) == 2
    assert catalogue.limits_for("苯", as_of=dt.date(2021, 1, 1)).edition == "GBZ 2.1-2019"
    assert catalogue.get(["苯"]) is None  # type: ignore[arg-type]
    assert round(assess.standard_volume(10, "20 ℃", 101.3), 6) == 10.0
    assert assess.allowed_hours(88, limit=85) == pytest.approx(8 * 10**-0.3)


# ---- rules and model methods: dates and arguments of the wrong type -------------------------------
D = dt.date(2024, 6, 1)


def test_rules_refuse_non_dates(example_models: list[Any]) -> None:
    import ohsreg
    from ohsreg.rules import declaration, detection
    from ohsreg.rules import project as project_rules

    enterprise, _, project, agency, expert = example_models
    worker = enterprise.workers[0]
    cases: list[tuple[Any, str, str]] = [
        # TypeError: '<=' not supported between 'datetime.date' and 'NoneType'
        (lambda: ohsreg.next_detection_due("SERIOUS", D, as_of=None), "rules.date", "as_of"),
        (lambda: detection.detection_regime(None), "rules.date", "as_of"),
        (lambda: ohsreg.next_exam_due(worker, "噪声", as_of=None), "rules.date", "as_of"),
        (lambda: enterprise.check(None), "rules.date", "as_of"),
        (lambda: enterprise.check(dt.datetime(2024, 6, 1, 8)), "rules.date", "as_of"),
        (lambda: project.check(None), "rules.date", "as_of"),
        (lambda: agency.check(None), "rules.date", "as_of"),
        (lambda: expert.in_term("2024-01-01"), "rules.date", "as_of"),
        (lambda: worker.active_on(None), "rules.date", "as_of"),
        (lambda: project_rules.regime(None), "rules.date", "as_of"),
        (lambda: project_rules.trial_run_days(None, D), "rules.date", "start"),
        (lambda: project_rules.acceptance_plan_deadline(None), "rules.date", "acceptance"),
        # AttributeError: 'bool' object has no attribute 'year'
        (lambda: ohsreg.next_detection_due("SERIOUS", True, as_of=D), "rules.date", "last_detection"),
        # ValueError: year 10000 is out of range / OverflowError: date value out of range
        (
            lambda: ohsreg.next_detection_due("SERIOUS", dt.date(9999, 12, 31), as_of=D),
            "rules.date_range",
            None,
        ),
        (lambda: project_rules.acceptance_plan_deadline(dt.date(1, 1, 1)), "rules.date_range", None),
        # KeyError / TypeError: unhashable, AttributeError on non-text
        (lambda: project_rules.more_serious(None, "SERIOUS"), "vocab.unknown", "a"),
        (lambda: project_rules.trial_run_ok(None), "rules.argument_type", "days"),
        (lambda: declaration.declaration_applies(True), "rules.argument_type", "industry"),
        (lambda: ohsreg.exam_interval([], as_of=D), "rules.argument_type", "hazard"),
        (lambda: ohsreg.next_exam_due(worker, [], as_of=D), "rules.argument_type", "hazard"),
        (lambda: ohsreg.exam_interval("噪声", as_of=D, lex_8h=HUGE), "sound.not_finite", "lex_8h"),
        (lambda: ohsreg.exam_interval("噪声", as_of=D, lex_8h=""), "sound.empty", "lex_8h"),
        (lambda: project.check(D, agencies=None), "rules.argument_type", "agencies"),
        (lambda: project.check(D, agencies="x"), "rules.argument_type", "agencies"),
        (lambda: agency.may_serve(None, "DETECTION", as_of=D), "rules.argument_type", "subject"),
    ]
    for call, rule, field in cases:
        got_rule, got_field = _rule(call)
        assert got_rule == rule, (rule, got_rule)
        if field is not None:
            assert got_field == field, (rule, got_field)


def test_rules_still_answer_good_input(example_models: list[Any]) -> None:
    import ohsreg

    worker = example_models[0].workers[0]
    assert ohsreg.exam_interval("噪声", as_of=D, lex_8h=90).months is not None
    assert ohsreg.exam_interval("噪声", as_of=D, lex_8h="90 dB(A)").months is not None
    assert ohsreg.next_detection_due("SERIOUS", dt.date(2023, 1, 1), as_of=D).due == dt.date(2024, 1, 1)
    assert worker.active_on(D) in (True, False)


# ---- formatters and readers ------------------------------------------------------------------------
def test_formatters_refuse_wrong_types() -> None:
    import io

    from ohsreg import i18n
    from ohsreg.export import csv as export_csv
    from ohsreg.export import json as export_json
    from ohsreg.models import Enterprise

    cases: list[tuple[Any, str, str]] = [
        # TypeError: float() argument must be ... not 'NoneType'; OverflowError on a huge int
        (lambda: i18n.format_number(None), "i18n.value", "value"),  # type: ignore[arg-type]
        (lambda: i18n.format_number(""), "i18n.value", "value"),  # type: ignore[arg-type]
        (lambda: i18n.format_number(HUGE), "i18n.value", "value"),
        (lambda: i18n.format_number(1.5, decimals=-1), "i18n.value", "decimals"),
        (lambda: i18n.format_number(1.5, decimals=HUGE), "i18n.value", "decimals"),
        # AttributeError: 'NoneType' object has no attribute 'value'
        (lambda: i18n.format_quantity(None), "i18n.value", "quantity"),
        # AssertionError inside babel for a bool; AttributeError for a time-zone pattern
        (lambda: i18n.format_date(True), "i18n.value", "value"),  # type: ignore[arg-type]
        (lambda: i18n.format_date(dt.date(2020, 1, 1), format="zh"), "i18n.value", "format"),
        (lambda: i18n.format_date(dt.date(2020, 1, 1), format=None), "i18n.value", "format"),  # type: ignore[arg-type]
        # TypeError: unhashable type: 'list'
        (lambda: i18n.gettext([]), "i18n.value", "msgid"),  # type: ignore[arg-type]
        # LookupError: unknown encoding / TypeError: encoding must be str
        (
            lambda: export_csv.from_csv(io.BytesIO(b"a\n1\n"), Enterprise, encoding="x"),
            "export.encoding",
            "encoding",
        ),
        (
            lambda: export_csv.from_csv(io.BytesIO(b"a\n1\n"), Enterprise, encoding=True),
            "export.encoding",
            "encoding",
        ),  # type: ignore[arg-type]
        # AttributeError: 'NoneType' object has no attribute 'read'
        (lambda: export_json.load(None, Enterprise), "export.source", "source"),  # type: ignore[arg-type]
        (lambda: export_csv.from_csv(3, Enterprise), "export.source", "source"),  # type: ignore[arg-type]
    ]
    for call, rule, field in cases:
        assert _rule(call) == (rule, field), rule
    assert i18n.format_number(2**20, "en") == "1,048,576"
    assert i18n.format_date(dt.date(2020, 4, 1), "en", format="long") == "April 1, 2020"


# ---- silent coercions in the models ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("workers", 0, "placed_on"), 0, "placed_on"),  # was read as 1970-01-01 (seconds since the epoch)
        (("workers", 0, "exams", 0, "date"), 86400.0, "date"),  # was 1970-01-02
        (("workers_total",), True, "workers_total"),  # was 1
    ],
)
def test_models_refuse_silent_coercion(
    example_models: list[Any], path: tuple[Any, ...], value: Any, field: str
) -> None:
    import copy

    import pydantic

    enterprise = example_models[0]
    doc = copy.deepcopy(enterprise.model_dump(mode="json", context={"unmask": True}))
    cur = doc
    for key in path[:-1]:
        cur = cur[key]
    cur[path[-1]] = value
    with pytest.raises(pydantic.ValidationError) as err:
        type(enterprise).model_validate(doc)
    (error,) = err.value.errors()
    assert error["type"] == "record.type"
    assert error["ctx"]["field"] == field
    # a string date and a whole-number count still validate
    cur[path[-1]] = "2019-03-01" if field != "workers_total" else 46
    type(enterprise).model_validate(doc)


def test_lone_surrogate_in_a_pydantic_error() -> None:
    import pydantic

    from ohsreg.vocab import Verdict

    # pydantic rendered the raw input into its (Rust, UTF-8) message: UnicodeEncodeError from .errors()
    with pytest.raises(pydantic.ValidationError) as err:
        pydantic.TypeAdapter(Verdict).validate_python("\ud800")
    (error,) = err.value.errors()
    assert error["type"] == "vocab.unknown"
    assert "\\ud800" in str(err.value)
