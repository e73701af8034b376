"""Shared base of the public documents: frozen records, findings and personal-data masking.

Every public model derives from :class:`Record`: immutable (edit with ``model_copy(update=...)``),
unknown fields rejected, strings stripped. Rule checks (``Enterprise.check(as_of)`` and friends) return
:class:`Finding` objects: non-compliance is data, not an exception.

Personal data (names, phone numbers, resident IDs of workers, staff and experts) is typed with the
annotations below; every serialisation masks it unless the caller passes ``context={"unmask": True}``
(``model_dump``/``model_dump_json``), so a default export never leaks it.

>>> from typing import Annotated
>>> class Person(Record):
...     name: PersonName
...     phone: Phone
...     resident_id: PersonalResidentID
>>> p = Person(name="张三丰", phone="13812345678", resident_id="11010519491231002X")
>>> p.model_dump()
{'name': '张**', 'phone': '138****5678', 'resident_id': '110105********002X'}
>>> p.model_dump(context={"unmask": True})["phone"]
'13812345678'
>>> p.name  # attribute access is never masked
'张三丰'

A default export reads back: masked values are accepted and marked :class:`Masked`, and the JSON Schema
describes both forms (``x-masked`` on the masked one).

>>> back = Person.model_validate(p.model_dump())
>>> back.resident_id, isinstance(back.resident_id, Masked), isinstance(p.resident_id, Masked)
('110105********002X', True, False)
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    SerializationInfo,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from ohsreg.errors import RuleViolation, to_pydantic_error
from ohsreg.identifiers import USCC, resident_id
from ohsreg.identifiers.resident_id import masked_unchecked as mask_resident_id
from ohsreg.vocab import Severity

if TYPE_CHECKING:
    from ohsreg.instruments import Clause

__all__ = [
    "INT64_MAX",
    "MAX_COUNT",
    "AgencyRef",
    "Count",
    "EventDate",
    "Finding",
    "HazardRef",
    "Masked",
    "PersonName",
    "PersonalResidentID",
    "Phone",
    "Record",
    "Text",
    "finding",
    "mask_name",
    "mask_phone",
    "mask_resident_id",
    "require_order",
    "rule_error",
    "unmasked",
]


def _refuse_lax_scalars(schema: Any) -> None:
    """Refuse the conversions pydantic would make silently, in the compiled (Rust) schema.

    Each field's input type is checked first (rule ``record.type``), so these fail instead of being
    converted: a number for a date or a date-time (seconds since 1970: ``0`` would become 1970-01-01), a
    date-time text for a date (``"2024-03-01T00:00"``), a bool for a count or a number (``True`` would
    become 1), and anything but ``true``/``false`` for a flag (``"yes"``, ``1``, ``"0"``). Text must be a
    string without NUL characters (``record.text``: NUL ends a string in C tools and databases and
    cannot be stored in XML or a spreadsheet) and without unpaired surrogates (no UTF-8 file can hold one). A count above its field's maximum -- at most a 64-bit
    integer, what Parquet and databases hold -- fails with ``record.too_large``. Still accepted: ISO
    dates and date-times as text, whole floats (``6.0``) and digit strings for counts, numbers as text.
    No Python runs per value.
    """
    node = schema
    while node.get("type") in ("function-after", "function-before", "function-wrap", "definitions"):
        node = node["schema"]
    if node.get("type") != "model":
        return
    fields = node["schema"].get("fields", {})
    for name, field in fields.items():
        key = field.get("validation_alias") if isinstance(field.get("validation_alias"), str) else name
        field["schema"] = _strict_leaf(field["schema"], key)


INT64_MAX = 2**63 - 1
"""The largest integer a record field holds (a signed 64-bit integer: Parquet, Arrow and SQL ``BIGINT``)."""

MAX_COUNT = 10_000_000
"""The largest count of people or cases one record holds (:data:`Count`): above any employer's workforce."""

# What a record's input may be, per core-schema type: the expected-type words of the record.type message
# and the strict inputs accepted (the field's own schema then converts and applies its constraints, so
# "abc", 6.5 or -1 keep their usual error types).
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_ISO_DATETIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}"
_NO_NUL = r"^[^\x00]*$"
_EXPECTED = {
    "date": "a date (YYYY-MM-DD)",
    "datetime": "a date and time (YYYY-MM-DDTHH:MM, optionally with seconds and a UTC offset)",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
}
_WRAPPERS = ("default", "nullable", "function-after", "function-before", "function-plain")


def _accepted(kind: str) -> list[Any]:
    from pydantic_core import core_schema

    strict: Any = {"type": kind, "strict": True}
    if kind == "date":
        return [strict, core_schema.str_schema(strict=True, pattern=_ISO_DATE)]
    if kind == "datetime":
        return [strict, core_schema.str_schema(strict=True, pattern=_ISO_DATETIME)]
    if kind == "int":  # 6.0 from a spreadsheet or a frame, "6" from a form
        return [strict, core_schema.float_schema(strict=True), core_schema.str_schema(strict=True)]
    if kind == "float":
        return [strict, core_schema.int_schema(strict=True), core_schema.str_schema(strict=True)]
    return [strict]  # bool


def _custom(
    choices: list[Any], *, rule: str, template: str, key: str, en: dict[str, str], zh: dict[str, str]
) -> Any:
    """``choices`` (one schema or a union) failing with ``rule`` and its message in en and zh (in ``ctx``);
    ``en`` and ``zh`` are the template's parameters in each language."""
    from pydantic_core import core_schema

    from ohsreg.i18n import render_message

    message = render_message(template, "en", field_name=key, **en)
    message_zh = render_message(template, "zh_CN", field_name=key, **zh)
    return core_schema.custom_error_schema(
        core_schema.union_schema(choices) if len(choices) > 1 else choices[0],
        custom_error_type=rule,
        custom_error_message=message.replace("{", "{{").replace("}", "}}"),
        custom_error_context={"rule": rule, "field": key, "message_zh": message_zh},
    )


def _inside(schema: Any, key: str, leaf: Callable[[Any, str], Any]) -> Any:
    """``leaf`` applied to the schema under the wrappers (default, nullable, field validators)."""
    if schema.get("type") in _WRAPPERS:
        if "schema" in schema:
            schema["schema"] = _inside(schema["schema"], key, leaf)
        return schema
    return leaf(schema, key)


def _strict_leaf(schema: Any, key: str) -> Any:
    return _inside(schema, key, _strict)


def _strict(schema: Any, key: str) -> Any:
    from pydantic_core import core_schema

    from ohsreg.i18n import gettext

    kind = schema.get("type")
    if kind in ("list", "tuple", "set", "frozenset"):
        items = schema.get("items_schema")
        if isinstance(items, dict):
            schema["items_schema"] = _text_leaf(items, key)
        elif isinstance(items, list):
            schema["items_schema"] = [_text_leaf(i, key) for i in items]
        return schema
    if kind == "str":
        return _text(schema, key)
    if kind not in _EXPECTED:
        return schema
    typed = _custom(
        _accepted(kind),
        rule="record.type",
        template="{field_name} must be {expected}",
        key=key,
        en={"expected": _EXPECTED[kind]},
        zh={"expected": gettext(_EXPECTED[kind], "zh_CN")},
    )
    if kind == "float":
        schema["allow_inf_nan"] = False
    if kind != "int":
        return _chain(typed, schema)
    # the field's maximum is checked last, with a rule code, and shows in the JSON Schema (last step)
    limit = schema.pop("le", None)
    if limit is None:
        limit = INT64_MAX if "lt" not in schema else schema.pop("lt") - 1
    if "ge" not in schema and "gt" not in schema:
        schema["ge"] = -INT64_MAX - 1
    bound = core_schema.int_schema(strict=True, le=limit, ge=schema.get("ge"), gt=schema.get("gt"))
    too_large = _custom(
        [bound],
        rule="record.too_large",
        template="{field_name} must be at most {limit}",
        key=key,
        en={"limit": str(limit)},
        zh={"limit": str(limit)},
    )
    return _chain(typed, schema, too_large)


def _text_leaf(schema: Any, key: str) -> Any:
    return _inside(schema, key, _text)


def _text(schema: Any, key: str) -> Any:
    """A text schema that first refuses a non-string and NUL characters (``record.text``)."""
    from pydantic_core import core_schema

    if schema.get("type") != "str":
        return schema
    check = _custom(
        [core_schema.str_schema(strict=True, pattern=_NO_NUL)],
        rule="record.text",
        template="{field_name} must be text without NUL characters or unpaired surrogates",
        key=key,
        en={},
        zh={},
    )
    if schema.keys() == {"type"}:
        # a plain str: the check (a strict str, stripped by the record's config) already gives what the
        # field's own schema would, so it runs alone; the JSON Schema stays the field's
        check["metadata"] = {"pydantic_js_functions": [lambda _schema, handler: handler(schema)]}
        return check
    return _chain(check, schema)


def _chain(*steps: Any) -> Any:
    """Run ``steps`` in turn; the JSON Schema (both modes) is the last step's, the field's own."""
    from pydantic_core import core_schema

    last = steps[-1]
    # the last step's own JSON Schema hooks (x-personal-data and the like) move up to the chain, where
    # pydantic applies them around the schema generated for that step
    own = dict(last.get("metadata") or {})
    metadata = {
        **own,
        "pydantic_js_functions": [
            lambda _schema, handler: handler(last),
            *own.get("pydantic_js_functions", ()),
        ],
    }
    return core_schema.chain_schema(list(steps), metadata=metadata)


class Record(BaseModel):
    """Base of every public ohsreg document: frozen, strict about unknown fields, stripped strings.

    Validation errors do not repeat the input (``hide_input_in_errors``): a record may hold personal
    data, and error text ends up in logs. ``err.errors()`` still gives each field, type and message."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_attribute_docstrings=True,
        # str(ValidationError) would otherwise print each bad input (input_value=...): names, phone
        # numbers and resident IDs of the people in a record; the error still names field and rule
        hide_input_in_errors=True,
    )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """The model's schema with the lax scalar conversions refused (see :func:`_refuse_lax_scalars`)."""
        schema = handler(source)
        _refuse_lax_scalars(schema)
        return schema

    def _repr_html_(self) -> str:
        from ohsreg._display import record_html

        return record_html(self)


Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
"""A count of people or cases (workers, exposed workers, deaths): 0 to :data:`MAX_COUNT`; above it the
record fails with ``record.too_large`` (a typo or an overflow, not a real count)."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=500)]
"""A non-empty free text (a name, a number, an opinion) of at most 500 characters, stripped."""


def rule_error(
    template: str, *, rule: str, field: str | None = None, hint: str | None = None, **params: Any
) -> PydanticCustomError:
    """A pydantic error carrying an ohsreg rule code: ``raise rule_error(...)`` from a model validator.

    The rule code becomes the pydantic error ``type`` (see :func:`ohsreg.errors.to_pydantic_error`);
    ``template`` and ``hint`` are English gettext message ids rendered with ``params``.

    >>> err = rule_error("{a} is before {b}", rule="demo.date_order", field="a", a="2024-01-02", b="x")
    >>> err.type, err.context["rule"], err.context["field"]
    ('demo.date_order', 'demo.date_order', 'a')
    """
    return to_pydantic_error(RuleViolation(template, rule=rule, field=field, hint=hint, **params))


def require_order(
    earlier: tuple[str, dt.date | None],
    later: tuple[str, dt.date | None],
    template: str,
    *,
    rule: str,
    field: str,
    strict: bool = False,
    hint: str | None = None,
) -> None:
    """Raise :func:`rule_error` when the ``later`` date comes before the ``earlier`` one (or on the same
    day, with ``strict``); a missing date (``None``) passes. Each date is a ``(name, value)`` pair whose
    name is the ``template`` parameter that shows it (ISO format): every date-order rule of the record
    models (``*.date_order`` and friends) goes through here.

    >>> require_order(("start", dt.date(2024, 1, 2)), ("end", None), "{end} < {start}", rule="d.o", field="end")
    >>> require_order(("start", dt.date(2024, 1, 2)), ("end", dt.date(2024, 1, 1)), "{end} < {start}",
    ...               rule="d.o", field="end")
    Traceback (most recent call last):
    pydantic_core._pydantic_core.PydanticCustomError: 2024-01-01 < 2024-01-02...
    """
    (first_name, first), (then_name, then) = earlier, later
    if first is None or then is None:
        return
    if then < first or (strict and then == first):
        params = {first_name: first.isoformat(), then_name: then.isoformat()}
        raise rule_error(template, rule=rule, field=field, hint=hint, **params)


class _Today:
    """``date.today()`` read once per local day, not once per validated date (a hot path of bulk loads).

    The cached day is valid until the next local midnight, checked with ``time.time()`` (far cheaper than
    ``date.today()``); a clock set back re-reads the date.
    """

    def __init__(self) -> None:
        self.day = dt.date.min
        self.start = self.until = 0.0
        # (start, until, day) replaced as one object, so a thread never reads one day's bounds with another day
        self.state = (self.start, self.until, self.day)

    def __call__(self) -> dt.date:
        now = time.time()
        if not self.start <= now < self.until:
            self.day = dt.date.today()
            self.start = dt.datetime.combine(self.day, dt.time()).timestamp()
            self.until = dt.datetime.combine(self.day + dt.timedelta(days=1), dt.time()).timestamp()
            self.state = (self.start, self.until, self.day)
        return self.day


_today = _Today()


def _not_in_future(value: dt.date, info: ValidationInfo) -> dt.date:
    context = info.context
    reference: Any
    if context is None:  # the common case, no as_of: the cached day, while the clock is inside it
        start, until, reference = _today.state
        if not start <= time.time() < until:
            reference = _today()
    else:
        reference = context.get("as_of") if isinstance(context, dict) else None
        if reference is None:
            reference = _today()  # documented default of EventDate; pass context={"as_of": ...}
        elif isinstance(reference, dt.datetime):
            reference = reference.date()
        elif not isinstance(reference, dt.date):
            reference = _today()
    if value > reference:
        raise rule_error(
            "{field} {value} is after the validation date {as_of}",
            rule="record.future_date",
            field=info.field_name or "date",
            value=value.isoformat(),
            as_of=reference.isoformat(),
        )
    return value


EventDate = Annotated[dt.date, AfterValidator(_not_in_future)]
"""The date of something that has happened (an exam, a training, a filing): never after the validation
date (rule ``record.future_date``). The validation date is ``context={"as_of": date}`` when the caller
passes one to ``model_validate``/``model_validate_json`` (a ``datetime`` counts by its date), otherwise
the day of validation: the one place a record reads the clock, so pass ``as_of`` to make validation
reproducible. Deadlines and expiry dates are plain dates."""


def unmasked(info: SerializationInfo) -> bool:
    """Whether the serialisation context asks for personal data in clear (``{"unmask": True}``)."""
    context = info.context
    return bool(isinstance(context, dict) and context.get("unmask"))


def mask_name(name: str) -> str:
    """Keep the first character: ``张三丰`` -> ``张**``; ``Li Lei`` -> ``L*****``."""
    return name[:1] + "*" * (len(name) - 1) if name else name


def mask_phone(phone: str) -> str:
    """Keep the first three and last four digits: ``13812345678`` -> ``138****5678``."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def _masking(mask: Callable[[str], str]) -> PlainSerializer:
    def serialize(value: str, info: SerializationInfo) -> str:
        return value if unmasked(info) else mask(value)

    return PlainSerializer(serialize, return_type=str)


@dataclass(frozen=True)
class _PersonalData:
    """Marks personal data in the JSON Schema (``"x-personal-data": kind``), also inside ``X | None``."""

    kind: str

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["x-personal-data"] = self.kind
        return schema


class Masked(str):
    """A personal-data value read back in the masked form an export wrote (``张**``, ``138****5678``,
    ``110105********002X``): kept as it is, so a default export loads back, and marked so code can tell.

    The full value cannot be recovered from it; where one is needed (a resident ID's birth date, for
    example) ohsreg says so with the rule code and the hint to export with ``unmask=True``.
    """

    __slots__ = ()


def _mark_masked(is_masked: Callable[[str], bool]) -> AfterValidator:
    def mark(value: str) -> str:
        return Masked(value) if is_masked(value) else value

    return AfterValidator(mark)


def _masked_name(value: str) -> bool:
    return len(value) > 1 and value[1:] == "*" * (len(value) - 1)


PersonName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64),
    _mark_masked(_masked_name),
    _masking(mask_name),
    _PersonalData("name"),
]
"""A natural person's name; masked in every default export (``张**``, read back as :class:`Masked`)."""

_PHONE = r"^\+?[0-9][0-9 -]{5,19}$"
_MASKED_PHONE = r"^\+?[0-9*][0-9 *-]{5,19}$"

Phone = Annotated[
    str,
    StringConstraints(pattern=_MASKED_PHONE),
    _mark_masked(lambda value: "*" in value),
    _masking(mask_phone),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _PHONE, "title": "Phone"},
                {"type": "string", "pattern": _MASKED_PHONE, "title": "Masked phone", "x-masked": True},
            ],
            "x-personal-data": "phone",
        }
    ),
]
"""A phone number; masked in every default export (``138****5678``, read back as :class:`Masked`)."""


def _resident_id(value: Any) -> str:
    from ohsreg.errors import OhsregError

    try:
        return resident_id.validate(value, allow_masked=True)
    except OhsregError as err:
        raise to_pydantic_error(err) from None


def _validated_is_masked(value: str) -> bool:
    """:func:`~ohsreg.identifiers.resident_id.is_masked` of a number :func:`_resident_id` returned: a
    validated number holds ``*`` only in its masked form, so the regular expression is not needed."""
    return "*" in value


PersonalResidentID = Annotated[
    str,
    BeforeValidator(_resident_id),
    _mark_masked(_validated_is_masked),
    _masking(mask_resident_id),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": resident_id.PATTERN,
                    "title": "Resident ID",
                    "description": "公民身份号码 (GB 11643-1999), 18 characters",
                },
                {
                    "type": "string",
                    "pattern": resident_id.MASKED_PATTERN,
                    "title": "Masked resident ID",
                    "description": "the number with its eight birth-date digits replaced by *",
                    "x-masked": True,
                },
            ],
            "examples": ["110105********002X"],
            "x-personal-data": "resident_id",
        }
    ),
]
"""A validated resident ID (GB 11643) of a natural person; masked (``110105********002X``) on export.

A masked number is accepted too (so a default export loads back) and kept as :class:`Masked`; its
division code is checked, its check character cannot be."""


@functools.cache
def _hazard_resolver() -> Callable[[str], object] | None:
    """The catalogue's resolver, looked up once (None when the catalogue is not available)."""
    try:
        from ohsreg.catalogue import resolve_hazard_key
    except ImportError:  # the catalogue ships with the package; tolerate partial installs
        return None
    return resolve_hazard_key


#: hazard reference -> canonical key, for references already resolved (the shipped catalogue does not
#: change in a process); bounded so that hostile input cannot grow it without limit
_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX = 8192


def _check_hazard(key: str) -> str:
    """Resolve a hazard reference to the catalogue's canonical key, when the catalogue is available.

    A reference is looked up in the catalogue once; later records reuse the answer. An unknown one is
    looked up (and its message rendered) once too: the same error is raised again.
    """
    known = _RESOLVED.get(key)
    if known is not None:
        return known
    resolve = _hazard_resolver()
    if resolve is None:
        return key
    found, error = _resolved_hazard(key)
    if error is not None:
        raise error.with_traceback(None)  # a cached instance: do not grow its traceback on every raise
    if len(_RESOLVED) < _RESOLVED_MAX:
        _RESOLVED[key] = found
    return found


@functools.lru_cache(maxsize=4096)
def _resolved_hazard(key: str) -> tuple[str, Exception | None]:
    """The canonical key of ``key``, or the pydantic error to raise: a file whose rows name the same
    unknown hazard thousands of times looks it up (and renders its message) once. The catalogue is
    read-only data, so the answer cannot change while the process runs."""
    from ohsreg.errors import OhsregError, to_pydantic_error

    resolve = _hazard_resolver()
    assert resolve is not None
    try:
        return str(resolve(key)), None
    except OhsregError as err:
        return key, to_pydantic_error(err)


HazardRef = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_check_hazard)]
"""A reference to a hazard factor of the reference catalogue, by its key (or any name the catalogue
resolves: Chinese or English name, CAS number); stored as the catalogue's canonical key."""


class AgencyRef(Record):
    """A technical service agency named by a record (the author of an evaluation or detection report): by
    name and, preferably, USCC. A bare string is read as the name, so ``"示例检测公司"`` and
    ``{"name": "示例检测公司"}`` give the same reference."""

    name: Text
    uscc: USCC | None = None
    """统一社会信用代码 (USCC) of the agency, when known (preferred for matching)."""

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        return {"name": data} if isinstance(data, str) else data


ParamValue = str | int | float | bool | None


class Finding(Record):
    """One result of a rule check: which rule, how severe, where the rule comes from, and a message.

    The message is an English template (gettext message id) rendered with ``params`` in the locale
    asked for, so findings stay data that can be exported and read back.
    """

    rule: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
    """Stable dotted rule code, e.g. ``declaration.hazard_missing`` (see the rule table)."""
    severity: Severity
    clause: str
    """The provision applied, in one format across ohsreg: the document (order number and 《title》, or a
    law's or standard's name with its edition) with the article appended without a space, e.g.
    ``安监总局令第48号《职业病危害项目申报办法》第八条第（一）项``; several provisions joined by ``"; "``;
    an article number not verified is said in the text (``（……；条号未核实）``)."""
    subject: str | None = None
    """What the finding is about: a path such as ``workplaces[0].posts[2]`` or an identifier."""
    template: str
    """English message template; also the gettext message id."""
    params: dict[str, ParamValue] = Field(default_factory=dict)
    due: dt.date | None = None
    """The deadline concerned, when the rule is about one."""

    def message(self, locale: str | None = None) -> str:
        """The message in ``locale`` (default: the active ohsreg locale, zh_CN)."""
        from ohsreg._message import render

        # the deadline and the subject are fields of the finding, and a template may name them too; the
        # template may come from a file, so the renderer fills plain fields only (no attributes, no widths)
        return render(self.template, locale, **{"due": self.due, "subject": self.subject, **self.params})

    def __str__(self) -> str:
        return f"[{self.severity.code}] {self.rule}: {self.message('en')} ({self.clause})"

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The provisions of :attr:`clause` as :class:`~ohsreg.instruments.Clause` objects (the parts that
        cite an instrument of the registry; several provisions are joined by ``"; "``)."""
        from ohsreg.instruments import clauses_of

        return clauses_of(self.clause)


def finding(
    rule: str,
    severity: Severity,
    clause: str,
    template: str,
    *,
    subject: str | None = None,
    due: dt.date | None = None,
    **params: ParamValue,
) -> Finding:
    """Build a :class:`Finding` (the keyword form reads better at call sites than the model constructor).

    >>> f = finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what="report")
    >>> f.message("en"), f.severity.code
    ('report is late', 'WARNING')
    """
    return Finding(
        rule=rule,
        severity=severity,
        clause=clause,
        template=template,
        subject=subject,
        due=due,
        params=params,
    )
