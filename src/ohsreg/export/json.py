"""Canonical JSON and JSON Lines of any public model, in and out.

Canonical JSON is pydantic's JSON of the model: fields in declaration order, no insignificant
whitespace, quantities as ``{"value": …, "unit": …}``, dates ISO 8601, vocabulary terms as their codes,
non-ASCII text as UTF-8 (not ``\\u`` escapes). Personal data (names, phones, resident IDs) is masked
unless ``unmask=True`` is passed.

Loading validates through one ``TypeAdapter(list[Model])`` call per batch, which is much faster than a
``model_validate`` loop. A ``str`` source is always a file path; pass JSON text as ``bytes``.

>>> from ohsreg.models import Authority
>>> a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
>>> text = dumps(a)
>>> text
'{"name":"杭州市卫生健康委员会","kind":"HEALTH","level":"MUNICIPAL","region":"330100"}'
>>> load(text.encode(), Authority) == a
True
>>> lines = dumps_jsonl([a, a.model_copy(update={"region": "330200"})])
>>> [r.region for r in load_many(lines, Authority)]
['330100', '330200']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

from ohsreg.errors import InvalidFormat
from ohsreg.export._io import (
    Destination,
    Progress,
    RecordError,
    Source,
    context,
    decode,
    duplicate_key_error,
    error_items,
    gc_paused,
    json_syntax_error,
    list_adapter,
    open_sink,
    open_source,
    read_bytes,
    record_error,
    shown_value,
    text_blocks,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "RecordError",
    "check_unique",
    "dump",
    "dump_jsonl",
    "dumps",
    "dumps_jsonl",
    "iter_load",
    "load",
    "load_many",
]

M = TypeVar("M", bound="BaseModel")


def dumps(record: BaseModel, *, unmask: bool = False, indent: int | None = None) -> str:
    """The canonical JSON text of one record (personal data masked unless ``unmask=True``)."""
    return record.model_dump_json(context=context(unmask), indent=indent)


def dump(
    record: BaseModel, dest: Destination = None, *, unmask: bool = False, indent: int | None = None
) -> bytes | None:
    """Write the canonical JSON of ``record`` to ``dest`` (a path or binary file); ``None`` returns bytes."""
    data = dumps(record, unmask=unmask, indent=indent).encode("utf-8")
    if dest is None:
        return data
    with open_sink(dest) as fh:
        fh.write(data)
    return None


def dumps_jsonl(records: Iterable[BaseModel], *, unmask: bool = False) -> bytes:
    """JSON Lines (one canonical JSON record per line, UTF-8) of ``records``, as bytes."""
    ctx = context(unmask)
    return b"".join(r.model_dump_json(context=ctx).encode("utf-8") + b"\n" for r in records)


def dump_jsonl(
    records: Iterable[BaseModel],
    dest: str | os.PathLike[str] | IO[bytes],
    *,
    unmask: bool = False,
    progress: Progress | None = None,
) -> int:
    """Stream ``records`` as JSON Lines to ``dest`` (constant memory); returns the number written."""
    ctx = context(unmask)
    count = 0
    with open_sink(dest) as fh:
        for r in records:
            fh.write(r.model_dump_json(context=ctx).encode("utf-8") + b"\n")
            count += 1
            if progress is not None and count % 1000 == 0:
                progress.update(1000)
    if progress is not None:
        progress.update(count % 1000)
        progress.close()
    return count


def load(source: Source, model: type[M]) -> M:
    """Read one record of ``model`` from a JSON document (path, bytes or binary file).

    Malformed JSON raises :class:`~ohsreg.errors.InvalidFormat` (``export.json_syntax``) with the line and
    column; a valid document that breaks the model raises pydantic's ``ValidationError`` naming the field.
    UTF-8 with or without BOM, UTF-16 and GB18030 are read.
    """
    from pydantic import ValidationError

    text, _ = decode(read_bytes(source))
    try:
        record = model.model_validate_json(text)
    except ValidationError as err:
        _raise_if_syntax(err, text)
        raise
    _refuse_duplicate_keys(text)
    return record


def load_many(source: Source, model: type[M], *, unique: str | None = None) -> list[M]:
    """Read every record of ``model`` from a JSON array or a JSON Lines file, validated in one call.

    Invalid records raise :class:`RecordError` listing each problem with its line; malformed JSON raises
    ``export.json_syntax`` with line and column. ``unique`` names a field whose values must not repeat
    (``export.duplicate``, with both lines).
    """
    data = read_bytes(source)
    fast = _fast_lines(data, model)
    if fast is not None:
        if unique is not None:
            check_unique(fast, unique)
        return fast
    text, _ = decode(data)
    stripped = text.lstrip()
    if stripped.startswith("["):
        from pydantic import ValidationError

        try:
            with gc_paused():
                records: list[M] = list_adapter(model).validate_json(text)
        except ValidationError as err:
            _raise_if_syntax(err, text)
            raise record_error(error_items(err), model) from err
        _refuse_duplicate_keys(text)
        lines = None
    else:
        numbered = [(i, line) for i, line in enumerate(text.split("\n"), 1) if line.strip()]
        records = _validate_lines(numbered, model)
        lines = [n for n, _ in numbered]
    if unique is not None:
        check_unique(records, unique, lines=lines)
    return records


def _fast_lines(data: bytes, model: type[M]) -> list[M] | None:
    """JSON Lines in plain UTF-8: one C-level join and one validation call, nothing decoded twice.

    The lines are joined into one JSON array (``\\n`` -> ``,``) and handed to pydantic's JSON parser as
    bytes, which itself rejects bytes that are not UTF-8. Returns None when this path does not apply:
    a BOM or another encoding, blank lines (``,,`` does not parse), a JSON array, a record spread over
    several lines (fewer records than lines), invalid records or syntax errors. The careful path then
    reports them with their lines.
    """
    from pydantic import ValidationError

    body = data.rstrip()
    if not body.startswith(b"{"):
        return None
    joined = b"[" + body.replace(b"\n", b",") + b"]"
    try:
        with gc_paused():
            result: list[M] = list_adapter(model).validate_json(joined)
    except ValidationError:
        return None
    if len(result) != body.count(b"\n") + 1:
        return None
    _refuse_duplicate_keys(joined, lambda: list(enumerate(body.decode("utf-8").split("\n"), 1)))
    return result


def _validate_lines(numbered: Sequence[tuple[int, str]], model: type[M]) -> list[M]:
    from pydantic import ValidationError

    if not numbered:
        return []
    joined = "[" + ",".join(t for _, t in numbered) + "]"
    try:
        with gc_paused():
            result: list[M] = list_adapter(model).validate_json(joined)
    except ValidationError as err:
        if any(e["type"] == "json_invalid" for e in err.errors()):
            _raise_line_syntax(numbered)
        raise record_error(error_items(err, [n for n, _ in numbered]), model) from err
    if len(result) != len(numbered):  # a record spread over lines: ``{"a": 1`` + ``"b": 2}`` joined
        _raise_line_syntax(numbered)
    _refuse_duplicate_keys(joined, lambda: list(numbered))
    return result


def _refuse_duplicate_keys(
    text: str | bytes, lines: Callable[[], list[tuple[int, str]]] | None = None
) -> None:
    """Raise ``export.duplicate_key`` for an object with a repeated key (``lines`` locate it, if given)."""
    error = duplicate_key_error(text)
    if error is not None and lines is not None:
        error = duplicate_key_error(text, lines=lines())
    if error is not None:
        raise error


def _raise_if_syntax(err: Any, text: str) -> None:
    """Raise ``export.json_syntax`` with line and column if pydantic's ``err`` is a JSON parse error."""
    if err.errors()[0]["type"] == "json_invalid":
        syntax = json_syntax_error(text)
        if syntax is not None:
            raise syntax from None


def _raise_line_syntax(numbered: Sequence[tuple[int, str]]) -> NoReturn:
    """Raise ``export.json_syntax`` for the first line of ``numbered`` that is not JSON on its own."""
    for n, t in numbered:
        syntax = json_syntax_error(t, line_offset=n - 1)
        if syntax is not None:
            raise syntax from None
    raise InvalidFormat(  # pragma: no cover - every line parsed alone but not together
        "malformed JSON Lines input", rule="export.json_syntax", line=None, column=None
    )


def iter_load(
    source: Source,
    model: type[M],
    *,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> Iterator[M]:
    """Stream the records of a JSON Lines file in bounded memory, validating ``batch_size`` lines per call.

    The encoding is detected from the first bytes (UTF-8 with or without BOM, GB18030). Errors are
    raised when the batch holding the bad line is reached, with its line number.
    """
    line_no = 0
    batch: list[tuple[int, str]] = []
    with open_source(source) as fh:
        for before, text in text_blocks(fh):
            for line_no, raw in enumerate(text.split("\n"), before + 1):
                if raw.strip():
                    batch.append((line_no, raw))
                if len(batch) >= batch_size:
                    yield from _validate_lines(batch, model)
                    if progress is not None:
                        progress.update(len(batch))
                    batch = []
    if batch:
        yield from _validate_lines(batch, model)
        if progress is not None:
            progress.update(len(batch))
    if progress is not None:
        progress.close()


def check_unique(records: Sequence[Any], field: str, *, lines: Sequence[int] | None = None) -> None:
    """Raise ``export.duplicate`` if two records share a value of ``field`` (None values are ignored)."""
    seen: dict[Any, int] = {}
    for i, r in enumerate(records):
        value = getattr(r, field, None)
        if value is None:
            continue
        key = str(value)
        if key in seen:
            first, second = seen[key], i
            where = (lines[first], lines[second]) if lines is not None else (first + 1, second + 1)
            raise InvalidFormat(
                "duplicate {name} {value!r} at lines {first} and {second}",
                rule="export.duplicate",
                field=field,
                name=field,
                hint="each record needs its own identifier; remove or merge the duplicates",
                value=shown_value(r, field),
                first=where[0],
                second=where[1],
            )
        seen[key] = i
