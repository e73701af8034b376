"""Work grading (作业分级) of GBZ/T 229: chemicals (229.2), dust (229.1), noise (229.4), heat (229.3).

Editions are chosen by date (``as_of``) or named (``edition=``); with neither, the **latest modelled
edition** is used and named in the result (it changes only with a CHANGELOG entry).

============  ===================  =====================  ==================================
part          edition              in force               status here
============  ===================  =====================  ==================================
229.1 dust    GBZ/T 229.1-2010     2010-10-01 (S)         formula not verified: refused
229.1 dust    GBZ/T 229.1-2025     2026-02-01 (S)         implemented, **unverified** (S)
229.2 chem    GBZ/T 229.2-2010     2010-11-01 (V)         formula not verified: refused
229.2 chem    GBZ/T 229.2-2025     2026-02-01 (S)         implemented, **unverified** (S)
229.3 heat    2010 / 2025          —                      not implemented (see below)
229.4 noise   GBZ/T 229.4-2012     —                      implemented, **unverified** (K)
============  ===================  =====================  ==================================

Search record (2026-11): public copies of the 2010 texts exist only as page images or garbled
previews whose reachable part stops at the foreword (229.1-2010: the publication and in-force dates;
229.2-2010: "有毒作业分级由五级改为四级" and the revision from GB 12331-1990); no page, textbook extract or
code base gives the 2010 weights, the form of W_B or the class boundaries, so these editions stay
refused rather than guessed (pass ``edition="GBZ/T 229.x-2025"`` explicitly to grade an earlier date
by the later rule, knowingly). The 229.3-2025 heat table was seen in a single code base claiming
extraction from the PDF, with rows that are not monotone (e.g. intensity Ⅲ at ≥ 75 % exposure time is
"beyond Ⅳ" at every WBGT from 28 °C while Ⅲ at 50–75 % starts at Ⅰ): not shipped. The 229.4-2012
thresholds below were not found in any public source (kept from the first version, marked unverified).

2025 chemicals (secondary, two independent public code bases): ``G = W_D × W_B × W_L``; W_D by the
GBZ/T 230 hazard degree (轻度 1, 中度 2, 高度 4, 极度 8); ``B`` = the largest of C_TWA/PC-TWA,
C_STE/PC-STEL, C_ME/MAC (peak over 3 × PC-TWA when only PC-TWA exists); ``W_B = 0`` if B ≤ 0.5 else B;
W_L by work intensity (Ⅰ 1.0, Ⅱ 1.5, Ⅲ 2.0, Ⅳ 2.5); class 0 (G = 0), Ⅰ (≤ 6), Ⅱ (≤ 24), Ⅲ (> 24);
B > 1 forces at least Ⅱ.

2025 dust (secondary, one code base, low confidence): ``G = W_M × W_B × W_L``; W_M by free SiO₂
(< 10 % → 1, 10–50 % → 2, 50–80 % → 3, > 80 % → 4; band ends assumed like 表2 of GBZ 2.1);
classes 0 (G = 0), Ⅱ 轻度 (≤ 6), Ⅲ 中度 (≤ 16), Ⅳ 高度 (> 16); the source's Ⅰ (行动水平) cannot occur with
these weights and is not produced.

229.4-2012 noise (recalled, **not found in any public source**): by L_EX,8h — < 85 not graded,
85 ≤ L < 90 Ⅰ 轻度危害, 90 ≤ L < 94 Ⅱ 中度危害, 94 ≤ L < 100 Ⅲ 重度危害, ≥ 100 Ⅳ 极重危害.

>>> g = chemical_grade(ratio=1.2, hazard_degree="high", intensity="II")
>>> g.grade.name, round(g.value, 2), g.edition
('II', 7.2, 'GBZ/T 229.2-2025')
>>> noise_grade(92.0).grade.name
'II'
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import attrs

from ohsreg.assess._base import (
    Assessment,
    AssessmentError,
    RomanClass,
    Verdict,
    date_option,
    msg,
    number,
    text_option,
)
from ohsreg.assess.heat import _intensity
from ohsreg.errors import EditionError, OhsregError
from ohsreg.instruments import lookup as _instrument
from ohsreg.vocab import WorkIntensity

__all__ = [
    "EDITIONS",
    "Grade",
    "GradingAssessment",
    "chemical_grade",
    "dust_grade",
    "noise_grade",
]


class Grade(RomanClass):
    """Work grade 0–Ⅳ (the meaning of each grade depends on the part and edition)."""

    ZERO = "0"
    I = "I"  # noqa: E741
    II = "II"
    III = "III"
    IV = "IV"


@attrs.frozen
class _Edition:
    name: str
    in_force: dt.date | None
    """From :mod:`ohsreg.instruments` (``None``: the day is unknown, see its ``in_force_window``)."""
    implemented: bool
    verified: bool
    """Whether the grading formula is verified against the standard's text."""

    def applies_on(self, as_of: dt.date) -> bool:
        """In force on ``as_of`` (``instruments.date_unverified`` inside an unknown-day window)."""
        return _instrument(self.name).applies_on(as_of)


def _ed(name: str, implemented: bool) -> _Edition:
    return _Edition(name, _instrument(name).in_force, implemented, False)


EDITIONS: dict[str, tuple[_Edition, ...]] = {
    "229.1": (_ed("GBZ/T 229.1-2010", False), _ed("GBZ/T 229.1-2025", True)),
    "229.2": (_ed("GBZ/T 229.2-2010", False), _ed("GBZ/T 229.2-2025", True)),
    "229.4": (_ed("GBZ/T 229.4-2012", True),),
}
"""The editions of each part of GBZ/T 229 (dates from :mod:`ohsreg.instruments`)."""


def _edition(part: str, edition: str | None, as_of: dt.date | None) -> _Edition:
    eds = EDITIONS[part]
    date_option(as_of)
    if edition is not None:
        text_option(edition, "edition")
        found = next((e for e in eds if e.name.replace(" ", "") == edition.replace(" ", "")), None)
        if found is None:
            raise EditionError(
                "unknown edition {edition!r} of GBZ/T {part}",
                rule="assess.edition",
                field="edition",
                hint="use one of {known}",
                edition=edition,
                part=part,
                known=", ".join(e.name for e in eds),
            )
    elif as_of is not None:
        in_force = [e for e in eds if e.applies_on(as_of)]
        if not in_force:
            raise EditionError(
                "no edition of GBZ/T {part} was in force on {date}",
                rule="assess.edition",
                field="as_of",
                part=part,
                date=as_of.isoformat(),
            )
        found = in_force[-1]
    else:
        found = eds[-1]
    if not found.implemented:
        raise _not_implemented(part, found, as_of)
    return found


def _not_implemented(part: str, found: _Edition, as_of: dt.date | None) -> EditionError:
    """``assess.edition_unverified`` saying which edition applies and the nearest path ohsreg offers.

    ``params``: ``applies`` (the edition in force), ``applies_from``/``applies_until``, ``nearest``
    (the edition ohsreg implements) and ``nearest_verified`` (whether that one is verified).
    """
    eds = EDITIONS[part]
    later = next(
        (e for e in eds if e.implemented and (e.in_force or dt.date.max) > (found.in_force or dt.date.min)),
        None,
    )
    until = None if later is None or later.in_force is None else later.in_force - dt.timedelta(days=1)
    nearest = "" if later is None else later.name
    return EditionError(
        "on {date}, {edition} applies (in force {start} to {until}); its grading formula could not be verified, so ohsreg does not grade by it"
        if as_of is not None
        else "{edition} (in force {start} to {until}): its grading formula could not be verified, so ohsreg does not grade by it",
        rule="assess.edition_unverified",
        field="as_of" if as_of is not None else "edition",
        hint=(
            "nearest path: grade by the later rule knowingly with edition={nearest!r} (implemented from secondary sources, "
            "unverified; the result names that edition), or judge the exposure against its limit alone (ohsreg.assess.twa)"
        )
        if later is not None
        else "judge the exposure against its limit alone (ohsreg.assess.twa)",
        date=None if as_of is None else as_of.isoformat(),
        edition=found.name,
        start="?" if found.in_force is None else found.in_force.isoformat(),
        until="?" if until is None else until.isoformat(),
        applies=found.name,
        applies_from=None if found.in_force is None else found.in_force.isoformat(),
        applies_until=None if until is None else until.isoformat(),
        nearest=nearest,
        nearest_verified=bool(later is not None and later.verified),
    )


@attrs.frozen(kw_only=True)
class GradingAssessment(Assessment):
    """Result of a grading: ``value`` is the index G (or the level graded), ``grade`` the class."""

    grade: Grade = Grade.ZERO
    weights: tuple[tuple[str, float], ...] = ()


_W_D = {
    "mild": 1.0,
    "moderate": 2.0,
    "high": 4.0,
    "extreme": 8.0,
    "轻度": 1.0,
    "中度": 2.0,
    "高度": 4.0,
    "极度": 8.0,
}
_W_L = {WorkIntensity.I: 1.0, WorkIntensity.II: 1.5, WorkIntensity.III: 2.0, WorkIntensity.IV: 2.5}


def _w_b(ratio: float) -> float:
    return 0.0 if ratio <= 0.5 else ratio


def _hazard_weight(degree: Any) -> float:
    key = getattr(degree, "zh", None) or getattr(degree, "code", None) or str(degree)
    key = str(key).lower().removesuffix("危害")
    if key not in _W_D:
        raise AssessmentError(
            "unknown hazard degree {value!r}",
            rule="assess.value",
            field="hazard_degree",
            hint="use mild, moderate, high or extreme (轻度/中度/高度/极度)",
            value=degree,
        )
    return _W_D[key]


def chemical_grade(
    *,
    ratio: float,
    hazard_degree: Any,
    intensity: Any,
    edition: str | None = None,
    as_of: dt.date | None = None,
) -> GradingAssessment:
    """Grade chemical work by GBZ/T 229.2 (2025 edition; unverified).

    ``ratio`` is B, the largest of C_TWA/PC-TWA, C_STE/PC-STEL, C_ME/MAC (use
    :attr:`Assessment.ratio`); ``hazard_degree`` the GBZ/T 230 degree; ``intensity`` 体力劳动强度.
    """
    ed = _edition("229.2", edition, as_of)
    b = number(ratio, "1", "ratio")
    wd = _hazard_weight(hazard_degree)
    wb = _w_b(b)
    wl = _W_L[_intensity(intensity)]
    g = wd * wb * wl
    grade = Grade.ZERO if g == 0 else Grade.I if g <= 6 else Grade.II if g <= 24 else Grade.III
    if b > 1 and grade in (Grade.ZERO, Grade.I):
        grade = Grade.II
    return _result(ed, "G", g, grade, (("W_D", wd), ("W_B", wb), ("W_L", wl)), exceeds=b > 1)


def dust_grade(
    *,
    ratio: float,
    sio2_percent: float,
    intensity: Any,
    edition: str | None = None,
    as_of: dt.date | None = None,
) -> GradingAssessment:
    """Grade dust work by GBZ/T 229.1 (2025 edition; unverified, low confidence — see module)."""
    ed = _edition("229.1", edition, as_of)
    b = number(ratio, "1", "ratio")
    pct = number(sio2_percent, "%", "sio2_percent")
    wm = 1.0 if pct < 10 else 2.0 if pct <= 50 else 3.0 if pct <= 80 else 4.0
    wb = _w_b(b)
    wl = _W_L[_intensity(intensity)]
    g = wm * wb * wl
    grade = Grade.ZERO if g == 0 else Grade.II if g <= 6 else Grade.III if g <= 16 else Grade.IV
    return _result(ed, "G", g, grade, (("W_M", wm), ("W_B", wb), ("W_L", wl)), exceeds=b > 1)


def noise_grade(
    l_ex_8h: Any, *, edition: str | None = None, as_of: dt.date | None = None
) -> GradingAssessment:
    """Grade noise work by L_EX,8h (GBZ/T 229.4-2012; thresholds recalled, **unverified**).

    Accepts a number in dB(A), an A-weighted sound level (``"92 dB(A)"``, a
    :class:`~ohsreg.units.SoundLevel`) or a noise :class:`Assessment`.
    """
    ed = _edition("229.4", edition, as_of)
    level = l_ex_8h.value if isinstance(l_ex_8h, Assessment) else l_ex_8h
    lv = number(_a_weighted(level, "l_ex_8h"), "dB(A)", "l_ex_8h")
    grade = (
        Grade.ZERO
        if lv < 85
        else Grade.I
        if lv < 90
        else Grade.II
        if lv < 94
        else Grade.III
        if lv < 100
        else Grade.IV
    )
    return _result(ed, "L_EX,8h", lv, grade, (), exceeds=lv > 85, unit="dB(A)")


def _a_weighted(value: Any, field: str) -> Any:
    """A sound level given as text or :class:`~ohsreg.units.SoundLevel` as its dB(A) number; others as given."""
    if not isinstance(value, str) and not hasattr(value, "weighting"):
        return value
    units = importlib.import_module("ohsreg.units")
    try:
        level = units.parse_sound_level(value, "dB(A)", field=field)
    except OhsregError as exc:
        raise AssessmentError(
            "{where} must be a level in dB (a number), got {value!r}",
            rule="assess.value",
            field=field,
            value=value,
        ) from exc
    if level.weighting != "A" or level.peak:
        raise AssessmentError(
            "{where} must be a {weighting}-weighted level, got {value!r}",
            rule="assess.unit",
            field=field,
            weighting="A",
            value=value,
        )
    return float(level.value)


def _result(
    ed: _Edition,
    quantity: str,
    value: float,
    grade: Grade,
    weights: tuple[tuple[str, float], ...],
    *,
    exceeds: bool,
    unit: str = "1",
) -> GradingAssessment:
    return GradingAssessment(
        quantity=quantity,
        value=value,
        unit=unit,
        limit=None,
        rule_edition=ed.name,
        verdict=Verdict.EXCEEDS if exceeds else Verdict.COMPLIES,
        clause=ed.name,
        verified=ed.verified,
        reasons=(msg("grade {grade}", grade=grade.roman),),
        grade=grade,
        weights=weights,
    )
