"""Every rules module offers the same verbs (``editions``, ``in_force``), and every result it returns
carries a ``Clause`` of a registered instrument (``clause`` text and ``clause_ref``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import itertools
import pkgutil
import types
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import ohsreg.rules as rules
from ohsreg import instruments
from ohsreg.errors import EditionError, InvalidFormat
from ohsreg.instruments import Clause
from ohsreg.rules import (
    Regime,
    agency,
    declaration,
    detection,
    enforcement,
    project,
    staffing,
    surveillance,
    training,
)

DAY = dt.timedelta(days=1)
ON = dt.date(2024, 6, 1)


def _module(name: str) -> types.ModuleType:
    return importlib.import_module(f"ohsreg.rules.{name}")


def _registered(clause: object) -> Clause:
    assert isinstance(clause, Clause), clause
    assert instruments.get(clause.instrument.id) is clause.instrument
    return clause


def test_modules_lists_every_rules_module() -> None:
    found = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_"))
    assert tuple(found) == rules.MODULES


def _start_window(regime: Regime[object]) -> tuple[dt.date, dt.date] | None:
    """The window of the unknown day a regime started on (``None``: the day is known)."""
    clause = regime.clause_ref
    if clause.amendment is None:
        return clause.instrument.in_force_window
    return clause.instrument.amendment(clause.amendment).in_force_window


@pytest.mark.parametrize("name", rules.MODULES)
def test_every_module_offers_the_verbs(name: str) -> None:
    mod = _module(name)
    assert {"editions", "in_force"} <= set(mod.__all__)
    chain = mod.editions()
    assert chain, name
    for older, newer in itertools.pairwise(chain):
        assert older.end == newer.start, (older, newer)  # one regime at a time, no gap
    for regime in chain:
        _registered(regime.clause_ref)
        assert regime.clause == regime.clause_ref.cite()
        read_back = instruments.clause_of(regime.clause)
        assert read_back is not None
        assert (read_back.instrument, read_back.amendment) == (regime.instrument, regime.clause_ref.amendment)
        window = _start_window(regime)
        if window is None:
            assert mod.in_force(regime.start) is regime
        else:  # an unknown day of entry into force: inside its window no regime can be named
            assert not regime.verified
            for day in window:
                with pytest.raises(EditionError) as unknown:
                    mod.in_force(day)
                assert unknown.value.rule == "instruments.date_unverified"
            assert mod.in_force(window[1] + DAY) is regime
            assert regime.applies_on(window[1] + DAY)
        if window is None:
            assert regime.applies_on(regime.start)
        if regime.end is not None:
            assert regime.start < regime.end
            assert mod.in_force(regime.end - DAY) is regime
            assert not regime.applies_on(regime.end)
        assert regime.name in repr(regime)
    assert mod.in_force(chain[0].start - DAY) is None
    with pytest.raises(InvalidFormat) as err:
        mod.in_force("2024-06-01")
    assert err.value.rule == "rules.date"


def test_the_former_names_are_the_value_of_in_force() -> None:
    for day in (dt.date(2013, 1, 1), dt.date(2022, 1, 1), ON, dt.date(2026, 9, 1)):
        assert agency.regime_on(day) is _value(agency.in_force(day))
        assert detection.detection_regime(day) is _value(detection.in_force(day))
        assert surveillance.edition_on(day) is _value(surveillance.in_force(day))
        assert project.regime(day) is _value(project.in_force(day))
    assert project.regime(dt.date(2001, 1, 1)) is project.ProjectRegime.ORDER_49_2006  # as before
    assert project.in_force(dt.date(2001, 1, 1)) is None


def _value(regime: rules.Regime[Any] | None) -> Any:
    assert regime is not None
    return regime.value


def test_regimes_say_the_amendment_state_and_how_sure_the_dates_are() -> None:
    latest = agency.in_force(ON)
    assert latest is not None
    assert (latest.name, latest.clause_ref.amendment, latest.verified) == (
        "NHC Order 4+Order 11",
        "Order 11",
        True,
    )
    notice = training.in_force(ON)
    assert notice is not None
    assert not notice.verified  # the notice's day is unknown: the regime says so
    old = project.editions()[0]
    assert (old.value, old.shipped) == (project.ProjectRegime.ORDER_49_2006, False)


_WORKER = types.SimpleNamespace(exams=(), placed_on=dt.date(2024, 1, 1))

#: One call per kind of result each rules module returns (every module is here: a test checks).
SAMPLES: dict[str, tuple[Callable[[], Any], ...]] = {
    "agency": (
        lambda: agency.rules_for(agency.regime_on(ON)),
        lambda: agency.rules_for(agency.regime_on(ON)).leads[0],
    ),
    "declaration": (lambda: declaration.declaration_due("PROCESS_CHANGE", ON),),
    "detection": (
        lambda: detection.next_detection_due("SERIOUS", dt.date(2023, 5, 10), as_of=ON),
        lambda: detection.next_status_evaluation_due("GENERAL", None, as_of=ON),
        lambda: detection.detection_regime(ON),
    ),
    "enforcement": (
        lambda: enforcement.accident_class(acute_cases=12),
        lambda: enforcement.report_deadline("MAJOR"),
    ),
    "project": (
        lambda: project.acceptance_plan_due(ON),
        lambda: project.written_report_due(ON),
    ),
    "staffing": (lambda: staffing.staffing_requirement("GENERAL", 120, as_of=ON),),
    "surveillance": (
        lambda: surveillance.exam_interval("苯", as_of=ON),
        lambda: surveillance.next_exam_due(_WORKER, "苯", as_of=ON),
        lambda: surveillance.edition_on(ON),
    ),
    "training": (
        lambda: training.training_requirement("OH_MANAGER", "CONTINUING"),
        lambda: training.continuing_training_due("WORKER", ON),
    ),
}


def test_every_module_has_samples() -> None:
    assert set(SAMPLES) == set(rules.MODULES)


@pytest.mark.parametrize(
    "call", [pytest.param(c, id=f"{n}-{i}") for n, calls in SAMPLES.items() for i, c in enumerate(calls)]
)
def test_results_carry_a_clause_of_a_registered_instrument(call: Callable[[], Any]) -> None:
    result = call()
    ref = _registered(result.clause_ref)
    assert isinstance(result.clause, str)
    assert result.clause.startswith(ref.instrument.citation) or ref.amendment is not None


def _has_clause(cls: type) -> bool:
    if attrs.has(cls):
        names = {f.name for f in attrs.fields(cls)}
    elif dataclasses.is_dataclass(cls):
        names = {f.name for f in dataclasses.fields(cls)}
    else:
        names = set()
    return "clause" in names or isinstance(inspect.getattr_static(cls, "clause", None), property)


@pytest.mark.parametrize("name", rules.MODULES)
def test_every_result_type_with_a_clause_reads_it_back(name: str) -> None:
    mod = _module(name)
    classes = [obj for n in mod.__all__ if inspect.isclass(obj := getattr(mod, n)) and _has_clause(obj)]
    assert classes or name in {"declaration", "project"}  # these return the shared rules.Deadline
    missing = [
        c.__name__ for c in classes if not isinstance(inspect.getattr_static(c, "clause_ref", None), property)
    ]
    assert not missing, f"give these a clause_ref (instruments.CitesClause): {missing}"


def test_deadlines_count_before_and_after_the_event() -> None:
    plan = project.acceptance_plan_due(dt.date(2024, 6, 21))
    assert (plan.days, plan.due, plan.verified) == (-20, dt.date(2024, 6, 1), False)
    assert plan.on_time(dt.date(2024, 5, 1))
    assert not plan.on_time(dt.date(2024, 6, 2))
    report = project.written_report_due(dt.date(2024, 6, 1))
    assert [report.on_time(dt.date(2024, 6, 1) + d * DAY) for d in (-1, 0, 20, 21)] == [
        False,
        True,
        True,
        False,
    ]
    assert report.on_time(dt.date(2024, 6, 11)) is project.written_report_on_time(
        dt.date(2024, 6, 11), report.event_date
    )
    declared = declaration.declaration_due(declaration.DeclarationEvent.TERMINATION, dt.date(2024, 1, 31))
    assert declared.due == declaration.due_date("TERMINATION", dt.date(2024, 1, 31))
    assert declared.clause == declaration.declaration_clause("TERMINATION")
    assert declared.overdue(dt.date(2024, 2, 16))
    assert not declared.overdue(dt.date(2024, 2, 15))
    with pytest.raises(InvalidFormat):
        declaration.declaration_due("TERMINATION", "2024-01-31")  # type: ignore[arg-type]


def test_training_and_reporting_results_match_the_bare_values() -> None:
    req = training.training_requirement("PRINCIPAL", "INITIAL")
    assert (req.hours, req.cycle_months) == (training.hours_required("PRINCIPAL", "INITIAL"), 12)
    due = training.continuing_training_due("PRINCIPAL", dt.date(2024, 3, 31))
    assert due.due == training.next_training_due("PRINCIPAL", dt.date(2024, 3, 31))
    worker = training.continuing_training_due("WORKER", ON)
    assert (worker.months, worker.due, worker.overdue(dt.date(2030, 1, 1))) == (None, None, False)
    assert worker.reason
    for cls, reporter in itertools.product(enforcement.AccidentClass, ("EMPLOYER", "AUTHORITY")):
        r = enforcement.report_deadline(cls, reporter=reporter)  # type: ignore[arg-type]
        assert r.hours == enforcement.report_deadline_hours(cls, reporter=reporter)  # type: ignore[arg-type]
        assert r.immediately is (r.hours == 0)
    with pytest.raises(InvalidFormat):
        enforcement.report_deadline("GENERAL", reporter="COUNTY")  # type: ignore[arg-type]


def test_a_day_in_an_unknown_window_is_refused_but_the_answers_that_do_not_depend_on_it_stand() -> None:
    # 令第49号 (2006) and GBZ 188-2007 (2007) entered into force on unknown days: in_force refuses inside
    # the window, as ohsreg.instruments does, while the former names answer where every reading agrees.
    for mod, day in ((project, dt.date(2006, 6, 1)), (surveillance, dt.date(2007, 6, 1))):
        with pytest.raises(EditionError) as err:
            mod.in_force(day)
        assert err.value.rule == "instruments.date_unverified"
    assert project.regime(dt.date(2006, 6, 1)) is project.ProjectRegime.ORDER_49_2006
    assert project.regime(dt.date(2005, 1, 1)) is project.ProjectRegime.ORDER_49_2006
    interval = surveillance.exam_interval("苯", as_of=dt.date(2007, 6, 1))
    assert (interval.status, interval.months) == ("EDITION_NOT_SHIPPED", None)
    with pytest.raises(InvalidFormat):
        project.regime("2006-06-01")  # type: ignore[arg-type]
