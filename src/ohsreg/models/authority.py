"""Supervising authorities (监管部门) and the regime that names them, by date.

Occupational-health supervision of workplaces moved from the work-safety authorities (安全生产监督管理
部门) to the health authorities (卫生健康主管部门):

- **until 2018-03-16**: work-safety authorities (division of duties of 中央编办 2010).
- **2018-03-17**: the State Council institutional-reform plan adopted by the 13th NPC, 1st session
  (《国务院机构改革方案》), moved the occupational safety and health supervision duties of the State
  Administration of Work Safety into the new National Health Commission. Local transfers followed during
  2018, so records of that year may name either body: :data:`TRANSITION`.
- **from 2018-12-29**: the fourth amendment of the Law on the Prevention and Control of Occupational
  Diseases (主席令第24号, in force the same day) replaced "安全生产监督管理部门" by "卫生行政部门" in the
  supervision articles: health authorities only.

Sources (verified): the 2018 amendment text (主席令第24号, articles changed: 16, 17, 18, 26, 27, 37, 47,
48, 63, 64, 70–73, 75, 77); the reform plan date from 《环境与职业医学》2018, 35(9):791 citing the
plan of 2018-03-17.

>>> import datetime as dt
>>> supervising_authority_kind(dt.date(2015, 6, 1)).code
'WORK_SAFETY'
>>> supervising_authority_kind(dt.date(2019, 1, 1)).code
'HEALTH'
"""

from __future__ import annotations

import datetime as dt

import ohsreg.instruments as instruments
from ohsreg.identifiers import DivisionCode
from ohsreg.models.base import Record
from ohsreg.vocab import AdminLevel, LabeledEnum

__all__ = [
    "REFORM_PLAN_DATE",
    "STATUTE_AMENDMENT_DATE",
    "Authority",
    "AuthorityKind",
    "supervising_authority_kind",
]

REFORM_PLAN_DATE = instruments.in_force_date("State Council reform plan 2018")
"""《国务院机构改革方案》 adopted: duties move to the National Health Commission (date from
:mod:`ohsreg.instruments`)."""

STATUTE_AMENDMENT_DATE = instruments.lookup("OD law").amendment("2018").first_day
"""职业病防治法 fourth amendment (主席令第24号) in force: the statute names health authorities only (date
from :mod:`ohsreg.instruments`)."""


class AuthorityKind(LabeledEnum):
    """Which kind of body supervises workplace occupational health."""

    WORK_SAFETY = ("WORK_SAFETY", "安全生产监督管理部门", "work-safety authority")
    HEALTH = ("HEALTH", "卫生健康主管部门", "health authority", ("卫生行政部门", "卫生健康委"))
    TRANSITION = (
        "TRANSITION",
        "职责划转过渡期（安全生产监督管理部门或卫生健康主管部门）",
        "transfer period (work-safety or health authority)",
    )


def supervising_authority_kind(as_of: dt.date) -> AuthorityKind:
    """The kind of authority that supervised workplace occupational health on ``as_of``."""
    if as_of < REFORM_PLAN_DATE:
        return AuthorityKind.WORK_SAFETY
    if as_of < STATUTE_AMENDMENT_DATE:
        return AuthorityKind.TRANSITION
    return AuthorityKind.HEALTH


class Authority(Record):
    """A supervising authority or technical-support body at one administrative level.

    >>> a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    >>> a.level.label("en"), a.region
    ('municipal', '330100')
    """

    name: str
    kind: AuthorityKind
    level: AdminLevel
    region: DivisionCode | None = None
    """Administrative division the authority covers (None for national bodies)."""

    def valid_on(self, as_of: dt.date) -> bool:
        """Whether a body of this kind could be the workplace supervisor on ``as_of``."""
        regime = supervising_authority_kind(as_of)
        return regime is AuthorityKind.TRANSITION or regime is self.kind
