"""Identifier checks over whole columns: one rule code per row, the same answers as ``validate``.

:func:`check` takes an Arrow string array, a numpy array or a list of codes and returns a
:class:`Checked`: an int8 code per row (``0`` valid, else an index into :attr:`Checked.rules`). The
work is done once per *distinct* value (a column of regions or industries holds a few thousand codes
however long it is), and USCCs -- distinct per enterprise -- go through a numpy kernel of the
GB 32100-2015 check character (GB/T 17710 MOD 31-3: weights 3ⁱ mod 31) over the UTF-32 code points of
the values; values the kernel does not handle (full-width text, separators, non-ASCII) go through the
scalar :func:`ohsreg.identifiers.uscc.validate`, so the answer is always the scalar one (tested).

>>> r = check("uscc", ["91110000600037341L", "91110000600037341M", None, "9111"])
>>> r.rule_of_rows()
[None, 'uscc.checksum', 'uscc.type', 'uscc.length']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Literal

import attrs

from ohsreg.errors import OhsregError

__all__ = ["KINDS", "Checked", "check"]

Kind = Literal["uscc", "cas", "division", "industry", "resident_id"]
KINDS: tuple[str, ...] = ("uscc", "cas", "division", "industry", "resident_id")

_INVALID, _SEPARATOR = 255, 254


def _np() -> Any:
    import numpy

    return numpy


@attrs.frozen(eq=False)
class Checked:
    """Per-row results of :func:`check`: ``codes`` (int8, ``0`` valid) and the rule codes they index."""

    codes: Any
    rules: tuple[str, ...]

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    @property
    def valid(self) -> Any:
        """Boolean mask of the valid rows."""
        return self.codes == 0

    def rule_of_rows(self) -> list[str | None]:
        """The rule code of each row (``None`` when valid)."""
        names = (None, *self.rules)
        return [names[c] for c in self.codes.tolist()]


def _validator(kind: str) -> Callable[[object], object]:
    if kind not in KINDS:
        raise OhsregError(
            "unknown identifier kind {kind!r}",
            rule="identifiers.kind",
            field="kind",
            hint="use one of {kinds}",
            kind=kind,
            kinds=", ".join(KINDS),
        )
    module = importlib.import_module(f"ohsreg.identifiers.{kind}")
    validate: Callable[[object], object] = module.validate
    return validate


def _distinct(values: Any) -> tuple[Any, list[Any]]:
    """int64 codes (``-1`` for null) and the distinct values (Arrow arrays, numpy arrays, lists)."""
    np = _np()
    if hasattr(values, "dictionary_encode") or hasattr(values, "combine_chunks"):
        pa = importlib.import_module("pyarrow")
        arr = values.combine_chunks() if hasattr(values, "combine_chunks") else values
        if not pa.types.is_dictionary(arr.type):
            arr = arr.dictionary_encode()
        codes = np.asarray(arr.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        return codes, arr.dictionary.to_pylist()
    try:
        pd = importlib.import_module("pandas")
    except ImportError:  # pragma: no cover - pandas is in the test environment
        index: dict[Any, int] = {}
        items = list(values)
        codes = np.array([-1 if v is None else index.setdefault(v, len(index)) for v in items], np.int64)
        return codes, list(index)
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64), list(uniques.tolist())


def check(kind: Kind | str, values: Any) -> Checked:
    """Check every value of a column of ``kind`` identifiers (``uscc``, ``cas``, ``division``…).

    The rule code of a row is the one the scalar ``ohsreg.identifiers.<kind>.validate`` raises
    (``uscc.checksum``, ``division.unknown``…); nulls get ``<kind>.type`` as ``validate(None)`` does.
    """
    np = _np()
    validate = _validator(kind)
    if kind == "uscc" and _is_arrow_text(values):
        return _uscc_arrow(values, validate)
    codes, uniques = _distinct(values)
    rules: list[str] = []
    per_value = np.zeros(len(uniques) + 1, dtype=np.int8)  # the extra slot answers for nulls (-1)
    per_value[-1] = _index(rules, _rule_of(validate, None))
    todo = list(range(len(uniques)))
    if kind == "uscc" and uniques:
        todo = _uscc_kernel(uniques, per_value, rules)
    for i in todo:
        per_value[i] = _index(rules, _rule_of(validate, uniques[i]))
    return Checked(codes=per_value[codes], rules=tuple(rules))


def _index(rules: list[str], code: str | None) -> int:
    """1 + the position of rule ``code`` in ``rules`` (appended when new); 0 for no rule (valid)."""
    if code is None:
        return 0
    if code not in rules:
        rules.append(code)
    return rules.index(code) + 1


def _rule_of(validate: Callable[[object], object], value: object) -> str | None:
    try:
        validate(value)
    except OhsregError as exc:
        return exc.rule
    return None


def _lut() -> Any:
    np = _np()
    lut = np.full(128, _INVALID, dtype=np.uint8)
    from ohsreg.identifiers.uscc import CHARACTERS

    for value, char in enumerate(CHARACTERS):
        lut[ord(char)] = value
        lut[ord(char.lower())] = value  # compact() upper-cases
    # separators compact() removes, and control characters prepare() refuses with its own rule:
    # leave values holding any of them to the scalar path, which gives the exact rule
    for char in [" ", "-", *map(chr, range(32)), "\x7f"]:
        lut[ord(char)] = _SEPARATOR
    return lut


def _judge(points: Any, rules: list[str]) -> tuple[Any, Any]:
    """Codes for 18-character ASCII values given as code points, and the mask of those left to the scalar
    path (separators inside: ``compact`` would change them)."""
    np = _np()
    from ohsreg.identifiers.uscc import WEIGHTS

    high = points >= 128
    vals = _lut()[points & 127]
    vals[high] = _INVALID
    separators = (vals == _SEPARATOR).any(axis=1)
    bad_char = (vals == _INVALID).any(axis=1) | (vals[:, 2:8] >= 10).any(axis=1)
    total = np.zeros(len(points), dtype=np.int64)
    for i, weight in enumerate(WEIGHTS):  # 17 column operations: faster than an integer matmul
        total += vals[:, i].astype(np.int64) * weight
    wrong_check = (31 - total % 31) % 31 != vals[:, 17]
    codes = np.zeros(len(points), dtype=np.int8)
    for mask, rule in ((bad_char, "uscc.format"), (~bad_char & wrong_check, "uscc.checksum")):
        if (mask & ~separators).any():
            codes[mask] = _index(rules, rule)
    return codes, separators


def _is_arrow_text(values: Any) -> bool:
    if not (hasattr(values, "combine_chunks") or hasattr(values, "dictionary_encode")):
        return False
    pa = importlib.import_module("pyarrow")
    return bool(pa.types.is_string(values.type) or pa.types.is_large_string(values.type))


def _uscc_arrow(values: Any, validate: Callable[[object], object]) -> Checked:
    """USCCs of an Arrow string column: the 18-byte ASCII ones straight from Arrow's data buffer."""
    np = _np()
    pa = importlib.import_module("pyarrow")
    pc = importlib.import_module("pyarrow.compute")
    arr = values.combine_chunks() if hasattr(values, "combine_chunks") else values
    arr = arr.cast(pa.string()) if pa.types.is_large_string(arr.type) else arr
    rules: list[str] = []
    out = np.zeros(len(arr), dtype=np.int8)
    nulls = np.asarray(arr.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    if nulls.any():
        out[nulls] = _index(rules, _rule_of(validate, None))
    fits = pc.and_(pc.string_is_ascii(arr), pc.equal(pc.binary_length(arr), 18))
    fits = np.asarray(fits.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    rows = np.flatnonzero(fits)
    left = ~fits & ~nulls
    if rows.size:
        picked = pc.take(arr, pa.array(rows))
        offsets = np.frombuffer(picked.buffers()[1], dtype=np.int32)[
            picked.offset : picked.offset + rows.size + 1
        ]
        data = np.frombuffer(picked.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        codes, separators = _judge(data.reshape(rows.size, 18), rules)
        out[rows] = codes
        left[rows[separators]] = True
    for i in np.flatnonzero(left).tolist():
        out[i] = _index(rules, _rule_of(validate, arr[i].as_py()))
    return Checked(codes=out, rules=tuple(rules))


def _uscc_kernel(uniques: list[Any], per_value: Any, rules: list[str]) -> list[int]:
    """Judge the plain ASCII values of ``uniques`` in numpy; return the indices left to the scalar path."""
    np = _np()
    texts = [u if isinstance(u, str) else "" for u in uniques]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    is_text = np.fromiter((isinstance(u, str) for u in uniques), dtype=bool, count=len(uniques))
    # UTF-32 code points, 18 per value (longer values are only looked at through their length)
    points = np.array(texts, dtype="<U18").view(np.uint32).reshape(len(texts), 18)
    ascii_ = (points < 128).all(axis=1)
    # "<U18" pads shorter values with NUL, which the table marks as a separator: look only inside each value
    inside = np.arange(18) < lengths[:, None]
    separators = ((_lut()[np.minimum(points, 127)] == _SEPARATOR) & inside).any(axis=1)
    simple = is_text & ascii_ & ~separators & (lengths <= 18)
    codes = np.zeros(len(texts), dtype=np.int8)
    wrong_length = simple & (lengths != 18)
    if wrong_length.any():
        codes[wrong_length] = _index(rules, "uscc.length")
    full = simple & (lengths == 18)
    if full.any():
        judged, _ = _judge(points[full], rules)
        codes[full] = judged
    per_value[: len(texts)][simple] = codes[simple]
    left: list[int] = np.flatnonzero(~simple).tolist()
    return left
