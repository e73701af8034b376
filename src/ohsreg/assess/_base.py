"""The one result shape of every assessment, the limit it applied, and input coercion helpers.

Every rule in :mod:`ohsreg.assess` returns an :class:`Assessment` (or a subclass): the computed value in
the unit the standard uses, the :class:`AppliedLimit` it was judged against (with source and edition), a
:class:`~ohsreg.vocab.Verdict`, the clause it applied, whether that clause was verified against the
official text, and :meth:`Assessment.explain` in zh or en.

Limits are accepted as plain numbers (in the standard's unit), as an :class:`AppliedLimit`, or as any
object exposing the needed attributes (:class:`ChemicalLimitLike`: ``pc_twa``, ``pc_stel``, ``mac``,
``edition``, ``source``) — so a catalogue limit plugs in without this package importing the catalogue.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from ohsreg._message import Message
from ohsreg._message import msg as msg  # the assess rules build their reasons with it
from ohsreg.errors import OhsregError
from ohsreg.instruments import CitesClause
from ohsreg.vocab import Verdict

__all__ = [
    "AppliedLimit",
    "Assessment",
    "AssessmentError",
    "ChemicalLimitLike",
    "Message",
    "Verdict",
]


class AssessmentError(OhsregError):
    """Bad input to an assessment rule; ``params["where"]`` repeats the field for the message templates."""

    default_rule = "assess.value"

    def __init__(
        self,
        template: str,
        *,
        rule: str | None = None,
        field: str | None = None,
        hint: str | None = None,
        **params: Any,
    ) -> None:
        params.setdefault("where", field)
        super().__init__(template, rule=rule, field=field, hint=hint, **params)


#: The unit of GBZ 2.1 airborne concentrations.
MG_M3 = "mg/m³"
#: Volume-ratio units a concentration may come in; converting them needs the substance's molar mass.
_VOLUME_RATIOS = frozenset({"ppm", "ppb", "ppmv", "ppbv"})


@attrs.frozen(kw_only=True)
class AppliedLimit:
    """A limit value as applied by a rule: kind, value, unit and where it comes from.

    >>> AppliedLimit(kind="PC-TWA", value=3.0, unit="mg/m³", source="GBZ 2.1-2019 表1", edition="GBZ 2.1-2019")
    AppliedLimit(kind='PC-TWA', value=3.0, unit='mg/m³', source='GBZ 2.1-2019 表1', edition='GBZ 2.1-2019', verified=True)
    """

    kind: str
    value: float
    unit: str
    source: str | None = None
    edition: str | None = None
    verified: bool = True


@runtime_checkable
class ChemicalLimitLike(Protocol):
    """What :mod:`ohsreg.assess` needs from a catalogue limit (structural; no import of the catalogue).

    Attributes ``pc_twa``, ``pc_stel`` and ``mac`` (dust: ``pc_twa_total``, ``pc_twa_respirable``) are
    read with :func:`getattr` and may be absent or ``None``; each value is a number in mg/m³ or a
    quantity with ``m_as(unit)``. Provenance is read from ``source`` (a string, or an object with
    ``cite()`` and ``edition``), ``edition`` and ``verified`` when present.
    """

    @property
    def edition(self) -> str | None:
        """The edition of the standard the limit comes from (e.g. ``"GBZ 2.1-2019"``), if known."""
        ...


@attrs.frozen(kw_only=True)
class Assessment(CitesClause):
    """Base of every result: value, limit, verdict, clause, verification and explanation.

    Attributes:
        quantity: what was computed, e.g. ``"C_TWA"``, ``"L_EX,8h"``.
        value: the computed number, always a plain ``float`` in ``unit`` (never ``None``: a rule that
            cannot compute raises :class:`AssessmentError`; one that cannot judge still reports the
            number it has, with ``INSUFFICIENT_DATA`` or ``NOT_APPLICABLE``); :meth:`to_quantity`
            returns it with its unit attached.
        unit: the unit the standard uses for this quantity and its limit (``limit.unit`` is the same),
            e.g. ``"mg/m³"``, ``"dB(A)"``, ``"℃"``, ``"1"`` for ratios and grades.
        limit: the limit applied, or ``None`` when there was none to apply.
        verdict: complies / exceeds / not applicable / insufficient data.
        clause: standard, edition and clause of the rule applied.
        verified: ``False`` when the rule could not be checked against the official text (see docstrings).
        reasons: why the verdict is what it is (translatable sentences).
        rule_edition: the edition of the rule applied, for rules modelled by edition (GBZ/T 229).
    """

    quantity: str
    value: float = attrs.field(converter=float)
    unit: str
    limit: AppliedLimit | None
    verdict: Verdict
    clause: str
    verified: bool = True
    reasons: tuple[Message, ...] = ()
    rule_edition: str | None = None

    def __attrs_post_init__(self) -> None:
        # Finite inputs can still overflow (1e308 mg/m³ × 8 h): an infinite result is refused, never
        # reported as a value that "exceeds".
        if self.value is not None and not math.isfinite(self.value):
            raise AssessmentError(
                "{quantity} cannot be computed: the result overflows ({value})",
                rule="assess.overflow",
                field="value",
                hint="check the units and magnitude of the input",
                quantity=self.quantity,
                value=self.value,
            )

    @property
    def edition(self) -> str | None:
        """The edition that answered: of the rule when it has editions, else of the limit applied."""
        if self.rule_edition is not None:
            return self.rule_edition
        return None if self.limit is None else self.limit.edition

    @property
    def ratio(self) -> float | None:
        """``value / limit`` when there is a limit (for concentrations: the multiple of the limit)."""
        if self.limit is None or self.limit.value == 0:
            return None
        return self.value / self.limit.value

    def to_quantity(self) -> Any:
        """``value`` as a :class:`ohsreg.units.Quantity` (or a :class:`~ohsreg.units.SoundLevel` for dB).

        Use it to convert (``r.to_quantity().m_as("ug/m3")``) or to pass the result on where a typed
        value is expected; ``value`` itself stays a float in ``unit``.

        >>> from ohsreg.assess import twa
        >>> twa([(2.0, 8.0)], limit=3.0).to_quantity()
        Quantity(2.0, 'mg/m³')
        """
        units = importlib.import_module("ohsreg.units")
        if self.unit.startswith("dB"):
            return units.SoundLevel(self.value, "A" if self.unit == "dB(A)" else "Z", peak=self.unit == "dB")
        return units.Quantity(self.value, self.unit)

    def _repr_html_(self) -> str:
        """Notebook display: the result as a table row with the verdict highlighted."""
        from ohsreg._display import assessment_html

        return assessment_html(self)

    def explain(self, locale: str | None = None) -> str:
        """One readable paragraph: the number, the limit and its source, the verdict and the clause."""
        parts = [self._headline().render(locale)]
        parts.extend(r.render(locale) for r in self.reasons)
        limit_unverified = self.limit is not None and not self.limit.verified
        if limit_unverified:
            parts.append(msg("Limit value not verified against the official text.").render(locale))
        if not self.verified and not limit_unverified:
            parts.append(msg("Rule not verified against the official text.").render(locale))
        sep = "；" if _is_zh(locale) else "; "
        return sep.join(parts) + f" [{self.clause}]"

    def _headline(self) -> Message:
        value = _fmt(self.value)
        unit = _unit_text(self.unit)
        if self.limit is None:
            return msg(
                "{quantity} = {value}{unit}: {verdict}",
                quantity=self.quantity,
                value=value,
                unit=unit,
                verdict=self.verdict,
            )
        return msg(
            "{quantity} = {value}{unit}, {kind} {limit}{limit_unit} ({source}): {verdict}",
            quantity=self.quantity,
            value=value,
            unit=unit,
            kind=self.limit.kind,
            limit=_fmt(self.limit.value),
            limit_unit=_unit_text(self.limit.unit),
            source=self.limit.source or msg("explicit limit"),
            verdict=self.verdict,
        )


def at_most(value: float, applied: AppliedLimit | None) -> Verdict:
    """The verdict against an upper limit: ``value ≤ limit`` complies, above it exceeds.

    ``NOT_APPLICABLE`` without a limit. Every rule of :mod:`ohsreg.assess` that compares with one limit
    value (C_TWA, C_STE, WBGT, L_EX,8h, L_EX,W, impulse peaks) reads a value exactly at the limit as
    complying; the rule's own docstring cites its clause.
    """
    if applied is None:
        return Verdict.NOT_APPLICABLE
    return Verdict.COMPLIES if value <= applied.value else Verdict.EXCEEDS


class RomanClass(enum.Enum):
    """Base of the five-step classes 0–Ⅳ (exposure level, work grade): adds the printed numeral."""

    @property
    def roman(self) -> str:
        """The class as printed in the standards (0, Ⅰ, Ⅱ, Ⅲ, Ⅳ)."""
        return _ROMAN[self.value]


_ROMAN = {"0": "0", "I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ"}


def _unit_text(unit: str) -> str:
    return "" if unit == "1" else f" {unit}"


def _is_zh(locale: str | None) -> bool:
    from ohsreg.i18n import normalize_locale

    return normalize_locale(locale) == "zh_CN"


def _fmt(x: float) -> str:
    return f"{x:.4g}"


# ---- input coercion -------------------------------------------------------------------------------


def number(value: Any, unit: str, field: str, *, allow_zero: bool = True) -> float:
    """``value`` as a finite non-negative float in ``unit``; strings and quantities are converted.

    Raises OhsregError (``assess.value``) for NaN, infinity, negatives; ``assess.unit`` for a unit that
    does not convert to ``unit`` (e.g. dB where mg/m³ is expected).
    """
    x = _to_float(value, unit, field)
    if not math.isfinite(x) or x < 0 or (not allow_zero and x == 0):
        raise AssessmentError(
            "{where} must be a finite positive number, got {value!r}"
            if not allow_zero
            else "{where} must be a finite non-negative number, got {value!r}",
            rule="assess.value",
            field=field,
            hint="check the measurement; missing values are not zero",
            value=value,
        )
    return x


def finite(result: float, field: str) -> float:
    """``result`` when finite; finite inputs whose quotient or product leaves the float range (a mass
    over a volume of 1e-311 L) raise ``assess.value`` naming ``field`` instead of returning infinity."""
    if not math.isfinite(result):
        raise AssessmentError(
            "{where}: the result ({value!r}) is outside the float range; check the inputs",
            rule="assess.value",
            field=field,
            value=result,
        )
    return result


def _to_float(value: Any, unit: str, field: str) -> float:
    if isinstance(value, bool):
        raise _type_error(value, unit, field)
    if isinstance(value, int | float):
        return _finite_or_inf(value)
    if isinstance(value, str):
        text = value
        try:
            return float(text)
        except ValueError:
            pass
        try:
            value = importlib.import_module("ohsreg.units").parse_quantity(text, field=field)
        except Exception as exc:  # units' own errors, and anything pint lets through on odd units
            rule = exc.rule if isinstance(exc, OhsregError) else "units.unknown"
            unit_problem = rule in ("units.unknown", "units.dimension", "units.unit_missing")
            raise AssessmentError(
                "{where}: {value!r} is not a quantity in {unit}",
                rule="assess.unit" if unit_problem else "assess.value",
                field=field,
                hint="give a number in {unit} or a string such as '1.5 {unit}'",
                value=text,
                unit=unit,
            ) from exc
    m_as = getattr(value, "m_as", None)
    if callable(m_as):
        try:
            return float(m_as(unit))
        except OhsregError as exc:
            given = str(getattr(value, "unit", ""))
            if unit == MG_M3 and given.lower() in _VOLUME_RATIOS:
                raise AssessmentError(
                    "{where} is in {given} (a volume ratio); GBZ 2.1 limits are in mg/m³ and the catalogue has no molar masses to convert",
                    rule="assess.unit_ppm",
                    field=field,
                    hint="convert first: ohsreg.units.ppm_to_mg_m3(value, molar_mass=M) (20 ℃, 101.3 kPa by default), then pass mg/m³",
                    given=given,
                ) from exc
            raise AssessmentError(
                "{where} has unit {given!r}, which does not convert to {unit}",
                rule="assess.unit",
                field=field,
                given=getattr(value, "unit", "?"),
                unit=unit,
            ) from exc
    raise _type_error(value, unit, field)


def _finite_or_inf(value: int | float) -> float:
    """``float(value)``, with an int too large for a float mapped to infinity (rejected as not finite)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def iterate(value: Any, field: str) -> list[Any]:
    """``value`` as a list, or ``assess.value`` naming ``field`` when it is not a list-like of items."""
    if isinstance(value, str | bytes | bytearray | Mapping):
        raise AssessmentError(
            "{where}: expected a list, got {value!r}", rule="assess.value", field=field, value=value
        )
    try:
        return list(value)
    except TypeError:
        raise AssessmentError(
            "{where}: expected a list, got {value!r}", rule="assess.value", field=field, value=value
        ) from None


def text_option(value: Any, field: str) -> str:
    """``value`` when it is a string, else ``assess.value`` naming ``field`` (no silent ``str()``)."""
    if not isinstance(value, str):
        raise AssessmentError(
            "{where} must be a string, got {value!r}", rule="assess.value", field=field, value=value
        )
    return value


def date_option(value: Any, field: str = "as_of") -> None:
    """``assess.value`` naming ``field`` unless ``value`` is ``None`` or a date (a datetime is not a date)."""
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise AssessmentError(
            "{where} must be a date, got {value!r}", rule="assess.value", field=field, value=value
        )


def _type_error(value: Any, unit: str, field: str) -> OhsregError:
    return AssessmentError(
        "{where}: expected a number in {unit} or a quantity, got {value!r}",
        rule="assess.value",
        field=field,
        value=value,
        unit=unit,
    )


def check_fraction(x: float, field: str) -> float:
    """``x`` unchanged when it is at most 1 (100 %); else ``assess.value`` naming ``field``."""
    if x > 1:
        raise AssessmentError(
            "{where} must be at most 1 (100 %), got {value}",
            rule="assess.value",
            field=field,
            value=x,
        )
    return x


def resolve_limit(
    limit: Any,
    kind: str,
    attr: str,
    unit: str,
    *,
    hazard: Any = None,
    edition: str | None = None,
    as_of: dt.date | None = None,
    required: bool = True,
    condition: str | None = None,
) -> AppliedLimit | None:
    """The :class:`AppliedLimit` of ``kind`` from an explicit number, a limit object or a catalogue hazard.

    ``attr`` is the attribute read from a limit object (``pc_twa``, ``pc_stel``, ``mac``). When the
    object has no such value, returns ``None`` (callers decide between not applicable and an error).
    ``condition`` picks one row of a catalogue entry with sub-conditions (CO by altitude, lead
    dust/fume): any part of the row's ``sub_condition`` (``"非高原"``, ``">3000"``, ``"铅烟"``).
    """
    if limit is None and hazard is not None:
        limit = limit_object(hazard, attr, edition=edition, as_of=as_of, condition=condition)
    if limit is None:
        if required:
            raise AssessmentError(
                "no {kind} limit given",
                rule="assess.limit_missing",
                field="limit",
                hint="pass limit= (a number in {unit} or a catalogue limit) or hazard=",
                kind=kind,
                unit=unit,
            )
        return None
    if isinstance(limit, AppliedLimit):
        return limit
    if isinstance(limit, int | float | str) and not isinstance(limit, bool):
        return AppliedLimit(kind=kind, value=number(limit, unit, "limit", allow_zero=False), unit=unit)
    if hasattr(limit, "m_as") and not hasattr(limit, attr):
        return AppliedLimit(kind=kind, value=number(limit, unit, "limit", allow_zero=False), unit=unit)
    outer_edition = getattr(limit, "edition", None)
    if not hasattr(limit, attr):  # a catalogue limit set answering for one dust: use its only row
        rows = getattr(limit, "dust_rows", None)
        if isinstance(rows, tuple) and len(rows) == 1:
            limit = rows[0]
    raw = getattr(limit, attr, None)
    if raw is None:
        return None
    source, edition_of = _provenance(limit)
    edition_of = edition_of or (None if outer_edition is None else str(outer_edition))
    verified = getattr(limit, "verified", True)
    return AppliedLimit(
        kind=kind,
        value=number(raw, unit, f"limit.{attr}", allow_zero=False),
        unit=unit,
        source=source,
        edition=edition_of,
        verified=bool(verified),
    )


def _provenance(obj: Any) -> tuple[str | None, str | None]:
    """Citation and edition of a limit object: its ``source`` (``cite()`` if it has one) and ``edition``.

    A catalogue limit set with exactly one row borrows that row's source.
    """
    src = getattr(obj, "source", None)
    if src is None:
        rows = getattr(obj, "rows", None)
        if isinstance(rows, tuple) and len(rows) == 1:
            src = getattr(rows[0], "source", None)
    edition = getattr(obj, "edition", None) or getattr(src, "edition", None)
    cite = getattr(src, "cite", None)
    text = cite() if callable(cite) else (None if src is None else str(src))
    return (None if text is None else str(text)), (None if edition is None else str(edition))


def limit_object(
    hazard: Any,
    attr: str,
    *,
    edition: str | None = None,
    as_of: dt.date | None = None,
    condition: str | None = None,
) -> Any:
    """The catalogue limit object answering for ``hazard`` (one row when ``condition`` is given).

    ``hazard`` is what :func:`ohsreg.catalogue.limits_for` accepts (a name, alias, CAS or
    :class:`~ohsreg.catalogue.HazardFactor`) or an already looked-up limit set. Raises
    ``assess.limit_conditions`` when the entry has several rows with sub-conditions and ``condition``
    does not pick one.
    """
    if hasattr(hazard, "dust_rows") and hasattr(hazard, "rows"):
        found = hazard  # a catalogue LimitSet already
    else:
        try:
            # lazy: assess never imports the catalogue at import time (and does not depend on its types)
            limits_for = importlib.import_module("ohsreg.catalogue").limits_for
        except ImportError as exc:
            raise AssessmentError(
                "the catalogue is not available to look up limits for {hazard!r}",
                rule="assess.catalogue_unavailable",
                field="hazard",
                hint="pass limit= explicitly",
                hazard=str(hazard),
            ) from exc
        found = limits_for(hazard, edition=edition, as_of=as_of)
    if condition is not None:
        return _select(found, condition)
    candidates = found if isinstance(found, Sequence) and not isinstance(found, str) else [found]
    for cand in candidates:
        try:
            if getattr(cand, attr, None) is not None:
                return cand
        except OhsregError as exc:
            if exc.rule != "catalogue.limit_conditions":
                raise
            raise conditions_error(cand, hazard) from exc
    return candidates[0] if candidates else None


def conditions_error(found: Any, hazard: Any) -> AssessmentError:
    """``assess.limit_conditions``: the entry has several rows and the caller did not pick one."""
    rows = (*getattr(found, "rows", ()), *getattr(found, "dust_rows", ()))
    conditions = [str(r.sub_condition) for r in rows if getattr(r, "sub_condition", None)]
    return AssessmentError(
        "{hazard} has limits for several conditions ({conditions}); choose one",
        rule="assess.limit_conditions",
        field="condition",
        hint="pass condition= with part of one of them, e.g. condition={example!r}",
        hazard=getattr(found, "query", str(hazard)),
        conditions=", ".join(conditions),
        example=conditions[0] if conditions else "",
    )


def _select(found: Any, condition: str) -> Any:
    """The row of a limit set whose sub-condition contains ``condition`` (ASCII ``<``/``>`` accepted)."""
    select = getattr(found, "select", None)
    if not callable(select):
        raise AssessmentError(
            "condition= needs a catalogue limit set, got {value!r}",
            rule="assess.value",
            field="condition",
            value=found,
        )
    condition = text_option(condition, "condition")
    wide = condition.replace(">", "＞").replace("<", "＜").replace("~", "～")
    for text in dict.fromkeys((condition, wide, condition.replace("~", "～"), wide.replace("～", "~"))):
        try:
            return select(text)
        except OhsregError:
            continue
    return select(condition)  # raises the catalogue's own error, which lists the conditions


def params_of(mapping: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The items of ``mapping`` as the hashable tuple :class:`Message` stores."""
    return tuple(mapping.items())


def cited_in(clause: str, edition: str | None) -> str:
    """``clause`` (a GBZ 2.1-2019 rule: PC-TWA, PC-STEL, MAC) cited in the edition whose limit was applied.

    Dates 2007-11-01..2020-03-31 are judged by GBZ 2.1-2007, whose 表1 has the same three limit types, so
    the citation names 2007; the long-shift factor (A.7.3) is the 2019 method and keeps its 2019 citation.

    >>> cited_in("GBZ 2.1-2019, MAC", "GBZ 2.1-2007")
    'GBZ 2.1-2007, MAC'
    >>> cited_in("GBZ 2.1-2019, PC-TWA (8 h working day); A.7.3 (reduction factor)", "GBZ 2.1-2007")
    'GBZ 2.1-2007, PC-TWA (8 h working day); GBZ 2.1-2019 A.7.3 (reduction factor)'
    >>> cited_in("GBZ 2.1-2019, MAC", "GBZ 2.1-2019+XG1")
    'GBZ 2.1-2019, MAC'
    """
    if edition != "GBZ 2.1-2007" or not clause.startswith("GBZ 2.1-2019, "):
        return clause
    text = "GBZ 2.1-2007, " + clause.removeprefix("GBZ 2.1-2019, ")
    return text.replace("; A.7.3", "; GBZ 2.1-2019 A.7.3")
