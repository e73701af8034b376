"""The base of every closed vocabulary (:class:`LabeledEnum`) and the explicit open extension (:class:`Custom`)."""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar

import attrs

from ohsreg.errors import OhsregError, UnknownEntry

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["Custom", "LabeledEnum", "OpenTerm"]


def _fold(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


class LabeledEnum(StrEnum):
    """A closed vocabulary: each member's value is its stable code and carries a zh and an en label.

    Members are declared as ``NAME = (code, zh, en)`` or ``(code, zh, en, (alias, ...))``. Pydantic
    accepts the code, the zh label or the en label (case-insensitively, full-width characters folded) or
    an alias, and serialises to the code; the JSON Schema is an ``enum`` of the codes.

    >>> from ohsreg.vocab import HazardCategory
    >>> HazardCategory.DUST.code, HazardCategory.DUST.zh, HazardCategory.DUST.en
    ('DUST', '粉尘', 'dust')
    >>> HazardCategory.parse("化学因素")
    <HazardCategory.CHEMICAL: 'CHEMICAL'>
    >>> HazardCategory.PHYSICAL.label("en"), HazardCategory.PHYSICAL.label("zh_CN")
    ('physical factors', '物理因素')
    """

    _zh: str
    _en: str
    _aliases: tuple[str, ...]
    __lookup__: ClassVar[dict[str, Any]]

    def __new__(cls, code: str, zh: str, en: str, aliases: tuple[str, ...] = ()) -> LabeledEnum:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj._zh = zh
        obj._en = en
        obj._aliases = aliases
        return obj

    @property
    def code(self) -> str:
        """The stable machine code (the enum value); never changes meaning."""
        return str(self._value_)

    @property
    def zh(self) -> str:
        """The official Chinese label."""
        return self._zh

    @property
    def en(self) -> str:
        """The English label."""
        return self._en

    def label(self, locale: str | None = None) -> str:
        """The label in ``locale`` (default: the active ohsreg locale, zh_CN)."""
        from ohsreg.i18n import normalize_locale

        return self._en if normalize_locale(locale) == "en" else self._zh

    def __str__(self) -> str:
        return self.code

    def __format__(self, spec: str) -> str:
        return format(self.code, spec)

    @classmethod
    def _lookup_table(cls) -> dict[str, Any]:
        table = cls.__dict__.get("_ohsreg_lookup")
        if table is None:
            table = {}
            for member in cls:
                for key in (member.code, member.zh, member.en, member.name, *member._aliases):
                    table.setdefault(_fold(key), member)
            type.__setattr__(cls, "_ohsreg_lookup", table)
        return table

    @classmethod
    def parse(cls, value: object, *, field: str | None = None) -> Any:
        """The member for a code, a zh or en label or an alias; :class:`~ohsreg.errors.UnknownEntry` otherwise."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls._lookup_table().get(_fold(value))
            if member is not None:
                return member
        codes = [m.code for m in cls]
        text = str(value)
        suggestions = difflib.get_close_matches(text, [*codes, *(m.zh for m in cls)], n=3)
        raise UnknownEntry(
            "{value!r} is not a {vocabulary} term",
            rule="vocab.unknown",
            field=field,
            hint="use one of {codes} (or its Chinese or English label)",
            value=text,
            vocabulary=cls.__name__,
            codes=", ".join(codes),
            suggestions=suggestions,
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        from ohsreg.errors import to_pydantic_error

        by_code = dict(cls._value2member_map_)

        def validate(value: object) -> Any:
            member = by_code.get(value) if value.__class__ is str or isinstance(value, cls) else None
            if member is not None:  # fast path: the code itself (what serialised data holds)
                return member
            try:
                return cls.parse(value)
            except OhsregError as err:
                raise to_pydantic_error(err) from None

        validate.__name__ = validate.__qualname__ = cls.__name__  # error locations read "…[HazardCategory()]"

        def serialize(member: Any, info: core_schema.SerializationInfo) -> Any:
            if not isinstance(member, cls):
                # lets a union (``OpenTerm``) try its next member instead of passing this through
                from pydantic_core import PydanticSerializationUnexpectedValue

                raise PydanticSerializationUnexpectedValue(f"not a {cls.__name__}")
            return member.code if info.mode_is_json() else member

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                serialize, info_arg=True, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        return {
            "title": cls.__name__,
            "type": "string",
            "enum": [m.code for m in cls],
            "description": doc + " Codes: " + "; ".join(f"{m.code} = {m.zh} / {m.en}" for m in cls),
        }


@attrs.frozen(slots=True)
class Custom:
    """A term outside a closed vocabulary, accepted only because it is flagged as custom.

    In a model, annotate ``OpenTerm[SomeEnum]``; input is either a term of the enum or
    ``{"custom": "text"}`` (a plain unknown string is still rejected).

    >>> from pydantic import BaseModel
    >>> from ohsreg.vocab import HazardCategory, OpenTerm
    >>> class M(BaseModel):
    ...     category: OpenTerm[HazardCategory]
    >>> M(category="粉尘").category
    <HazardCategory.DUST: 'DUST'>
    >>> M(category={"custom": "纳米材料"}).model_dump(mode="json")
    {'category': {'custom': '纳米材料'}}
    """

    text: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise OhsregError(
                "a custom term needs a non-empty text",
                rule="vocab.custom",
                field="custom",
            )

    def __str__(self) -> str:
        return self.text

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        from ohsreg.errors import to_pydantic_error

        def validate(value: object) -> Custom:
            if isinstance(value, Custom):
                return value
            if isinstance(value, dict) and set(value) == {"custom"} and isinstance(value["custom"], str):
                try:
                    return Custom(value["custom"])
                except OhsregError as err:
                    raise to_pydantic_error(err) from None
            raise to_pydantic_error(
                OhsregError(
                    "a custom term must be a mapping with the single key 'custom'",
                    rule="vocab.custom",
                    field="custom",
                )
            )

        validate.__name__ = validate.__qualname__ = "Custom"

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize_custom, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "title": "Custom",
            "type": "object",
            "properties": {"custom": {"type": "string", "minLength": 1}},
            "required": ["custom"],
            "additionalProperties": False,
            "description": "A term outside the closed vocabulary, explicitly flagged as custom.",
        }


def _serialize_custom(value: Any) -> dict[str, str]:
    if not isinstance(value, Custom):
        from pydantic_core import PydanticSerializationUnexpectedValue

        raise PydanticSerializationUnexpectedValue("not a Custom term")
    return {"custom": value.text}


_E = TypeVar("_E", bound=LabeledEnum)

OpenTerm: TypeAlias = _E | Custom
"""A vocabulary term or an explicitly flagged :class:`Custom` extension: ``OpenTerm[HazardCategory]``."""
