"""Shared plumbing of the exporters: sources and sinks, encodings, input errors, progress, extras.

Not public: the exporters re-export what callers need (:class:`RecordError`, :func:`detect_encoding`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import stat
import sys
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

from ohsreg.errors import InvalidFormat, OhsregError

if TYPE_CHECKING:
    from pydantic import BaseModel, TypeAdapter

__all__ = [
    "Destination",
    "MissingExtra",
    "RecordError",
    "Source",
    "detect_encoding",
    "open_sink",
    "read_bytes",
    "require",
]

Source: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]"
"""Where input comes from: a path (``str`` is always a path, never JSON text), bytes, or a binary file."""

Destination: TypeAlias = "str | os.PathLike[str] | IO[bytes] | None"
"""Where output goes: a path, a binary file, or ``None`` to return bytes."""

BLOCK = 1 << 18
"""Bytes read per block when streaming (256 KiB): memory stays bounded whatever the file size."""

MAX_LINE = 1 << 26
"""The longest line a streamed reader (JSON Lines, CSV) accepts: 64 MiB (rule ``export.line_too_long``).
A record far larger than any real one; the cap stops an endless stream without newlines (``/dev/zero``)."""

_GB_HINT = "the file is not UTF-8; it was read as GB18030"


class MissingExtra(OhsregError, ImportError):
    """An optional dependency is needed: ``pip install 'ohsreg[extra]'``."""

    default_rule = "export.extra_missing"


class RecordError(OhsregError):
    """One or more records of a file are invalid; :attr:`errors` lists each problem with its line.

    Each item of :attr:`errors` is a dict ``{"line", "index", "field", "type", "message", "message_zh"}``:
    ``line`` is the 1-based line (JSON Lines) or row (CSV) in the file, ``field`` the dotted path of the
    field, ``type`` the pydantic error type (the ohsreg rule code for ohsreg validators), ``message`` the
    English message and ``message_zh`` the Chinese one (pydantic's own errors are English only, so both
    hold the same text for them).
    """

    default_rule = "export.record_invalid"

    def __init__(self, template: str, *, errors: list[dict[str, Any]], **kwargs: Any) -> None:
        self.errors = errors
        super().__init__(template, **kwargs)


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtra` saying which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            "{module} is not installed",
            rule="export.extra_missing",
            hint="install the extra: pip install 'ohsreg[{extra}]'",
            module=module,
            extra=extra,
        ) from None


def _path(source: str | os.PathLike[str]) -> Path:
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        raise InvalidFormat(
            "a str source is a file path, and this looks like JSON text",
            rule="export.source",
            hint="pass JSON text as bytes: text.encode()",
        )
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # missing, unreadable or not a valid name: open() says which
        return path
    if not stat.S_ISREG(mode):
        # a device (/dev/zero), a pipe or a folder: may never end, or is not a file of records at all
        raise InvalidFormat(
            "{path} is not a regular file",
            rule="export.not_a_file",
            hint="pass a file of records (devices, pipes and folders are not read)",
            path=str(path),
        )
    return path


def read_bytes(source: Source) -> bytes:
    """All bytes of ``source`` (a path, bytes, or a binary file)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | os.PathLike):
        return _path(source).read_bytes()
    data = _reader(source).read()
    if isinstance(data, str):
        return data.encode("utf-8")
    return bytes(data)


@contextlib.contextmanager
def open_source(source: Source) -> Iterator[IO[bytes]]:
    """A binary stream over ``source``; files are opened (and closed) here, streams are left open."""
    if isinstance(source, bytes | bytearray | memoryview):
        import io

        yield io.BytesIO(bytes(source))
    elif isinstance(source, str | os.PathLike):
        with _path(source).open("rb") as fh:
            yield fh
    else:
        yield _reader(source)


def _reader(source: object) -> IO[bytes]:
    """``source`` when it has a ``read`` method; else ``export.source`` naming what was passed."""
    if not callable(getattr(source, "read", None)):
        raise InvalidFormat(
            "cannot read from {type}",
            rule="export.source",
            field="source",
            hint="pass a file path, bytes or a binary file",
            type=type(source).__name__,
        )
    return source  # type: ignore[return-value]


@contextlib.contextmanager
def open_sink(dest: str | os.PathLike[str] | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream to write to; paths are opened (and closed) here."""
    if isinstance(dest, str | os.PathLike):
        with Path(dest).open("wb") as fh:
            yield fh
    else:
        yield dest


def detect_encoding(head: bytes) -> str:
    """The text encoding of a file from its first bytes: ``utf-8-sig``, ``utf-16`` (``-le``/``-be`` when
    unmarked), ``utf-8`` or ``gb18030``.

    A UTF-8 byte-order mark gives ``utf-8-sig``; a UTF-16 mark ``utf-16``; UTF-16 without a mark is told
    by the zero bytes of its ASCII characters (``utf-16-le`` or ``utf-16-be``); text that decodes as UTF-8
    ``utf-8`` (a multi-byte character cut at the end of ``head`` is tolerated); otherwise ``gb18030``,
    the national superset of GBK/GB2312 used by Chinese Excel and Windows tools.

    >>> detect_encoding("职业卫生".encode("gb18030")), detect_encoding("职业卫生".encode())
    ('gb18030', 'utf-8')
    >>> detect_encoding(b"\\xef\\xbb\\xbfuscc")
    'utf-8-sig'
    """
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    unmarked = _utf16_without_mark(head)
    if unmarked is not None:
        return unmarked
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(head) - 3 and err.reason == "unexpected end of data":
            return "utf-8"
        return "gb18030"
    return "utf-8"


def _utf16_without_mark(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for UTF-16 saved without a byte-order mark, else None.

    Records always hold ASCII (JSON punctuation, CSV commas and line breaks, digits, field names), whose
    UTF-16 code units have one zero byte each: zeros in the odd (even) bytes mark little (big) endian.
    UTF-8 and GB18030 text has no zero bytes at all (records refuse NUL).
    """
    sample = head[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    order = "utf-16-le" if odd > even else "utf-16-be"
    if min(even, odd) * 4 > max(even, odd) or max(even, odd) * 8 < len(sample):
        return None  # zeros on both sides, or too few to tell: not UTF-16 text
    try:
        sample[: len(sample) // 2 * 2].decode(order)
    except UnicodeDecodeError:
        # a surrogate pair cut at the end of the sample is fine
        if not sample[: len(sample) // 2 * 2 - 2].decode(order, "ignore"):
            return None
    return order


def check_encoding(encoding: object) -> None:
    """Raise ``export.encoding`` unless ``encoding`` names a text codec Python knows."""
    import codecs

    try:
        if not isinstance(encoding, str):
            raise LookupError
        codecs.lookup(encoding)
    except (LookupError, UnicodeError):
        raise InvalidFormat(
            "unknown text encoding {encoding!r}",
            rule="export.encoding",
            field="encoding",
            hint="use utf-8, utf-8-sig, gb18030 or utf-16 (or leave it out to detect it)",
            encoding=encoding,
        ) from None


def decode(data: bytes, encoding: str | None = None, *, line_offset: int = 0) -> tuple[str, str]:
    """Decode ``data`` (detecting the encoding unless given); returns ``(text, encoding)``.

    ``line_offset`` is the number of lines before ``data`` in the file (for streamed blocks), so an
    error names the line of the file.
    """
    if encoding is not None:
        check_encoding(encoding)
    enc = encoding or detect_encoding(data[: 1 << 16])
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError as err:
        if encoding is None and enc == "utf-8":
            try:  # UTF-8 at the start, something else later: try the national encoding
                return data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                pass
        line = data.count(b"\n", 0, err.start) + 1 + line_offset
        raise InvalidFormat(
            "cannot decode the input as {encoding} at line {line} (byte {offset})",
            rule="export.encoding",
            hint="save the file as UTF-8 (or GB18030) text",
            encoding=enc,
            line=line,
            offset=err.start,
        ) from None


def text_blocks(raw: IO[bytes], encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """The text of a byte stream as decoded blocks, each with the number of lines of the file before it.

    Blocks of about :data:`BLOCK` bytes are cut after a newline, so memory stays bounded whatever the
    file size and no character or line is split. The encoding is detected from the first bytes unless
    given (see :func:`detect_encoding`); a UTF-8 byte-order mark is dropped. UTF-16 has no line-wise
    byte framing and is read whole, as one block.
    """
    if encoding is not None:
        check_encoding(encoding)
    head = raw.read(1 << 16)
    found = encoding or detect_encoding(head)
    if found.lower().replace("_", "-").startswith("utf-16"):
        yield 0, decode(head + raw.read(), found)[0]
        return
    pending = bytearray(head)
    cut = pending.rfind(b"\n") + 1  # end of the last whole line in pending (0: none yet)
    lines_before = 0
    while True:
        chunk = raw.read(BLOCK)
        if chunk:
            at = chunk.rfind(b"\n")  # only the new bytes are searched: linear in the input
            if at >= 0:
                cut = len(pending) + at + 1
            pending += chunk
            if cut == 0:
                if len(pending) > MAX_LINE:
                    raise InvalidFormat(
                        "line {line} is longer than {limit} bytes",
                        rule="export.line_too_long",
                        hint="one record per line; is this a file of records?",
                        line=lines_before + 1,
                        limit=MAX_LINE,
                    )
                continue
            data = bytes(pending[:cut])
            del pending[:cut]
            cut = 0
        else:
            data = bytes(pending)
        if data:
            text, found = decode(data, encoding, line_offset=lines_before)
            encoding = "utf-8" if found == "utf-8-sig" else found  # only the first block has the mark
            yield lines_before, text
            lines_before += data.count(b"\n")
        if not chunk:
            return


def note_encoding(encoding: str) -> str | None:
    """A one-line note for people when the input was not plain UTF-8 (shown by the command line)."""
    if encoding == "gb18030":
        return _GB_HINT
    if encoding == "utf-8-sig":
        return "the file starts with a UTF-8 byte-order mark (BOM)"
    if encoding.startswith("utf-16"):
        return "the file is UTF-16 text"
    return None


def json_syntax_error(text: str, *, line_offset: int = 0) -> OhsregError | None:
    """The position of the first JSON syntax error in ``text``, or None if it parses.

    Python's parser names the error; the records' own parser (pydantic's, stricter about nesting: it
    stops at a few hundred levels) is asked too, so input that only it refuses still gets its line and
    column rather than a bare "malformed".
    """
    import json
    import re

    from pydantic_core import from_json

    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return _syntax(err.lineno + line_offset, err.colno, err.msg)
    except RecursionError:  # nesting deeper than the interpreter's stack: located by the parser below
        pass
    try:
        from_json(text)
    except ValueError as err:
        found = re.fullmatch(r"(.*) at line (\d+) column (\d+)", str(err), re.S)
        if found is None:  # pragma: no cover - pydantic-core always says where
            return _syntax(1 + line_offset, 1, str(err))
        reason, line, column = found.groups()
        return _syntax(int(line) + line_offset, int(column), reason)
    return None


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_pairs(pairs: list[tuple[str, Any]]) -> None:
    if len(pairs) > 1 and len({k for k, _ in pairs}) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)


def duplicate_key_error(
    text: str | bytes, *, lines: list[tuple[int, str]] | None = None
) -> OhsregError | None:
    """``export.duplicate_key`` if an object of the JSON ``text`` has a key twice, else None.

    JSON parsers (pydantic's too) keep the last value of a repeated key silently, so ``{"deaths": 3,
    "deaths": 0}`` would read as 0 deaths. One pass of the standard library's C parser finds the
    repetition; with ``lines`` (the numbered lines of JSON Lines input) the error names the line.
    """
    import json

    try:
        json.loads(text, object_pairs_hook=_unique_pairs)
    except _DuplicateKey as dup:
        line = None
        for number, line_text in lines or ():
            try:
                json.loads(line_text, object_pairs_hook=_unique_pairs)
            except _DuplicateKey:
                line = number
                break
        return InvalidFormat(
            "the key {key!r} appears twice in one object at line {line}"
            if line
            else "the key {key!r} appears twice in one object",
            rule="export.duplicate_key",
            hint="keep one value per key (JSON readers would silently keep the last one)",
            key=dup.key,
            line=line,
        )
    except (ValueError, RecursionError):  # not JSON: the syntax check reports it
        return None
    return None


def _syntax(line: int, column: int, reason: str) -> OhsregError:
    return InvalidFormat(
        "malformed JSON at line {line}, column {column}: {reason}",
        rule="export.json_syntax",
        line=line,
        column=column,
        reason=reason,
    )


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk call builds many objects.

    Building 10^5 records triggers repeated full collections that scan every record already built,
    which costs more than the validation itself; the records hold no reference cycles, so nothing is
    lost by collecting once afterwards. (The pause is process-wide for the duration of the call.)
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=64)
def list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    """One cached ``TypeAdapter(list[model])``: bulk validation in a single call."""
    from pydantic import TypeAdapter

    return TypeAdapter(list[model])  # type: ignore[valid-type]


def context(unmask: bool) -> dict[str, bool] | None:
    """The serialisation context: personal data in clear only when asked."""
    return {"unmask": True} if unmask else None


def shown_value(record: Any, field: str) -> str:
    """``record.field`` as a default export shows it, for messages: personal data (a resident ID, a
    name) masked, so an error about a duplicate does not print it in clear."""
    dump = getattr(record, "model_dump", None)
    if callable(dump):
        return str(dump(mode="json", include={field}).get(field))
    return str(getattr(record, field, None))  # pragma: no cover - records are pydantic models


def error_items(err: Any, lines: list[int] | None = None) -> list[dict[str, Any]]:
    """Flatten a pydantic ``ValidationError`` of a list into items with the file line of each record."""
    items: list[dict[str, Any]] = []
    for e in err.errors(include_url=False):
        loc = list(e["loc"])
        index = loc.pop(0) if loc and isinstance(loc[0], int) else None
        line = None
        if index is not None:
            line = lines[index] if lines is not None and index < len(lines) else index + 1
        ctx = e.get("ctx") or {}
        message = ctx.get("message_en", e["msg"])  # ohsreg validators pass each language in ctx
        items.append(
            {
                "line": line,
                "index": index,
                "field": ".".join(str(p) for p in loc),
                "type": e["type"],
                "message": message,
                "message_zh": ctx.get("message_zh", message),
            }
        )
    return items


def record_error(items: list[dict[str, Any]], model: type[Any]) -> RecordError:
    first = items[0]
    return RecordError(
        "{count} invalid record(s) of {model}; first at line {line}, field {path!r}: {reason} [{code}]",
        rule="export.record_invalid",
        field=first["field"] or None,
        errors=items,
        count=len({i["index"] for i in items}),
        model=model.__name__,
        line=first["line"],
        path=first["field"],
        reason=first["message"],
        reason_zh=first["message_zh"],
        code=first["type"],
    )


class Progress:
    """A small progress line on stderr for long runs (no dependency): rows done and rate.

    Silent until ``min_rows`` rows are done, and only on a terminal unless ``force`` is set.
    """

    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        min_rows: int = 10_000,
        stream: IO[str] | None = None,
        force: bool = False,
        every: float = 0.2,
    ) -> None:
        self.label = label
        self.total = total
        self.min_rows = min_rows
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every
        self.done = 0
        self._start = time.perf_counter()
        self._last = 0.0
        self._shown = False

    def update(self, rows: int) -> None:
        self.done += rows
        if not self.enabled or self.done < self.min_rows:
            return
        now = time.perf_counter()
        if now - self._last >= self.every:
            self._last = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-9)
        share = f" {100 * self.done / self.total:5.1f}%" if self.total else ""
        self.stream.write(f"\r{self.label}: {self.done:,} rows{share} ({rate:,.0f} rows/s)")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self.enabled and self.done >= self.min_rows:
            self._show(time.perf_counter())
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
