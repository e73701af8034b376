"""Each checks module's rule-code ``Literal`` is exactly the set of codes the rule table documents for it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from ohsreg.checks import agency, enterprise, expert, ppe, project

TABLE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "rules.md"

#: area -> (its Literal, the "raised by" names of its checks in the rule table, Literals it delegates to)
AREAS: dict[str, tuple[object, tuple[str, ...], tuple[object, ...]]] = {
    # Enterprise.check runs the PPE rules on the posts that record their PPE (checks.ppe.check_posts).
    "enterprise": (enterprise.EnterpriseRule, ("Enterprise.check",), (ppe.PPERule,)),
    "project": (project.ProjectRule, ("ConstructionProject.check", "Evaluation.check"), ()),
    "agency": (agency.AgencyRule, ("TechnicalServiceAgency.check", "TechnicalServiceAgency.may_serve"), ()),
    "expert": (expert.PoolRule, ("ExpertPool.check",), ()),
    "ppe": (ppe.PPERule, ("PPEUseSurvey.check",), ()),
}


def _documented(raisers: tuple[str, ...]) -> set[str]:
    rows = re.findall(r"^\| `([\w.]+)` \| ([^|]*) \|", TABLE.read_text(encoding="utf-8"), flags=re.M)
    return {code for code, raised_by in rows if any(f"`{r}`" in raised_by for r in raisers)}


@pytest.mark.parametrize("area", sorted(AREAS))
def test_literal_equals_the_documented_codes(area: str) -> None:
    literal, raisers, delegated = AREAS[area]
    own = set(get_args(literal))
    expected = own | {code for other in delegated for code in get_args(other)}
    documented = _documented(raisers)
    assert own, area
    assert documented == expected, (
        f"{area}: in the Literal, not documented for {raisers}: {sorted(expected - documented)}; "
        f"documented, not in the Literal: {sorted(documented - expected)}"
    )


def test_typed_finding_builds_the_same_finding() -> None:
    """The Literal is for the type checker; at run time the typed ``finding`` builds the same Finding."""
    import datetime as dt

    from ohsreg.models import finding as plain
    from ohsreg.vocab import Severity

    typed = expert.finding("pool.term_ended", Severity.WARNING, "c", "t {x}", due=dt.date(2024, 1, 1), x=1)
    assert typed == plain("pool.term_ended", Severity.WARNING, "c", "t {x}", due=dt.date(2024, 1, 1), x=1)
