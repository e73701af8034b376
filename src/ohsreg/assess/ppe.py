"""Protection by personal protective equipment: respirators by hazard ratio, the level under a hearing
protector.

Respirators (GB/T 18664-2002 《呼吸防护用品的选择、使用与维护》): the **hazard ratio** (危害因数) is the
airborne concentration divided by the occupational exposure limit; with several contaminants the largest
ratio counts; equipment suits when its **assigned protection factor** (APF, 表1) is greater than the ratio
(public copies quoting 4.2; sub-clause numbers not verified). An unknown atmosphere, oxygen deficiency or
a concentration unknown or at/above IDLH makes the atmosphere IDLH, where selection by APF does not apply.
APFs come from :mod:`ohsreg.catalogue.ppe`; only two rows of 表1 are shipped (自吸过滤式 half mask 10,
verified; full facepiece 100, one source): for the other classes results say the APF is not shipped.

Hearing protectors (GB/T 23466-2009 《护听器的选择指南》): the protected A-weighted level L'A by the SNR
method, ``L'A = L_C − SNR``, or the HML method, ``L'A = L_A − PNR`` with
``PNR = M − (H − M)/4 · (L_C − L_A − 2)`` when ``L_C − L_A ≤ 2`` dB and
``PNR = M − (M − L)/8 · (L_C − L_A − 2)`` above (the methods of ISO 4869-2; constants from the package data
with their evidence). **No derating** is applied: none was found for GB/T 23466-2009 (one description of
its SNR method applies ``L_C − SNR`` as is); pass ``derating=`` (dB taken off the rating) for a local
policy, and the result records it. Because the standard's own text was not reached, hearing results are
``verified=False``. L'A is judged against the GBZ 2.2-2007 limit of 85 dB(A) (11.2.1, verified); the best
range 75–80 dB(A) after protection (one secondary source) is reported as ``in_best_range``, informative.

>>> r = respirator_protection(24.0, limit=3.0, respirator_class="自吸过滤式", facepiece="半面罩")
>>> r.value, r.limit.value, r.verdict.name
(8.0, 10.0, 'COMPLIES')
>>> respirator_protection(24.0, limit=3.0, respirator_class="供气式", facepiece="全面罩",
...                       pressure="正压式").verdict.name
'INSUFFICIENT_DATA'
>>> s = select_respirators((12.0, 1.0))
>>> [e.name_zh for e in s.suitable], [e.name_zh for e in s.insufficient]
(['自吸过滤式 全面罩（负压式）'], ['自吸过滤式 半面罩（负压式）'])
>>> h = hearing_protection(l_c=100.0, snr=25.0)
>>> h.value, h.verdict.name, h.in_best_range
(75.0, 'COMPLIES', True)
>>> round(hearing_protection(l_a=98.0, l_c=101.0, h=32.0, m=29.0, l=27.0).value, 2)
69.25
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ohsreg.assess._base import (
    AppliedLimit,
    Assessment,
    AssessmentError,
    Message,
    Verdict,
    at_most,
    finite,
    msg,
    number,
    resolve_limit,
)
from ohsreg.errors import OhsregError
from ohsreg.instruments import cite

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "HEARING_LIMIT_CLAUSE",
    "RESPIRATOR_CLAUSE",
    "HearingProtectionAssessment",
    "RespiratorAssessment",
    "RespiratorSelection",
    "hazard_ratio",
    "hearing_protection",
    "oel_for",
    "respirator_protection",
    "select_respirators",
]

RESPIRATOR_EDITION = "GB/T 18664-2002"  # ids in ohsreg.instruments (dates, citations)
RESPIRATOR_CLAUSE = cite(RESPIRATOR_EDITION, "4.2、表1", note="危害因数与 APF；款号未核实")
"""What respirator results cite: GB/T 18664-2002 4.2 (hazard ratio, APF) and 表1 (the APFs)."""
HEARING_EDITION = "GB/T 23466-2009"
HEARING_LIMIT_CLAUSE = cite("GBZ 2.2-2007", "11.2.1")
"""The 85 dB(A) limit a protected level is judged against (GBZ 2.2-2007 11.2.1, verified)."""
_MG_M3 = "mg/m³"
_DB = "dB"


class APFRow(Protocol):
    """What this module reads from a GB/T 18664-2002 表1 row (:class:`ohsreg.catalogue.ppe.APFEntry`)."""

    @property
    def name_zh(self) -> str:
        """The row's class and facepiece, as the table names them."""
        ...

    @property
    def apf(self) -> float:
        """The assigned protection factor."""
        ...

    @property
    def verified(self) -> bool:
        """Whether the value is verified."""
        ...

    def cite(self) -> str:
        """Standard, table and row."""
        ...


class MissingRow(Protocol):
    """A class whose APFs are not shipped (:class:`ohsreg.catalogue.ppe.APFNotShipped`)."""

    @property
    def name_zh(self) -> str:
        """The class, as the standard names it."""
        ...


def _catalogue() -> Any:
    """``ohsreg.catalogue.ppe``, imported on first use (assess does not import the catalogue statically)."""
    return importlib.import_module("ohsreg.catalogue.ppe")


# ------------------------------------------------------------------------------------------ respirators
def hazard_ratio(
    concentration: Any,
    *,
    limit: Any = None,
    hazard: Any = None,
    as_of: dt.date | None = None,
    unit: str = _MG_M3,
) -> float:
    """危害因数: ``concentration / limit`` (GB/T 18664-2002 4.2).

    ``limit`` is the OEL (a number in ``unit``, an :class:`AppliedLimit` or a catalogue limit, PC-TWA
    read), or give ``hazard=`` (and ``as_of``) to take the catalogue's PC-TWA.

    >>> hazard_ratio("9 mg/m3", limit=3.0)
    3.0
    """
    return _ratio(concentration, limit, hazard, as_of, unit)[0]


def oel_for(
    limit: Any = None, *, hazard: Any = None, as_of: dt.date | None = None, unit: str = _MG_M3
) -> AppliedLimit:
    """The exposure limit a hazard ratio divides by: ``limit`` as given, else the catalogue's PC-TWA of
    ``hazard`` on ``as_of`` (its MAC for an entry with a ceiling only). Resolve it once to judge many
    measurements of one hazard (``assess.limit_missing`` when there is none).

    >>> oel_for(hazard="苯").value
    3.0
    """
    oel = resolve_limit(limit, "OEL", "pc_twa", unit, hazard=hazard, as_of=as_of)
    if oel is None:  # a catalogue entry without PC-TWA (MAC only): the ceiling is the standard's limit
        oel = resolve_limit(limit, "MAC", "mac", unit, hazard=hazard, as_of=as_of)
    if oel is None:
        raise AssessmentError(
            "no exposure limit to divide {where} by",
            rule="assess.limit_missing",
            field="limit",
            hint="pass limit= (a number in {unit})",
            unit=unit,
        )
    return oel


def _ratio(
    concentration: Any, limit: Any, hazard: Any, as_of: dt.date | None, unit: str
) -> tuple[float, AppliedLimit, float]:
    oel = oel_for(limit, hazard=hazard, as_of=as_of, unit=unit)
    c = number(concentration, unit, "concentration")
    return finite(c / oel.value, "limit"), oel, c


@attrs.frozen(kw_only=True)
class RespiratorAssessment(Assessment):
    """Result of :func:`respirator_protection`: the hazard ratio (``value``) against the APF (``limit``)."""

    concentration: float | None = None
    """The concentration divided, in the OEL's unit."""
    oel: AppliedLimit | None = None
    """The exposure limit the ratio is taken against."""
    apf_entry: APFRow | None = None
    """The GB/T 18664-2002 表1 row that gave the APF (``None`` for an explicit ``apf=``)."""


def respirator_protection(
    concentration: Any,
    *,
    respirator_class: Any,
    facepiece: Any,
    pressure: Any = None,
    limit: Any = None,
    hazard: Any = None,
    as_of: dt.date | None = None,
    apf: float | None = None,
    unit: str = _MG_M3,
) -> RespiratorAssessment:
    """Whether a respirator protects against ``concentration``: its APF is greater than the hazard ratio.

    ``EXCEEDS`` means the protection is insufficient (ratio ≥ APF); ``INSUFFICIENT_DATA`` when the
    respirator's APF is not shipped (送风过滤式, 供气式, 携气式: see
    :func:`ohsreg.catalogue.ppe.apf_not_shipped`) and no ``apf=`` is given. An explicit ``apf`` (e.g. from
    the product's own standard) is used as given and cited as such.
    """
    ratio, oel, c = _ratio(concentration, limit, hazard, as_of, unit)
    entry: APFRow | None = _catalogue().apf_for(respirator_class, facepiece, pressure)
    reasons = [_ratio_reason(ratio, c, oel)]
    if apf is not None:
        applied: AppliedLimit | None = AppliedLimit(
            kind="APF", value=number(apf, "1", "apf", allow_zero=False), unit="1"
        )
        entry = None
    elif entry is not None:
        applied = AppliedLimit(
            kind="APF",
            value=entry.apf,
            unit="1",
            source=entry.cite(),
            edition=RESPIRATOR_EDITION,
            verified=entry.verified,
        )
    else:
        applied = None
        reasons.append(
            msg(
                "the APF of {respirator} is not shipped (GB/T 18664-2002 表1 row not found in a public copy)",
                respirator=_respirator_text(respirator_class, facepiece, pressure),
            )
        )
    if applied is None:
        verdict = Verdict.INSUFFICIENT_DATA
    else:
        verdict = Verdict.COMPLIES if ratio < applied.value else Verdict.EXCEEDS
        if verdict is Verdict.EXCEEDS:
            reasons.append(msg("the APF must be greater than the hazard ratio"))
    return RespiratorAssessment(
        quantity="C/OEL",
        value=ratio,
        unit="1",
        limit=applied,
        verdict=verdict,
        clause=RESPIRATOR_CLAUSE,
        verified=oel.verified,
        reasons=tuple(reasons),
        rule_edition=RESPIRATOR_EDITION,
        concentration=c,
        oel=oel,
        apf_entry=entry,
    )


def _ratio_reason(ratio: float, c: float, oel: AppliedLimit) -> Message:
    return msg(
        "hazard ratio {ratio} = {c} {unit} / {kind} {oel} {unit} ({source})",
        ratio=f"{ratio:.4g}",
        c=f"{c:.4g}",
        unit=oel.unit,
        kind=oel.kind,
        oel=f"{oel.value:.4g}",
        source=oel.source or msg("explicit limit"),
    )


def _respirator_text(respirator_class: Any, facepiece: Any, pressure: Any) -> Message:
    from ohsreg.vocab.ppe import Facepiece, PressureMode, RespiratorClass

    parts = [
        RespiratorClass.parse(respirator_class, field="respirator_class"),
        Facepiece.parse(facepiece, field="facepiece"),
    ]
    if pressure is not None:
        parts.append(PressureMode.parse(pressure, field="pressure"))
    return msg("{a} {b}" if len(parts) == 2 else "{a} {b} ({c})", **dict(zip("abc", parts, strict=False)))


@attrs.frozen(kw_only=True)
class RespiratorSelection:
    """Result of :func:`select_respirators`: which shipped 表1 rows suit the hazard ratio, and what is
    not shipped (so not ruled in or out)."""

    hazard_ratio: float | None
    """The largest ratio of the contaminants (``None`` in an IDLH atmosphere)."""
    idlh: bool
    suitable: tuple[APFRow, ...]
    """Shipped rows whose APF is greater than the ratio, lowest APF first."""
    insufficient: tuple[APFRow, ...]
    """Shipped rows whose APF is not greater than the ratio."""
    not_shipped: tuple[MissingRow, ...]
    """Classes whose APFs are not shipped: the selection says nothing about them."""
    clause: str = RESPIRATOR_CLAUSE
    edition: str = RESPIRATOR_EDITION

    def explain(self, locale: str | None = None) -> str:
        """The selection in one paragraph (zh by default)."""
        from ohsreg.assess._base import _is_zh

        sep = "；" if _is_zh(locale) else "; "
        if self.idlh:
            head = msg("IDLH atmosphere: selection by APF does not apply")
        else:
            head = msg(
                "hazard ratio {ratio}: suitable {suitable}; insufficient {insufficient}",
                ratio=f"{self.hazard_ratio:.4g}",
                suitable=", ".join(f"{e.name_zh} (APF {e.apf:g})" for e in self.suitable) or "—",
                insufficient=", ".join(f"{e.name_zh} (APF {e.apf:g})" for e in self.insufficient) or "—",
            )
        parts = [head.render(locale)]
        if self.not_shipped:
            names = "、".join(r.name_zh for r in self.not_shipped)
            parts.append(
                msg("APFs not shipped for {classes}: consult the standard", classes=names).render(locale)
            )
        return sep.join(parts) + f" [{self.clause}]"


def select_respirators(*contaminants: Sequence[Any], idlh: bool = False) -> RespiratorSelection:
    """The shipped respirators of GB/T 18664-2002 表1 whose APF exceeds the hazard ratio.

    Each contaminant is a ``(concentration, limit)`` pair (mg/m³ numbers, quantities or an
    :class:`AppliedLimit`); the largest ratio decides. ``idlh=True`` (unknown atmosphere, oxygen
    deficiency, concentration unknown or at/above IDLH) returns no suitable row: the IDLH rules of 4.2
    are not encoded. :attr:`RespiratorSelection.not_shipped` always lists the classes the table lacks.
    """
    ppe = _catalogue()
    missing = ppe.apf_not_shipped()
    if idlh:
        return RespiratorSelection(
            hazard_ratio=None, idlh=True, suitable=(), insufficient=(), not_shipped=missing
        )
    if not contaminants:
        raise AssessmentError(
            "{where}: give at least one (concentration, limit) pair",
            rule="assess.value",
            field="contaminants",
            hint="e.g. select_respirators((12.0, 3.0))",
        )
    ratios = []
    for i, pair in enumerate(contaminants):
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise AssessmentError(
                "{where} must be a (concentration, limit) pair, got {value!r}",
                rule="assess.value",
                field=f"contaminants[{i}]",
                value=pair,
            )
        ratios.append(_ratio(pair[0], pair[1], None, None, _MG_M3)[0])
    ratio = max(ratios)
    rows: list[APFRow] = sorted(ppe.apf_table, key=lambda e: e.apf)
    return RespiratorSelection(
        hazard_ratio=ratio,
        idlh=False,
        suitable=tuple(e for e in rows if e.apf > ratio),
        insufficient=tuple(e for e in rows if e.apf <= ratio),
        not_shipped=missing,
    )


# ----------------------------------------------------------------------------------- hearing protectors
@attrs.frozen(kw_only=True)
class HearingProtectionAssessment(Assessment):
    """Result of :func:`hearing_protection`: L'A (``value``, dB(A)) against 85 dB(A)."""

    method: str = "SNR"
    """``"SNR"`` or ``"HML"``."""
    reduction: float | None = None
    """What the protector takes off: ``SNR − derating`` (SNR method) or ``PNR − derating`` (HML)."""
    derating: float = 0.0
    """dB taken off the rating by the caller's policy (0: none found in GB/T 23466-2009)."""
    in_best_range: bool | None = None
    """Whether L'A is in the 75–80 dB(A) best range (informative; one secondary source)."""


def hearing_protection(
    *,
    l_c: Any,
    l_a: Any = None,
    snr: Any = None,
    h: Any = None,
    m: Any = None,
    l: Any = None,  # noqa: E741 - the standard's name of the value
    derating: Any = 0.0,
    limit: Any = None,
) -> HearingProtectionAssessment:
    """The A-weighted level under a hearing protector (GB/T 23466-2009, SNR or HML method).

    SNR method: ``l_c`` (C-weighted level of the noise, dB(C)) and ``snr``. HML method: ``l_a`` and ``l_c``
    and the protector's ``h``, ``m``, ``l`` (the HML method is used when all three are given). Levels are
    dB numbers or sound levels with their weighting (``"99 dB(C)"``, ``"96 dB(A)"``; a wrong weighting
    is ``assess.unit``); ratings are dB numbers; ``limit`` overrides the 85 dB(A) of GBZ 2.2-2007 11.2.1.

    >>> hearing_protection(l_c="99 dB(C)", snr=24).value
    75.0
    """
    hearing_factor = _catalogue().hearing_factor
    lc = _db(l_c, "l_c")
    off = _db(derating, "derating")
    hml = (h, m, l)
    if any(v is not None for v in hml):
        if any(v is None for v in hml) or l_a is None:
            raise AssessmentError(
                "the HML method needs h, m, l and l_a",
                rule="assess.value",
                field="h" if h is None else "m" if m is None else "l" if l is None else "l_a",
                hint="give all of h, m, l and l_a, or snr alone for the SNR method",
            )
        la = _db(l_a, "l_a")
        hv, mv, lv = (_db(v, name) for v, name in zip(hml, "hml", strict=True))
        diff = lc - la
        breakpoint_ = hearing_factor("hml_breakpoint").value
        if diff <= breakpoint_:
            pnr = mv - (hv - mv) / hearing_factor("hml_high_divisor").value * (diff - breakpoint_)
        else:
            pnr = mv - (mv - lv) / hearing_factor("hml_low_divisor").value * (diff - breakpoint_)
        method, reduction, protected = "HML", pnr - off, la - (pnr - off)
        reason = msg(
            "HML method: PNR {pnr} dB at L_C − L_A = {diff} dB; L'A = L_A {la} − {reduction}",
            pnr=f"{pnr:.4g}",
            diff=f"{diff:.4g}",
            la=f"{la:.4g}",
            reduction=f"{pnr - off:.4g}",
        )
    elif snr is not None:
        rating = _db(snr, "snr")
        method, reduction, protected = "SNR", rating - off, lc - (rating - off)
        reason = msg(
            "SNR method: L'A = L_C {lc} − {reduction}", lc=f"{lc:.4g}", reduction=f"{rating - off:.4g}"
        )
    else:
        raise AssessmentError(
            "give snr (SNR method) or h, m, l with l_a (HML method)",
            rule="assess.value",
            field="snr",
            hint="the protector's SNR and H, M, L are on its label (GB/T 23466-2009)",
        )
    reasons = [reason]
    if off:
        reasons.append(msg("derating of {derating} dB applied by the caller", derating=f"{off:g}"))
    applied = _hearing_limit(limit)
    low, high = hearing_factor("target_low").value, hearing_factor("target_high").value
    return HearingProtectionAssessment(
        quantity="L'A",
        value=protected,
        unit="dB(A)",
        limit=applied,
        verdict=at_most(protected, applied),
        clause=f"{cite(HEARING_EDITION, method + ' 法', note='条号未核实')}; {HEARING_LIMIT_CLAUSE}",
        verified=False,
        reasons=tuple(reasons),
        rule_edition=HEARING_EDITION,
        method=method,
        reduction=reduction,
        derating=off,
        in_best_range=low <= protected <= high,
    )


_WEIGHTING = {"l_a": "A", "l_c": "C"}


def _db(value: Any, field: str) -> float:
    """A level or rating in dB: a number, or for ``l_a``/``l_c`` also a sound level (``"99 dB(C)"``, a
    :class:`~ohsreg.units.SoundLevel`) whose weighting must be the field's (``assess.unit`` otherwise)."""
    weighting = _WEIGHTING.get(field)
    if weighting is not None and not isinstance(value, int | float | bool):
        units = importlib.import_module("ohsreg.units")
        try:
            level = units.parse_sound_level(value, f"dB({weighting})", field=field)
        except OhsregError as exc:
            raise AssessmentError(
                "{where} must be a level in dB (a number), got {value!r}",
                rule="assess.value",
                field=field,
                value=value,
            ) from exc
        if level.weighting != weighting or level.peak:
            raise AssessmentError(
                "{where} must be a {weighting}-weighted level, got {value!r}",
                rule="assess.unit",
                field=field,
                weighting=weighting,
                value=value,
            )
        return float(level.value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AssessmentError(
            "{where} must be a level in dB (a number), got {value!r}",
            rule="assess.value",
            field=field,
            value=value,
        )
    try:
        x = float(value)
    except OverflowError:  # an int past the float range
        x = math.inf
    if not math.isfinite(x):
        raise AssessmentError(
            "{where} must be a finite number, got {value!r}", rule="assess.value", field=field, value=value
        )
    return x


def _hearing_limit(limit: Any) -> AppliedLimit:
    if isinstance(limit, AppliedLimit):
        return limit
    if limit is None:
        from ohsreg.assess.noise import _limits  # GBZ 2.2-2007 11.2.1, from the catalogue data

        return AppliedLimit(
            kind="L_EX,8h",
            value=_limits()[0],
            unit="dB(A)",
            source=HEARING_LIMIT_CLAUSE,
            edition="GBZ 2.2-2007",
        )
    return AppliedLimit(kind="L_EX,8h", value=_db(limit, "limit"), unit="dB(A)")
