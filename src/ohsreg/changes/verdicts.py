"""Which existing verdicts and findings change between two dates: the same records judged by the rules
and limits in force on each date.

* an :class:`~ohsreg.models.ExposureRecord` (or an enterprise's posts' exposures) is re-judged: its
  measured value (``result``, e.g. ``"C_TWA = 4.5 mg/m³"``) against the catalogue limit of its hazard in
  force on each date (C_TWA → PC-TWA, C_STE → PC-STEL, C_M → MAC);
* any record with ``check(as_of)`` (:class:`~ohsreg.models.Enterprise`, :class:`~ohsreg.models.PPEUseSurvey`,
  a construction project…) is checked on both dates; a finding present on one date only is a flip.

The worked example: benzene, PC-TWA 6 → 3 mg/m³ and PC-STEL 10 → 6 mg/m³ by amendment No. 1 of GBZ 2.1-2019.

>>> import datetime as dt
>>> from ohsreg.changes import diff
>>> from ohsreg.models import ExposureRecord
>>> rec = ExposureRecord(hazard="苯", measured_on=dt.date(2021, 6, 1), result="C_TWA = 4.5 mg/m³",
...                      verdict="COMPLIES")
>>> (f,) = flips([rec], dt.date(2021, 6, 1), dt.date(2024, 6, 1))
>>> f.before.code, f.after.code, f.limit_a, f.limit_b
('COMPLIES', 'EXCEEDS', '6 mg/m³', '3 mg/m³')
>>> f.state_a, f.state_b
('GBZ 2.1-2019', 'GBZ 2.1-2019+XG1')
>>> [c.key for c in diff("GBZ 2.1", f.state_a, f.state_b).changed]
['表1 苯']
>>> f.explain("en")
'苯 C_TWA = 4.5 mg/m³: complies on 2021-06-01 (PC-TWA 6 mg/m³, GBZ 2.1-2019 表1 row 12 (original text)) → exceeds on 2024-06-01 (PC-TWA 3 mg/m³, GBZ 2.1-2019 表1 row 12)'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ohsreg.changes.editions import limit_state_on
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

__all__ = ["Flip", "flips"]

_RESULT = re.compile(r"^\s*(C_TWA|C_STE|C_M)\s*=\s*([0-9.eE+-]+)\s*(mg/m³|mg/m3)\s*$")
_LIMIT_OF = {"C_TWA": ("PC-TWA", "pc_twa"), "C_STE": ("PC-STEL", "pc_stel"), "C_M": ("MAC", "mac")}


@attrs.frozen(slots=True)
class Flip:
    """One verdict or finding that differs between two dates."""

    subject: str
    """Which record (``records[0]``, ``records[1].workplaces[0].posts[2].exposures[0]``…)."""
    kind: str
    """``"exposure"`` (a re-judged measurement) or ``"finding"`` (a check's finding)."""
    what: str
    """The measurement (``苯 C_TWA = 4.5 mg/m³``) or the finding's rule code."""
    date_a: dt.date
    date_b: dt.date
    before: Verdict | None
    """The verdict on ``date_a`` (exposures); ``None`` for findings."""
    after: Verdict | None
    present_a: bool = True
    """Findings: whether the finding is raised on ``date_a``."""
    present_b: bool = True
    limit_kind: str | None = None
    """Which limit judges the measurement (``PC-TWA``, ``PC-STEL``, ``MAC``; exposures)."""
    limit_a: str | None = None
    """The limit value applied on ``date_a`` (exposures)."""
    limit_b: str | None = None
    source_a: str | None = None
    source_b: str | None = None
    state_a: str | None = None
    """The GBZ 2.1 edition and amendment state on ``date_a`` (``"GBZ 2.1-2019"``; exposures)."""
    state_b: str | None = None
    """The state on ``date_b`` (``"GBZ 2.1-2019+XG1"``): ``diff("GBZ 2.1", state_a, state_b)`` shows why."""
    message: str | None = None
    """The finding's English message (findings)."""

    def explain(self, locale: str | None = None) -> str:
        """One line: what, and how it judges on each date."""
        from ohsreg.i18n import gettext

        if self.kind == "exposure":
            assert self.before is not None
            assert self.after is not None
            return gettext(
                "{what}: {before} on {date_a} ({limit_a}) → {after} on {date_b} ({limit_b})", locale
            ).format(
                what=self.what,
                before=self.before.label(locale),
                date_a=self.date_a.isoformat(),
                limit_a=f"{self.limit_kind} {self.limit_a}, {self.source_a}",
                after=self.after.label(locale),
                date_b=self.date_b.isoformat(),
                limit_b=f"{self.limit_kind} {self.limit_b}, {self.source_b}",
            )
        params = {
            "what": f"{self.what} ({self.subject})",
            "date_a": self.date_a.isoformat(),
            "date_b": self.date_b.isoformat(),
        }
        if self.present_b:
            return gettext("{what} raised on {date_b}, not on {date_a}", locale).format(**params)
        return gettext("{what} raised on {date_a}, not on {date_b}", locale).format(**params)


def flips(records: Iterable[Any], date_a: dt.date, date_b: dt.date) -> list[Flip]:
    """The verdicts and findings of ``records`` that differ when judged on ``date_a`` and on ``date_b``.

    Exposure records whose limit cannot be resolved on a date (no catalogue limit, a date inside an
    amendment's unverified window) are skipped: no flip is claimed without both verdicts.
    """
    from ohsreg.rules._calendar import check_date

    check_date(date_a, "date_a")
    check_date(date_b, "date_b")
    out: list[Flip] = []
    judge = functools.lru_cache(maxsize=None)(_limit_on)  # one catalogue look-up per hazard, limit and date
    for i, record in enumerate(records):
        subject = f"records[{i}]"
        for where, exposure in _exposures(record, subject):
            flip = _exposure_flip(exposure, where, date_a, date_b, judge)
            if flip is not None:
                out.append(flip)
        check = getattr(record, "check", None)
        if callable(check):
            out += _finding_flips(check, subject, date_a, date_b)
    return out


def _exposures(record: Any, subject: str) -> list[tuple[str, Any]]:
    from ohsreg.models import ExposureRecord

    if isinstance(record, ExposureRecord):
        return [(subject, record)]
    found: list[tuple[str, Any]] = []
    for w, workplace in enumerate(getattr(record, "workplaces", ()) or ()):
        for p, post in enumerate(workplace.posts):
            for e, exposure in enumerate(post.exposures):
                found.append((f"{subject}.workplaces[{w}].posts[{p}].exposures[{e}]", exposure))
    return found


def _limit_on(hazard: str, quantity: str, as_of: dt.date) -> Any:
    """The catalogue limit that judges ``quantity`` of ``hazard`` on ``as_of`` (``None``: none answers)."""
    from ohsreg.assess._base import resolve_limit

    kind, attr = _LIMIT_OF[quantity]
    try:
        return resolve_limit(None, kind, attr, "mg/m³", hazard=hazard, as_of=as_of, required=False)
    except OhsregError:
        return None


def _judge(limit: Any, value: float) -> tuple[Verdict, str, str] | None:
    from ohsreg.assess._base import at_most

    if limit is None:
        return None
    return (
        at_most(value, limit),
        f"{limit.kind} {limit.value:g} {limit.unit}",
        limit.source or limit.edition or "",
    )


def _exposure_flip(
    exposure: Any, subject: str, date_a: dt.date, date_b: dt.date, limit_on: Callable[..., Any]
) -> Flip | None:
    match = _RESULT.match(exposure.result or "")
    if match is None:
        return None
    quantity, value = match.group(1), float(match.group(2))
    a = _judge(limit_on(exposure.hazard, quantity, date_a), value)
    b = _judge(limit_on(exposure.hazard, quantity, date_b), value)
    if a is None or b is None or a[0] is b[0]:
        return None
    from ohsreg.rules._catalogue import hazard_name

    return Flip(
        subject=subject,
        kind="exposure",
        what=f"{hazard_name(exposure.hazard)} {quantity} = {value:g} mg/m³",
        date_a=date_a,
        date_b=date_b,
        before=a[0],
        after=b[0],
        limit_kind=_LIMIT_OF[quantity][0],
        limit_a=a[1].split(" ", 1)[1],
        limit_b=b[1].split(" ", 1)[1],
        source_a=a[2],
        source_b=b[2],
        state_a=limit_state_on(date_a),
        state_b=limit_state_on(date_b),
    )


def _finding_key(f: Any) -> tuple[str, str | None, str]:
    params = f.params
    return f.rule, f.subject, str(params.get("hazard_key", params.get("hazard", "")))


def _finding_flips(check: Any, subject: str, date_a: dt.date, date_b: dt.date) -> list[Flip]:
    found_a = {_finding_key(f): f for f in check(date_a)}
    found_b = {_finding_key(f): f for f in check(date_b)}
    out = []
    for key, f in found_a.items():
        if key not in found_b:
            out.append(_finding(f, subject, date_a, date_b, present_a=True, present_b=False))
    for key, f in found_b.items():
        if key not in found_a:
            out.append(_finding(f, subject, date_a, date_b, present_a=False, present_b=True))
    return out


def _finding(
    f: Any, subject: str, date_a: dt.date, date_b: dt.date, *, present_a: bool, present_b: bool
) -> Flip:
    where = subject if not f.subject else f"{subject}.{f.subject}"
    return Flip(
        subject=where,
        kind="finding",
        what=f.rule,
        date_a=date_a,
        date_b=date_b,
        before=None,
        after=None,
        present_a=present_a,
        present_b=present_b,
        message=f.message("en"),
    )
