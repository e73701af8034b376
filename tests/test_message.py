"""The one message type at the bottom (ohsreg._message): immutable data, rendered by the installed renderer."""

from __future__ import annotations

import pickle

import pytest

from ohsreg import _message
from ohsreg._message import Message, msg
from ohsreg.vocab import HazardCategory


def test_assessment_reasons_use_the_one_message_type() -> None:
    from ohsreg.assess import Message as AssessMessage
    from ohsreg.assess import twa

    assert AssessMessage is Message
    reasons = twa([(2.0, 8.0)], limit=3.0).reasons
    assert all(type(r) is Message for r in reasons)


def test_value_semantics() -> None:
    m = msg("{n} worker(s)", n=3)
    assert m == Message("{n} worker(s)", (("n", 3),))
    assert m != Message("{n} worker(s)", (("n", 4),))
    assert m != ("{n} worker(s)", (("n", 3),))
    assert hash(m) == hash(msg("{n} worker(s)", n=3))
    assert repr(m) == "Message(template='{n} worker(s)', params=(('n', 3),))"
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(AttributeError, match="immutable"):
        m.template = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del m.params


def test_render_localises_nested_messages_and_labels() -> None:
    m = msg("{what}: {category}", what=msg("explicit limit"), category=HazardCategory.DUST)
    assert m.render("en") == "explicit limit: dust"
    assert m.render("zh_CN") == "显式给出的限值: 粉尘"  # untranslated template, localised values


def test_errors_and_findings_render_through_the_installed_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    from ohsreg.errors import OhsregError
    from ohsreg.models import finding
    from ohsreg.vocab import Severity

    seen: list[str] = []

    def spy(template: str, locale: str | None, /, **params: object) -> str:
        seen.append(template)
        return template.upper()

    monkeypatch.setattr(_message, "_renderer", spy)
    assert OhsregError("bad {x}", rule="demo.bad", x=1).message("en") == "BAD {X}"
    assert finding("demo.late", Severity.INFO, "示例", "late").message("en") == "LATE"
    assert msg("hello").render("en") == "HELLO"
    assert {"bad {x}", "late", "hello"} <= set(seen)


def test_no_renderer_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_message, "_renderer", None)
    with pytest.raises(RuntimeError, match="no message renderer"):
        msg("hello").render("en")


def test_locales_are_normalised_by_the_installed_normaliser() -> None:
    from ohsreg.errors import OhsregError

    assert _message.normalize_locale("en_GB") == "en"
    with pytest.raises(OhsregError) as info:
        _message.normalize_locale("fr")
    assert info.value.rule == "i18n.locale"
