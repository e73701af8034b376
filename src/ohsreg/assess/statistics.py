"""EN 689:2018 compliance tests on a set of shift results, with geometric mean, GSD and exceedance.

**Unverified** (secondary: a public R implementation of EN 689:2018 Annex F and its documentation; the
EN text itself was not seen):

* Preliminary test (F.2), 3–5 results: compliance when *all* results are below 0.1 × OEL (3 results),
  0.15 × OEL (4) or 0.2 × OEL (5) — strictly below, as that implementation codes it; non-compliance when
  any result exceeds the OEL; otherwise the statistical test is needed (``INSUFFICIENT_DATA``).
* Statistical test (F.3), ≥ 6 results, lognormal: ``U_R = (ln OEL − ln GM) / ln GSD`` compared with
  U_T, the one-sided 70 %-confidence tolerance factor for the 95th percentile; compliance when
  ``U_R ≥ U_T``. ``U_T = t′₀.₇₀(n − 1, z₀.₉₅·√n) / √n`` (noncentral t). The table below for n = 6–30
  agrees with the secondary source for n = 6–10, and :func:`tolerance_factor` reproduces all 25
  values independently (numerical integration, tested); for n > 30 it is computed.
* Exceedance fraction ``F = 1 − Φ((ln OEL − ln GM) / ln GSD)`` (lognormal model), GSD from the sample
  standard deviation (n − 1) of the log values.

Non-detects are substituted explicitly (``below_lod=``), never silently.

>>> r = en689([0.02, 0.05, 0.08], oel=1.0)
>>> r.test, r.verdict.name
('preliminary', 'COMPLIES')
>>> r = en689([0.21, 0.35, 0.18, 0.52, 0.29, 0.41], oel=1.0)
>>> r.test, r.verdict.name, round(r.u_r, 3), r.u_t
('statistical', 'COMPLIES', 2.942, 2.187)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any

import attrs

from ohsreg.assess._base import (
    AppliedLimit,
    Assessment,
    AssessmentError,
    Message,
    Verdict,
    _finite_or_inf,
    finite,
    iterate,
    msg,
    number,
    text_option,
)
from ohsreg.assess.sampling import NonDetect, substitute
from ohsreg.errors import EditionError

__all__ = [
    "EN689_CLAUSE",
    "U_T",
    "En689Assessment",
    "en689",
    "exceedance_fraction",
    "geometric_stats",
    "tolerance_factor",
]

EN689_EDITION = "EN 689:2018"
EN689_CLAUSE = "EN 689:2018 Annex F (unverified)"
PRELIMINARY_FRACTIONS = {3: 0.10, 4: 0.15, 5: 0.20}
U_T: dict[int, float] = {
    6: 2.187,
    7: 2.120,
    8: 2.072,
    9: 2.035,
    10: 2.005,
    11: 1.981,
    12: 1.961,
    13: 1.944,
    14: 1.929,
    15: 1.917,
    16: 1.905,
    17: 1.895,
    18: 1.886,
    19: 1.878,
    20: 1.870,
    21: 1.863,
    22: 1.857,
    23: 1.851,
    24: 1.846,
    25: 1.841,
    26: 1.836,
    27: 1.832,
    28: 1.828,
    29: 1.824,
    30: 1.820,
}
"""U_T by number of results n = 6–30 (EN 689:2018 Annex F; reproduced by :func:`tolerance_factor`; unverified)."""


def _norm_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def _nct_cdf(t: float, nu: int, delta: float, steps: int = 1200) -> float:
    """P(T ≤ t) for the noncentral t with ``nu`` degrees of freedom and noncentrality ``delta``.

    ``T = (Z + δ) / S`` with ``S = √(χ²_ν / ν)``: ``P = E[Φ(t·S − δ)]``, integrated over the density of S
    with Simpson's rule (the density is negligible beyond 12 standard deviations of S).
    """
    log_c = math.log(2.0) + (nu / 2.0) * math.log(nu / 2.0) - math.lgamma(nu / 2.0)
    sd = 1.0 / math.sqrt(2.0 * nu)
    lo = max(1e-9, 1.0 - 12.0 * sd - (0.5 if nu < 8 else 0.0))
    hi = 1.0 + 12.0 * sd + (2.0 if nu < 8 else 0.0)
    h = (hi - lo) / steps
    total = 0.0
    for i in range(steps + 1):
        x = lo + i * h
        density = math.exp(log_c + (nu - 1) * math.log(x) - nu * x * x / 2.0)
        weight = 1.0 if i in (0, steps) else (4.0 if i % 2 else 2.0)
        total += weight * _norm_cdf(t * x - delta) * density
    return total * h / 3.0


def tolerance_factor(n: int) -> float:
    """U_T for ``n`` results: the 70 %-confidence upper tolerance factor of the 95th percentile.

    EN 689:2018 Annex F.3 (:data:`EN689_CLAUSE`; **unverified**, see the module docstring).

    ``t′₀.₇₀(n − 1, z₀.₉₅·√n) / √n``, solved by bisection on the noncentral t distribution.

    >>> round(tolerance_factor(6), 3), round(tolerance_factor(31), 3)
    (2.187, 1.817)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise AssessmentError("at least {n} results are needed", rule="assess.empty", field="n", n=2)
    if not math.isfinite(_finite_or_inf(n)):
        raise AssessmentError(
            "{where} must be a finite non-negative number, got {value!r}",
            rule="assess.value",
            field="n",
            value=n,
        )
    return _tolerance_factor(n)


@functools.lru_cache(maxsize=256)
def _tolerance_factor(n: int) -> float:
    z95 = 1.6448536269514722
    delta = z95 * math.sqrt(n)
    lo, hi = 0.0, 60.0
    for _ in range(60):
        mid = (lo + hi) / 2.0
        if _nct_cdf(mid, n - 1, delta) < 0.70:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0 / math.sqrt(n)


def _values(values: Iterable[Any], below_lod: str) -> tuple[float, ...]:
    out = tuple(
        substitute(v, below_lod, f"values[{i}]")
        if isinstance(v, NonDetect)
        else number(v, "mg/m³", f"values[{i}]")
        for i, v in enumerate(iterate(values, "values"))
    )
    if not out:
        raise AssessmentError("no results given", rule="assess.empty", field="values")
    return out


def geometric_stats(values: Iterable[Any], *, below_lod: str = "error") -> tuple[float, float]:
    """Geometric mean and geometric standard deviation (n − 1) of positive results."""
    xs = _values(values, below_lod)
    if len(xs) < 2:
        raise AssessmentError("at least {n} results are needed", rule="assess.empty", field="values", n=2)
    if any(x <= 0 for x in xs):
        raise AssessmentError(
            "results must be positive for a lognormal model",
            rule="assess.value",
            field="values",
            hint="substitute non-detects with below_lod='half' or 'limit'",
        )
    logs = [math.log(x) for x in xs]
    mean = sum(logs) / len(logs)
    sd = math.sqrt(sum((v - mean) ** 2 for v in logs) / (len(logs) - 1))
    try:
        return math.exp(mean), math.exp(sd)
    except OverflowError:  # results spanning ~700 orders of magnitude: no float GSD
        return finite(math.inf, "values"), math.inf


def exceedance_fraction(values: Iterable[Any], oel: float, *, below_lod: str = "error") -> float:
    """Estimated fraction of shifts above ``oel`` under a lognormal model (0–1).

    ``F = 1 − Φ((ln OEL − ln GM) / ln GSD)`` (EN 689:2018 practice; **unverified**).
    """
    gm, gsd = geometric_stats(values, below_lod=below_lod)
    limit = number(oel, "mg/m³", "oel", allow_zero=False)
    if gsd == 1.0:
        return 0.0 if gm <= limit else 1.0
    z = (math.log(limit) - math.log(gm)) / math.log(gsd)
    return 1.0 - 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


@attrs.frozen(kw_only=True)
class En689Assessment(Assessment):
    """Result of :func:`en689`: the test used and its statistics."""

    test: str = "preliminary"
    n: int = 0
    gm: float | None = None
    gsd: float | None = None
    u_r: float | None = None
    u_t: float | None = None
    exceedance: float | None = None


def en689(
    values: Iterable[Any], *, oel: Any, below_lod: str = "error", edition: str | None = None
) -> En689Assessment:
    """EN 689:2018 compliance of a similar-exposure group's shift results (mg/m³ or any one unit).

    ``value`` is the largest result (preliminary test) or U_R (statistical test). ``oel`` is the
    caller's number: the explanation never calls it unverified (the rule itself is, see the module).

    >>> "Limit value not verified" in en689([0.21, 0.35, 0.18, 0.52, 0.29, 0.41], oel=1.0).explain("en")
    False
    """
    if edition is not None and text_option(edition, "edition").replace(" ", "") not in (
        "EN689:2018",
        "EN689:2018+AC:2019",
    ):
        raise EditionError(
            "unknown edition {edition!r} of EN 689",
            rule="assess.edition",
            field="edition",
            hint="use {known}",
            edition=edition,
            known=EN689_EDITION,
        )
    xs = _values(values, below_lod)
    limit = number(oel, "mg/m³", "oel", allow_zero=False)
    applied = AppliedLimit(kind="OEL", value=limit, unit="mg/m³")
    n = len(xs)
    top = max(xs)
    common = En689Assessment(
        quantity="max",
        value=top,
        unit="mg/m³",
        limit=applied,
        verdict=Verdict.INSUFFICIENT_DATA,
        clause=EN689_CLAUSE,
        verified=False,
        rule_edition=EN689_EDITION,
        n=n,
    )
    if n < 3:
        return attrs.evolve(common, reasons=(msg("at least 3 results are needed, got {n}", n=n),))
    if n <= 5:
        frac = PRELIMINARY_FRACTIONS[n]
        reasons: tuple[Message, ...]
        if top > limit:
            verdict, reasons = Verdict.EXCEEDS, (msg("a result exceeds the OEL"),)
        elif top < frac * limit:
            verdict, reasons = (
                Verdict.COMPLIES,
                (msg("all {n} results below {frac} × OEL", n=n, frac=f"{frac:g}"),),
            )
        else:
            verdict, reasons = (
                Verdict.INSUFFICIENT_DATA,
                (msg("preliminary test inconclusive: take at least 6 results for the statistical test"),),
            )
        return attrs.evolve(common, verdict=verdict, reasons=reasons)
    gm, gsd = geometric_stats(xs)
    ef = exceedance_fraction(xs, limit)
    u_t = U_T[n] if n in U_T else round(tolerance_factor(n), 3)
    reasons = (
        msg(
            "GM {gm}, GSD {gsd}, exceedance fraction {ef} %",
            gm=f"{gm:.3g}",
            gsd=f"{gsd:.3g}",
            ef=f"{ef * 100:.2g}",
        ),
        msg("OEL {oel} mg/m³ as given", oel=f"{limit:g}"),
    )
    reported: dict[str, Any] = {}
    if gsd == 1.0:  # all results equal: U_R is ±∞, no value to report; the largest result is judged
        u_r = math.inf if gm < limit else -math.inf
    else:
        u_r = (math.log(limit) - math.log(gm)) / math.log(gsd)
        reported = {
            "quantity": "U_R",
            "unit": "1",
            "value": u_r,
            # U_T is part of the rule, not a limit value someone supplied or transcribed: the rule's own
            # verification is the result's ``verified`` (False), so explain() says "rule not verified"
            # and never calls the user's OEL or the computed factor an unverified limit value
            "limit": AppliedLimit(
                kind="U_T",
                value=u_t,
                unit="1",
                source=f"{EN689_EDITION} Annex F (n = {n})",
                edition=EN689_EDITION,
            ),
        }
    return attrs.evolve(
        common,
        verdict=Verdict.COMPLIES if u_r >= u_t else Verdict.EXCEEDS,
        reasons=reasons,
        test="statistical",
        gm=gm,
        gsd=gsd,
        u_r=u_r,
        u_t=u_t,
        exceedance=ef,
        **reported,
    )
