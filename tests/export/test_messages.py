"""Every message the exporters and the command line show has a Chinese translation in export.po."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "ohsreg"
PO = SRC / "i18n" / "locale" / "zh_CN" / "LC_MESSAGES" / "export.po"
PATTERNS = (
    r"(?:InvalidFormat|OhsregError|UnknownEntry|MissingExtra|RecordError)\(\s*\"([^\"]+)\"",
    r"hint=\"([^\"]+)\"",
    r"_t\(\s*\"([^\"]+)\"",
    r"^\s+\"({count}[^\"]+)\",$",
)


def _msgids() -> set[str]:
    text = PO.read_text(encoding="utf-8")
    return {
        m.encode("raw_unicode_escape").decode("unicode_escape")
        for m in re.findall(r'^msgid "(.+)"$', text, re.M)
    }


def test_every_template_is_translated() -> None:
    files = [*sorted((SRC / "export").glob("*.py")), SRC / "cli.py"]
    used: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in PATTERNS:
            used |= set(re.findall(pattern, text, re.M))
    assert len(used) > 30
    missing = sorted(used - _msgids())
    assert not missing, f"add zh translations to {PO.name}: {missing}"
