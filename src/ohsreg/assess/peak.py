"""Peak exposure (峰接触浓度, PE) for substances with PC-TWA but no PC-STEL (GBZ 2.1-2019).

GBZ 2.1-2019 replaced the 2007 excursion limits (超限倍数) with PE (verified: the foreword). The rule
applied here is **not verified against the official text** (secondary sources only; the clause number
6.3.3 comes from a public code base): excursions above **3 × PC-TWA** may last **at most 15 min** each,
happen **at most 4 times** per working day, **at least 1 h apart**, and no concentration may ever exceed
**5 × PC-TWA**. Searched again in 2026-11: the verbatim clause was not found (only the foreword's "引进峰接触浓度
概念并替代超限倍数" and testing software that records a peak concentration, 峰接触浓度, for chemicals and for
total and respirable dust), so the clause number and the rule stay unverified. Spacing is measured from the end of one excursion to the start of the next.

Dates come from :mod:`ohsreg.instruments`: GBZ 2.1-2019 is in force from 2020-04-01 (verified:
国卫通〔2019〕10号 of 2019-08-27, "该标准自2020年4月1日起施行，GBZ 2.1—2007同时废止"). For an ``as_of``
before that day the 2007 excursion limits (超限倍数) applied instead: :func:`peak` refuses such dates
(``assess.edition_unverified``) and :func:`excursion` judges them, taking the multiple from the GBZ 2.1-2007
row of the catalogue (``hazard=``) or from the caller (``multiple=``).

>>> from ohsreg.assess.peak import Excursion
>>> r = peak([Excursion(25.0, 10, start_h=1.0), Excursion(28.0, 15, start_h=3.0)], limit=6.0)
>>> r.verdict.name, r.value
('COMPLIES', 28.0)
>>> peak([Excursion(31.0, 5)], limit=6.0).verdict.name      # above 5 × PC-TWA
'EXCEEDS'
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import (
    MG_M3,
    AppliedLimit,
    Assessment,
    AssessmentError,
    Message,
    Verdict,
    _provenance,
    conditions_error,
    date_option,
    iterate,
    limit_object,
    msg,
    number,
    resolve_limit,
    text_option,
)
from ohsreg.assess.dust import bands_error, check_fraction_name
from ohsreg.errors import EditionError

__all__ = [
    "EXCURSION_CLAUSE",
    "PEAK_CLAUSE",
    "Excursion",
    "ExcursionLimit",
    "PeakAssessment",
    "excursion",
    "excursion_exceeds",
    "excursion_limit",
    "peak",
]

PEAK_CLAUSE = "GBZ 2.1-2019 6.3.3 (peak exposure; clause number unverified)"
"""The clause cited by :func:`peak` (the clause number is unverified)."""
EXCURSION_CLAUSE = "GBZ 2.1-2007 (超限倍数, excursion limit; clause and multiples unverified)"
"""The clause cited by :func:`excursion` (GBZ 2.1-2007 excursion limits; unverified)."""
_GBZ21_2019 = "GBZ 2.1-2019"
_GBZ21_2007 = "GBZ 2.1-2007"
EXCURSION_MULTIPLE = 3.0
CEILING_MULTIPLE = 5.0
MAX_MINUTES = 15.0
MAX_COUNT = 4
MIN_GAP_H = 1.0


@attrs.frozen
class Excursion:
    """One measured excursion: peak concentration (mg/m³), duration (min), optional start (h into day)."""

    concentration: float
    minutes: float
    start_h: float | None = None


@attrs.frozen(kw_only=True)
class PeakAssessment(Assessment):
    """Result of :func:`peak`: the excursions above 3 × PC-TWA and the checks that failed."""

    excursions: tuple[Excursion, ...] = ()
    count_above: int = 0
    c_twa: float | None = None
    """The day's C_TWA when given (``c_twa=``): above PC-TWA the day exceeds whatever the excursions."""


def peak(
    excursions: Iterable[Excursion | tuple[float, float] | tuple[float, float, float]] = (),
    *,
    c_twa: Any = None,
    limit: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
) -> PeakAssessment:
    """Judge the excursions of one working day by the peak-exposure rule (unverified, see module).

    ``limit`` is PC-TWA (mg/m³) or a limit object; a limit object that has a PC-STEL makes the rule
    ``NOT_APPLICABLE`` (judge C_STE with :func:`ohsreg.assess.stel`). The value reported is the
    highest concentration. Missing start times when two or more excursions exceed 3 × PC-TWA give
    ``INSUFFICIENT_DATA`` (spacing cannot be checked) unless another check already fails.

    ``c_twa`` is the day's C_TWA (mg/m³, or a :func:`ohsreg.assess.twa` result): the excursion rule
    applies on top of the PC-TWA, so a C_TWA above PC-TWA makes the day ``EXCEEDS`` -- also on a day
    without excursions (``peak(c_twa=...)``, judged on the C_TWA alone, value = C_TWA).

    >>> r = peak(c_twa=7.5, limit=6.0)
    >>> r.quantity, r.value, r.verdict.name
    ('C_TWA', 7.5, 'EXCEEDS')
    """
    exc = tuple(_excursion(e, i) for i, e in enumerate(iterate(excursions, "excursions")))
    day = None if c_twa is None else _c_twa(c_twa)
    if not exc and day is None:
        raise AssessmentError(
            "no excursions given",
            rule="assess.empty",
            field="excursions",
            hint="for a day without excursions pass the day's C_TWA: peak(c_twa=..., limit=...)",
        )
    _check_2019_in_force(as_of, edition)
    has_stel = getattr(limit, "pc_stel", None) is not None
    if limit is None and hazard is not None:
        has_stel = (
            resolve_limit(
                None,
                "PC-STEL",
                "pc_stel",
                MG_M3,
                hazard=hazard,
                edition=edition,
                as_of=as_of,
                condition=condition,
                required=False,
            )
            is not None
        )
    applied = resolve_limit(
        limit, "PC-TWA", "pc_twa", MG_M3, hazard=hazard, edition=edition, as_of=as_of, condition=condition
    )
    top = max((e.concentration for e in exc), default=0.0)
    base = PeakAssessment(
        quantity="C_PE" if exc else "C_TWA",
        value=top if exc or day is None else day,
        unit=MG_M3,
        limit=applied,
        verdict=Verdict.NOT_APPLICABLE,
        clause=PEAK_CLAUSE,
        verified=False,
        excursions=exc,
        c_twa=day,
    )
    if applied is None or has_stel:
        return attrs.evolve(
            base, reasons=(msg("peak exposure applies only to substances with PC-TWA and no PC-STEL"),)
        )
    pc_twa = applied.value
    above = sorted(
        (e for e in exc if e.concentration > EXCURSION_MULTIPLE * pc_twa),
        key=lambda e: -1.0 if e.start_h is None else e.start_h,
    )
    reasons: list[Message] = []
    if day is not None and day > pc_twa:
        reasons.append(msg("C_TWA exceeds PC-TWA"))
    if not exc:
        verdict = Verdict.EXCEEDS if reasons else Verdict.COMPLIES
        return attrs.evolve(base, verdict=verdict, reasons=(*reasons, msg("no excursions on the day")))
    if top > CEILING_MULTIPLE * pc_twa:
        reasons.append(msg("a concentration exceeds 5 × PC-TWA"))
    if any(e.minutes > MAX_MINUTES for e in above):
        reasons.append(msg("an excursion above 3 × PC-TWA lasts longer than 15 min"))
    if len(above) > MAX_COUNT:
        reasons.append(msg("{n} excursions above 3 × PC-TWA (at most 4 allowed)", n=len(above)))
    insufficient = False
    if len(above) > 1:
        if any(e.start_h is None for e in above):
            insufficient = True
        else:
            for prev, nxt in itertools.pairwise(above):
                gap = float(nxt.start_h or 0.0) - (float(prev.start_h or 0.0) + prev.minutes / 60.0)
                if gap < MIN_GAP_H - 1e-9:
                    reasons.append(msg("two excursions above 3 × PC-TWA are less than 1 h apart"))
                    break
    if reasons:
        verdict = Verdict.EXCEEDS
    elif insufficient:
        verdict = Verdict.INSUFFICIENT_DATA
        reasons.append(msg("start times are needed to check the 1 h spacing"))
    else:
        verdict = Verdict.COMPLIES
    limit_shown = attrs.evolve(applied, kind="5 × PC-TWA", value=CEILING_MULTIPLE * pc_twa)
    return attrs.evolve(
        base, limit=limit_shown, verdict=verdict, reasons=tuple(reasons), count_above=len(above)
    )


def _c_twa(value: Any) -> float:
    """The day's C_TWA from a number, a quantity or a :class:`TwaAssessment`-like result."""
    if isinstance(value, Assessment):
        return number(value.value, value.unit, "c_twa")
    return number(value, MG_M3, "c_twa")


def _excursion(item: Any, i: int) -> Excursion:
    if isinstance(item, Excursion):
        c, m, s = item.concentration, item.minutes, item.start_h
    else:
        try:
            c, m, *rest = item
        except (TypeError, ValueError) as exc:
            raise AssessmentError(
                "excursion {index} must be (concentration, minutes[, start_h])",
                rule="assess.value",
                field=f"excursions[{i}]",
                index=i,
            ) from exc
        s = rest[0] if rest else None
    return Excursion(
        number(c, MG_M3, f"excursions[{i}].concentration"),
        number(m, "min", f"excursions[{i}].minutes"),
        None if s is None else number(s, "h", f"excursions[{i}].start_h"),
    )


def __getattr__(name: str) -> Any:
    if name == "GBZ21_2019_IN_FORCE":  # deprecated: one home for dates is ohsreg.instruments
        import warnings

        warnings.warn(
            "ohsreg.assess.peak.GBZ21_2019_IN_FORCE is deprecated; use "
            'ohsreg.instruments.lookup("GBZ 2.1-2019").in_force',
            DeprecationWarning,
            stacklevel=2,
        )
        return _in_force_2019()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _in_force_2019() -> dt.date:
    from ohsreg.instruments import lookup

    start = lookup(_GBZ21_2019).in_force
    assert start is not None
    return start


def _check_2019_in_force(as_of: dt.date | None, edition: str | None) -> None:
    date_option(as_of)
    if edition is not None:
        text_option(edition, "edition")
    start = _in_force_2019()
    if (as_of is not None and as_of < start) or (
        edition is not None and edition.replace(" ", "").startswith("GBZ2.1-2007")
    ):
        raise EditionError(
            "peak exposure applies from {date} (GBZ 2.1-2019); before that GBZ 2.1-2007 used excursion "
            "limits (超限倍数) instead",
            rule="assess.edition_unverified",
            field="as_of" if as_of is not None else "edition",
            hint="judge 15-min samples with ohsreg.assess.excursion(..., hazard=, as_of=): the multiple comes from the GBZ 2.1-2007 row",
            date=start.isoformat(),
        )


def excursion(
    c_ste: Iterable[Any] | float,
    *,
    pc_twa: Any = None,
    multiple: float | None = None,
    c_twa: Any = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    fraction: str = "total",
    sio2_percent: float | None = None,
) -> Assessment:
    """Judge 15-min concentrations by a GBZ 2.1-2007 excursion limit (超限倍数).

    Under GBZ 2.1-2007 (in force 2007-11-01 to 2020-03-31) a substance without PC-STEL had an excursion
    multiple: with the 8-h C_TWA complying, no 15-min exposure may exceed ``multiple × PC-TWA``
    (definition seen on a secondary exam page; **unverified**). With ``hazard=`` the PC-TWA and the
    multiple come from the GBZ 2.1-2007 row of :mod:`ohsreg.catalogue` (``as_of`` must fall in 2007's
    period, or ``edition`` name it; default GBZ 2.1-2007); a row with PC-STEL (or with MAC only) has no
    multiple and the rule is ``NOT_APPLICABLE``; a row whose multiple or PC-TWA is not shipped (二苯胺,
    升汞) is refused with ``assess.excursion_not_shipped``. Without ``hazard`` pass ``pc_twa`` and
    ``multiple`` as printed. The multiples rest on one transcription of the 2007 tables (表1: they fit the
    bands PC-TWA < 1 → 3, < 10 → 2.5, < 100 → 2, else 1.5 for all 172 rows; 表2: every dust has 2), so
    the result is always marked unverified.

    Dusts (GBZ 2.1-2007 表2): ``fraction`` (``"total"`` or ``"respirable"``) picks the PC-TWA the
    multiple applies to; 矽尘 needs ``sio2_percent`` (or ``condition=``) to pick its band. A fraction
    without a PC-TWA in the table gives ``NOT_APPLICABLE``, as :func:`ohsreg.assess.dust_twa` does.

    ``c_ste``: one or more 15-min concentrations (mg/m³); ``c_twa`` (optional): the day's C_TWA — if
    it exceeds PC-TWA the verdict is EXCEEDS whatever the excursions.

    >>> excursion([4.0, 6.5], pc_twa=2.0, multiple=2.5).verdict.name
    'EXCEEDS'
    >>> r = excursion([2.0], hazard="苯胺", as_of=dt.date(2019, 6, 1))   # 2007: PC-TWA 3, 超限倍数 2.5
    >>> r.verdict.name, r.limit.value, r.limit.kind
    ('COMPLIES', 7.5, '2.5 × PC-TWA')
    """
    items = [c_ste] if isinstance(c_ste, int | float | str) else iterate(c_ste, "c_ste")
    values = tuple(number(c, MG_M3, f"c_ste[{i}]") for i, c in enumerate(items))
    if not values:
        raise AssessmentError("no samples given", rule="assess.empty", field="c_ste")
    found = excursion_limit(
        pc_twa=pc_twa,
        multiple=multiple,
        hazard=hazard,
        edition=edition,
        as_of=as_of,
        condition=condition,
        fraction=fraction,
        sio2_percent=sio2_percent,
    )
    top = max(values)
    if isinstance(found, Message):
        return Assessment(
            quantity="C_STE",
            value=top,
            unit=MG_M3,
            limit=None,
            verdict=Verdict.NOT_APPLICABLE,
            clause=EXCURSION_CLAUSE,
            verified=False,
            reasons=(found,),
        )
    day = float("nan") if c_twa is None else number(c_twa, MG_M3, "c_twa")
    reasons: list[Message] = []
    if excursion_exceeds(float("nan"), found.limit.value, day, found.pc_twa):
        reasons.append(msg("C_TWA exceeds PC-TWA"))
    over = sum(1 for v in values if excursion_exceeds(v, found.limit.value))
    if over:
        reasons.append(msg("{n} of {total} samples above the excursion limit", n=over, total=len(values)))
    exceeds = excursion_exceeds(top, found.limit.value, day, found.pc_twa)
    return Assessment(
        quantity="C_STE",
        value=top,
        unit=MG_M3,
        limit=found.limit,
        verdict=Verdict.EXCEEDS if exceeds else Verdict.COMPLIES,
        clause=EXCURSION_CLAUSE,
        verified=False,
        reasons=tuple(reasons),
    )


# ------------------------------------------------------------- the GBZ 2.1-2007 excursion rule's parts
# One home for the scalar :func:`excursion` and the columnar :func:`ohsreg.assess.shift_table`.


@attrs.frozen
class ExcursionLimit:
    """The excursion limit of one GBZ 2.1-2007 row: PC-TWA, 超限倍数 and ``limit`` = multiple × PC-TWA.

    ``limit`` names the edition (GBZ 2.1-2007), the row's citation and whether the row is verified
    (the multiple itself is single-source, so the rule's result is unverified either way).
    """

    pc_twa: float
    multiple: float
    limit: AppliedLimit


def excursion_limit(
    *,
    pc_twa: Any = None,
    multiple: float | None = None,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
    fraction: str = "total",
    sio2_percent: float | None = None,
) -> ExcursionLimit | Message:
    """The excursion limit (multiple × PC-TWA) for :func:`excursion`, or why the rule does not apply.

    Returns a :class:`Message` (the reason of ``NOT_APPLICABLE``) when the GBZ 2.1-2007 row has a
    PC-STEL (judge C_STE against it) or only a MAC, or the dust fraction has no PC-TWA. Raises
    ``assess.edition_unverified`` when the date is not in GBZ 2.1-2007's period,
    ``assess.excursion_not_shipped`` when the row exists but its 超限倍数 or PC-TWA is not shipped, and
    ``assess.limit_missing`` when neither ``hazard`` nor both ``pc_twa`` and ``multiple`` are given.
    """
    source: str | None = None
    row_verified = False
    if hazard is not None and (pc_twa is None or multiple is None):
        row = _excursion_row(hazard, edition, as_of, condition, sio2_percent)
        dust = hasattr(row, "pc_twa_total")
        if not dust and (
            getattr(row, "pc_stel", None) is not None
            or (getattr(row, "mac", None) is not None and getattr(row, "pc_twa", None) is None)
        ):
            return msg("the GBZ 2.1-2007 row has a PC-STEL or a MAC: the excursion limit does not apply")
        if dust:
            check_fraction_name(fraction)
            row_twa = getattr(row, "pc_twa_total" if fraction == "total" else "pc_twa_respirable", None)
            if row_twa is None and pc_twa is None:
                return msg("the GBZ 2.1-2007 row has no PC-TWA for this dust fraction")
        else:
            row_twa = getattr(row, "pc_twa", None)
        row_multiple = getattr(row, "excursion_multiple", None)
        absent = [
            name
            for name, given, shipped in (("PC-TWA", pc_twa, row_twa), ("超限倍数", multiple, row_multiple))
            if given is None and shipped is None
        ]
        if absent:
            raise _not_shipped(getattr(row, "name_zh", str(hazard)), " + ".join(absent))
        pc_twa = row_twa if pc_twa is None else pc_twa
        multiple = row_multiple if multiple is None else multiple
        source = _provenance(row)[0]
        row_verified = bool(getattr(row, "verified", False))
    if pc_twa is None or multiple is None:
        raise AssessmentError(
            "no {kind} limit given",
            rule="assess.limit_missing",
            field="limit",
            hint="pass limit= (a number in {unit} or a catalogue limit) or hazard=",
            kind="PC-TWA and 超限倍数",
            unit=MG_M3,
        )
    base = number(pc_twa, MG_M3, "pc_twa", allow_zero=False)
    k = number(multiple, "1", "multiple", allow_zero=False)
    if k < 1:
        raise AssessmentError(
            "{where} must be at least 1, got {value}", rule="assess.value", field="multiple", value=k
        )
    applied = AppliedLimit(
        kind=f"{k:g} × PC-TWA",
        value=k * base,
        unit=MG_M3,
        source=source,
        edition=_GBZ21_2007,
        verified=row_verified,
    )
    return ExcursionLimit(pc_twa=base, multiple=k, limit=applied)


def excursion_exceeds(top: Any, limit: Any, c_twa: Any = float("nan"), pc_twa: Any = float("nan")) -> Any:
    """The excursion verdict: a sample above multiple × PC-TWA, or a C_TWA above PC-TWA, exceeds.

    Works on numbers and, element-wise, on numpy arrays (NaN compares false: nothing to judge).
    """
    return (top > limit) | (c_twa > pc_twa)


def _excursion_row(
    hazard: Any, edition: str | None, as_of: dt.date | None, condition: str | None, sio2: float | None
) -> Any:
    """The GBZ 2.1-2007 row answering for ``hazard`` (table 1 or, for a dust, table 2)."""
    if edition is None and as_of is None:
        edition = _GBZ21_2007
    # "pc_twa_total": no limit-set property of that name, so an entry with several rows comes back whole
    row = limit_object(hazard, "pc_twa_total", edition=edition, as_of=as_of, condition=condition)
    rows = getattr(row, "rows", None)
    dust_rows = getattr(row, "dust_rows", None)
    if isinstance(rows, tuple) and rows and not dust_rows:
        if len(rows) > 1:
            raise conditions_error(row, hazard)
        row = rows[0]
    elif isinstance(dust_rows, tuple) and dust_rows and not rows:
        banded = any(getattr(r, "free_silica", None) is not None for r in dust_rows)
        if banded and sio2 is not None:
            row = row.for_free_silica(number(sio2, "%", "sio2_percent"))
        elif len(dust_rows) == 1:
            row = dust_rows[0]
        elif banded:
            raise bands_error(row, hazard)
        else:
            raise conditions_error(row, hazard)
    answered = getattr(getattr(row, "source", None), "edition", None) or getattr(row, "edition", None)
    if answered != _GBZ21_2007:
        raise EditionError(
            "excursion limits (超限倍数) are a rule of GBZ 2.1-2007; {edition} answered for this date",
            rule="assess.edition_unverified",
            field="as_of",
            hint="from {date} judge excursions with ohsreg.assess.peak()",
            edition=str(answered),
            date=_in_force_2019().isoformat(),
        )
    return row


def _not_shipped(name: str, absent: str) -> AssessmentError:
    return AssessmentError(
        "the GBZ 2.1-2007 row of {hazard} has no shipped {absent}: its excursion limit cannot be formed",
        rule="assess.excursion_not_shipped",
        field="hazard",
        hint="pass pc_twa= and multiple= as printed in GBZ 2.1-2007 表1 (the shipped values were "
        "missing or rounded in the only source found)",
        hazard=name,
        absent=absent,
    )
