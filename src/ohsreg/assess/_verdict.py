"""Stand-in for :class:`ohsreg.vocab.Verdict` until the vocabulary lands (same member names)."""

from __future__ import annotations

import enum


class Verdict(enum.Enum):
    """Outcome of an assessment."""

    COMPLIES = "complies"
    EXCEEDS = "exceeds"
    NOT_APPLICABLE = "not_applicable"
    INSUFFICIENT_DATA = "insufficient_data"

    def label(self, locale: str | None = None) -> str:
        from ohsreg.i18n import gettext

        return gettext(_EN[self], locale)


_EN = {
    Verdict.COMPLIES: "complies",
    Verdict.EXCEEDS: "exceeds",
    Verdict.NOT_APPLICABLE: "not applicable",
    Verdict.INSUFFICIENT_DATA: "insufficient data",
}
