"""Locale selection and catalogues."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ohsreg import i18n
from ohsreg.errors import OhsregError


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_Hans_CN", "zh_CN"), ("EN", "en"), ("en_US", "en")],
)
def test_normalize(given: str, expected: str) -> None:
    assert i18n.normalize_locale(given) == expected


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(OhsregError) as info:
        i18n.normalize_locale("fr_FR")
    assert info.value.rule == "i18n.locale"
    assert info.value.field == "locale"


def test_default_ignores_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert i18n.current_locale() == "zh_CN"


def test_use_is_scoped_and_per_thread() -> None:
    seen: list[str] = []
    with i18n.use("en"):
        thread = threading.Thread(target=lambda: seen.append(i18n.current_locale()))
        thread.start()
        thread.join()
        assert i18n.current_locale() == "en"
    assert i18n.current_locale() == "zh_CN"
    assert seen == ["zh_CN"]


def test_po_fallback_matches_mo(tmp_path: object) -> None:
    mo = i18n._load_catalog("zh_CN")
    assert mo["unknown locale {locale!r}"] == "未知的语言区域 {locale!r}"


def test_po_and_mo_agree(tmp_path: Path) -> None:
    """The .po fallback (source checkout) and the compiled .mo give the same catalogue."""
    folder = Path(i18n.__file__).parent / "locale" / "zh_CN" / "LC_MESSAGES"
    for po in folder.glob("*.po"):
        from_po = i18n._read_po(po, "zh_CN")
        mo = po.with_suffix(".mo")
        if mo.exists():
            assert i18n._read_mo(mo) == from_po, po.name
        assert from_po, f"{po.name} has no translations"
