"""Lazily loaded, indexed tables: exact lookups in O(1), ranked search over names, aliases, CAS and pinyin."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from ohsreg.errors import InvalidFormat, OhsregError, UnknownEntry

__all__ = ["FORMAT", "Header", "Table", "read_document"]

FORMAT = "ohsreg.catalogue/1"


class _Record(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name_zh(self) -> str: ...

    @property
    def verified(self) -> bool: ...


R = TypeVar("R", bound=_Record)

# How good a match of each field is for exact lookups and search ranking (lower wins).
_PRIORITY = {"id": 0, "cas": 1, "zh": 2, "alias": 3, "en": 4, "pinyin": 5, "initials": 6}
_FOLD = str.maketrans({"（": "(", "）": ")", "，": ",", "　": " ", "－": "-", "—": "-", "；": ";", "、": ","})


def check_arg(value: Any, expected: type | tuple[type, ...], field: str, *, optional: bool = False) -> None:
    """Raise ``catalogue.argument_type`` naming ``field`` unless ``value`` is an ``expected`` instance.

    Booleans never pass as numbers and datetimes never pass as dates (no silent coercion).
    """
    if optional and value is None:
        return
    kinds = expected if isinstance(expected, tuple) else (expected,)
    ok = isinstance(value, kinds)
    if isinstance(value, bool) and bool not in kinds:
        ok = False
    if isinstance(value, dt.datetime) and dt.datetime not in kinds:
        ok = False
    if not ok:
        raise InvalidFormat(
            "{field_name} must be {expected}, not {type}",
            rule="catalogue.argument_type",
            field=field,
            field_name=field,
            expected=" or ".join(k.__name__ for k in kinds),
            type=type(value).__name__,
        )


def fold(text: str) -> str:
    """The key used for matching: NFKC, full-width punctuation folded, lower case, inner spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_FOLD).casefold().split())


def read_document(path: Path | None, package_file: str | None) -> dict[str, Any]:
    """Read and check one catalogue file (package data when ``package_file`` is given)."""
    return _read_document(path, package_file)[0]


def _read_document(path: Path | None, package_file: str | None) -> tuple[dict[str, Any], str]:
    """The checked document and the SHA-256 of the file's bytes."""
    where = str(path) if path is not None else f"ohsreg.catalogue/data/{package_file}"
    try:
        if path is not None:
            text = path.read_text(encoding="utf-8")
        else:
            assert package_file is not None
            text = (
                resources.files("ohsreg.catalogue").joinpath("data", package_file).read_text(encoding="utf-8")
            )
        doc = json.loads(text)
    except FileNotFoundError:
        raise OhsregError(
            "catalogue file {path} not found", rule="catalogue.file_missing", field="path", path=where
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise OhsregError(
            "catalogue file {path} is not valid UTF-8 JSON: {reason}",
            rule="catalogue.file_format",
            field="path",
            path=where,
            reason=str(exc),
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("records"), list):
        raise OhsregError(
            "catalogue file {path} is not in the {format} format",
            rule="catalogue.file_format",
            field="format",
            hint="start from a file of ohsreg/catalogue/data: same header keys and a 'records' list",
            path=where,
            format=FORMAT,
        )
    return doc, hashlib.sha256(text.encode("utf-8")).hexdigest()


class Header:
    """The header of a catalogue file: document, edition, dates and official counts (read-only mapping)."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = {k: v for k, v in data.items() if k != "records"}

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The header value of ``key``, else ``default``."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"Header(kind={self.get('kind')!r}, edition={self.get('edition')!r})"


class Table(Generic[R]):
    """One catalogue table (one source and edition), loaded on first use and safe to share across threads.

    ``get`` returns ``None`` when nothing matches; ``lookup`` raises :class:`~ohsreg.errors.UnknownEntry`
    with close matches; both are dictionary lookups on a prebuilt index (id, CAS, Chinese name, alias,
    English name, pinyin, pinyin initials, in that order of precedence). ``search`` ranks every record.
    """

    def __init__(
        self,
        name: str,
        factory: Callable[[dict[str, Any]], R],
        *,
        package_file: str | None = None,
        path: Path | None = None,
        keys: Callable[[R], list[tuple[str, str]]] | None = None,
    ) -> None:
        self.name = name
        self._factory = factory
        self._package_file = package_file
        self._path = path
        self._keys = keys or _default_keys
        self._lock = threading.Lock()
        self._records: tuple[R, ...] | None = None
        self._header: Header | None = None
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._texts: tuple[str, ...] = ()
        self._owners: tuple[int, ...] = ()
        self._grams: dict[str, set[int]] | None = None
        self._sha = ""
        self._suggestions: dict[tuple[str, int], tuple[str, ...]] = {}

    # -- loading ------------------------------------------------------------------------------------
    def _load(self) -> tuple[R, ...]:
        records = self._records
        if records is not None:
            return records
        with self._lock:
            if self._records is None:
                doc, self._sha = _read_document(self._path, self._package_file)
                built = []
                for i, raw in enumerate(doc["records"]):
                    try:
                        built.append(self._factory(raw))
                    except (KeyError, TypeError, ValueError) as exc:
                        raise OhsregError(
                            "record {index} of catalogue table {table} is invalid: {reason}",
                            rule="catalogue.record_invalid",
                            field=f"records[{i}]",
                            index=i,
                            table=self.name,
                            reason=f"{type(exc).__name__}: {exc}",
                        ) from None
                self._header = Header(doc)
                self._build_index(built)
                self._records = tuple(built)
            return self._records

    def _build_index(self, records: list[R]) -> None:
        index: dict[str, list[tuple[int, int]]] = {}
        # every distinct folded key of every record, and the record it belongs to: search scans these
        texts: list[str] = []
        owners: list[int] = []
        for pos, rec in enumerate(records):
            folded: dict[str, None] = {}
            for kind, text in self._keys(rec):
                if not text:
                    continue
                key = fold(text)
                folded[key] = None
                entry = (_PRIORITY[kind], pos)
                # the folded key, and the text as written, so that most exact lookups skip folding
                for form in {key, text}:
                    bucket = index.setdefault(form, [])
                    if entry not in bucket:
                        bucket.append(entry)
            texts.extend(folded)
            owners.extend([pos] * len(folded))
        for bucket in index.values():
            bucket.sort()
        self._texts, self._owners = tuple(texts), tuple(owners)
        self._grams = None
        self._index = index

    @property
    def header(self) -> Header:
        """The file header: ``document``, ``edition``, ``effective``, ``official_count``, ``known_gaps``…"""
        self._load()
        assert self._header is not None
        return self._header

    @property
    def sha(self) -> str:
        """SHA-256 (hex) of the table's file: pin it to notice any change of the data behind a table."""
        self._load()
        return self._sha

    @property
    def edition(self) -> str:
        """The edition of the source document (the header's ``edition``)."""
        return str(self.header["edition"])

    def __iter__(self) -> Iterator[R]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __repr__(self) -> str:
        state = f"{len(self._records)} records" if self._records is not None else "not loaded"
        return f"<Table {self.name} ({state})>"

    # -- queries ------------------------------------------------------------------------------------
    def get(self, query: str, default: R | None = None) -> R | None:
        """The record whose id, CAS, name, alias, English name, pinyin or initials equals ``query``.

        On several records sharing the best-ranked key (e.g. two names with the same initials), the first
        in the table's order is returned; use :meth:`lookup_all` to see them all.
        """
        records = self._records if self._records is not None else self._load()
        if not isinstance(query, str):  # keys are strings; also keeps unhashable queries out of the index
            return default
        bucket = self._index.get(query)
        if bucket is None:
            bucket = self._index.get(query.casefold()) or self._index.get(fold(query))
            if bucket is None:
                stripped = _strip_qualifiers(query)  # 煤尘（游离SiO2含量＜10%） is the factor 煤尘
                bucket = self._index.get(fold(stripped)) if stripped != query else None
                if bucket is None:
                    return default
        return records[bucket[0][1]]

    def lookup_all(self, query: str) -> tuple[R, ...]:
        """Every record matching ``query`` exactly on its best-ranked key kind (empty if none)."""
        records = self._load()
        if not isinstance(query, str):
            return ()
        bucket = self._index.get(query) or self._index.get(fold(query))
        if not bucket:
            return ()
        best = bucket[0][0]
        return tuple(records[pos] for prio, pos in bucket if prio == best)

    def lookup(self, query: str) -> R:
        """Like :meth:`get` but raises :class:`~ohsreg.errors.UnknownEntry` (rule ``catalogue.unknown``)."""
        found = self.get(query)
        if found is not None:
            return found
        suggestions = self.suggest(query, limit=5)
        raise UnknownEntry(
            "{query!r} is not in {table}",
            rule="catalogue.unknown",
            field="query",
            hint="close matches: {suggestions_text}" if suggestions else "try search() with part of the name",
            query=query,
            table=self.name,
            suggestions=suggestions,
            suggestions_text=", ".join(suggestions),
        )

    def search(self, query: str, *, limit: int = 10) -> list[tuple[R, float]]:
        """Records ranked by how well ``query`` matches, best first, as ``(record, score)`` pairs.

        Scores: a whole key 100, a prefix 80-90, a substring 60-70 (more of the key covered and earlier
        positions score higher); a record scores its best key, ties keep the table's order. Matching is
        case-, width- and space-insensitive. Candidates come from an index of the keys' characters and
        character pairs, built on the first search. When fewer than ``limit`` records match, keys within
        a small edit distance of the query follow (a one-character typo such as 苯乙稀 for 苯乙烯 scores
        40-50): their cost is bounded by the index, not by the size of the table.
        """
        check_arg(query, str, "query")
        check_arg(limit, int, "limit")
        records = self._load()
        q = fold(query).replace("\0", "")
        if not q:
            return []
        grams = self._grams if self._grams is not None else self._build_grams()
        texts, owners, size = self._texts, self._owners, len(q)
        best: dict[int, float] = {}
        for k in _candidates(grams, q):
            text = texts[k]
            i = text.find(q)
            if i < 0:  # the pairs of q are all in the key, but not in a row
                continue
            if i:
                score = 60.0 + 10.0 * size / len(text) - (i if i < 10 else 10) * 0.5
            elif size == len(text):
                score = 100.0
            else:
                score = 80.0 + 10.0 * size / len(text)
            owner = owners[k]
            if score > best.get(owner, 0.0):
                best[owner] = score
        if len(best) < limit:
            for owner, score in _near(grams, texts, owners, q).items():
                if owner not in best:
                    best[owner] = score
        # best score first, then table order (a stable sort of the positions, reversed on score)
        ranked = sorted(sorted(best), key=best.__getitem__, reverse=True)[:limit]
        return [(records[pos], best[pos]) for pos in ranked]

    def suggest(self, query: str, *, limit: int = 5) -> list[str]:
        """Names of the records closest to ``query`` (what :meth:`lookup` offers when nothing matches).

        Bounded cost: the query is cut to 64 characters, and the answers for the last 1024 distinct
        queries are kept, so a file with thousands of rows naming the same unknown hazard does not pay
        for the search again.
        """
        if not isinstance(query, str):
            return []
        key = (fold(query)[:64], limit)
        cached = self._suggestions.get(key)
        if cached is not None:
            return list(cached)
        found = tuple(dict.fromkeys(r.name_zh for r, _ in self.search(key[0], limit=limit)))
        if len(self._suggestions) >= 1024:
            self._suggestions.clear()  # simple bound; a dict assignment is atomic under the GIL
        self._suggestions[key] = found
        return list(found)

    def _build_grams(self) -> dict[str, set[int]]:
        """Index every key by each character and each pair of adjacent characters (built on first search)."""
        with self._lock:
            if self._grams is None:
                sets: dict[str, set[int]] = {}
                for k, text in enumerate(self._texts):
                    grams = set(text)
                    grams.update(map(operator.add, text, text[1:]))
                    for gram in grams:
                        bucket = sets.get(gram)
                        if bucket is None:
                            sets[gram] = {k}
                        else:
                            bucket.add(k)
                self._grams = sets
            return self._grams


_NONE: frozenset[int] = frozenset()


def _candidates(grams: dict[str, set[int]], q: str) -> AbstractSet[int]:
    """The keys holding every character pair of ``q`` (every character, for one-character queries)."""
    if len(q) == 1:
        return grams.get(q, _NONE)
    sets = []
    for j in range(len(q) - 1):
        found = grams.get(q[j : j + 2])
        if found is None:
            return _NONE
        sets.append(found)
    sets.sort(key=len)
    return sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]


# a parenthesised qualifier that restricts by content (游离SiO2含量<10%), not a name
_QUALIFIER = re.compile(r"[（(][^（）()]*(?:[%≥≤<>＜＞]|含量|不包括|包括|限于)[^（）()]*[）)]")


def _strip_qualifiers(text: str) -> str:
    """``text`` without its content qualifiers: ``煤尘（游离SiO2含量＜10%）`` → ``煤尘``."""
    return _QUALIFIER.sub("", text).strip()


def _near(
    grams: dict[str, set[int]], texts: tuple[str, ...], owners: tuple[int, ...], q: str
) -> dict[int, float]:
    """Records with a key within a small edit distance of ``q`` (1 for keys up to 5 characters, else 2),
    scored 50 for one edit and 40 for two.

    The keys compared are those holding one of the three rarest character pairs of ``q``: one edit breaks
    at most two pairs, so a key one edit away keeps one of any three; the cost follows the index's
    rarest postings, not the size of the table.
    """
    if len(q) < 3 or len(q) > 64:
        return {}
    pairs = sorted({q[j : j + 2] for j in range(len(q) - 1)}, key=lambda p: len(grams.get(p, _NONE)))
    candidates: set[int] = set()
    for pair in pairs[:3]:
        candidates.update(grams.get(pair, _NONE))
    out: dict[int, float] = {}
    size = len(q)
    for k in candidates:
        text = texts[k]
        most = 1 if len(text) <= 5 else 2
        if abs(len(text) - size) > most:
            continue
        d = _edits(q, text, most)
        if d <= most:
            score = 50.0 - 10.0 * (d - 1)
            owner = owners[k]
            if score > out.get(owner, 0.0):
                out[owner] = score
    return out


def _edits(a: str, b: str, most: int) -> int:
    """Levenshtein distance of ``a`` and ``b`` when it is at most ``most`` (small), else ``most + 1``.

    Strips the common prefix and suffix, then tries the three edits at the first difference: a handful
    of string comparisons instead of a full table (``most`` is 1 or 2 here).
    """
    if abs(len(a) - len(b)) > most:
        return most + 1
    i, n = 0, min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a, b = a[i : len(a) - j], b[i : len(b) - j]
    if not a or not b:
        d = len(a) or len(b)
        return d if d <= most else most + 1
    if most == 0:
        return 1
    rest = min(_edits(a[1:], b[1:], most - 1), _edits(a[1:], b, most - 1), _edits(a, b[1:], most - 1))
    return rest + 1 if rest < most else most + 1


def _default_keys(rec: Any) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = [("id", rec.id), ("zh", rec.name_zh)]
    for attr, kind in (("name_en", "en"), ("pinyin", "pinyin"), ("initials", "initials")):
        value = getattr(rec, attr, None)
        if value:
            keys.append((kind, value))
    for alias in getattr(rec, "aliases", ()):
        keys.append(("alias", alias))
    for cas in getattr(rec, "cas", ()):
        keys.append(("cas", cas))
    printed = getattr(rec, "cas_printed", None)
    if printed:
        keys.extend(("cas", token) for token in re.findall(r"\d{2,7}-\d{2}-\d{1,2}", printed))
    return keys
