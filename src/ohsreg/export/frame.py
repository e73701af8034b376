"""DataFrames (extra ``frame``: ``pip install 'ohsreg[frame]'``, pandas and/or polars).

:func:`to_frame` gives one row per record and one column per flattened path, named as in
:mod:`ohsreg.export.csv` (``posts.0.samples.1.value.value``), holding typed values (numbers, booleans,
text; dates as ISO text); :func:`from_frame` reads such a frame back into validated records (missing
values -- ``None``, ``NaN``, ``null`` -- are nulls). Personal data is masked unless ``unmask=True``.

>>> from ohsreg.models import Authority
>>> a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
>>> df = to_frame([a])  # doctest: +SKIP
>>> from_frame(df, Authority) == [a]  # doctest: +SKIP
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ohsreg.export._io import context, list_adapter, require

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["from_frame", "to_frame"]

M = TypeVar("M", bound="BaseModel")


def to_frame(
    records: Iterable[BaseModel],
    *,
    library: Literal["pandas", "polars"] = "pandas",
    model: type[BaseModel] | None = None,
    unmask: bool = False,
) -> Any:
    """A pandas (default) or polars DataFrame of ``records`` (all of one model), flattened columns."""
    from ohsreg.export._columns import _model_of, columns_of, flatten

    items = list(records)
    cls = _model_of(items, model)
    rows = [flatten(d) for d in list_adapter(cls).dump_python(items, mode="json", context=context(unmask))]
    cols = columns_of(rows, cls)
    data = {c: [r.get(c) for r in rows] for c in cols}
    if library == "polars":
        pl = require("polars", "frame")
        return pl.DataFrame(data, strict=False)
    pd = require("pandas", "frame")
    return pd.DataFrame(data, columns=cols)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: Any) -> Any:
    item = getattr(value, "item", None)  # numpy scalars -> Python scalars
    return item() if callable(item) and type(value).__module__ == "numpy" else value


def from_frame(frame: Any, model: type[M]) -> list[M]:
    """Records of ``model`` from a pandas or polars DataFrame made by :func:`to_frame`.

    Unknown columns raise ``export.unknown_column``; invalid rows raise
    :class:`~ohsreg.export.csv.RecordError` with their 1-based row number.
    """
    from ohsreg.errors import UnknownEntry
    from ohsreg.export._columns import _table, unflatten
    from ohsreg.export._io import error_items, record_error

    table = _table(model)
    cols = [str(c) for c in frame.columns]
    bad = [c for c in cols if not table.known(c)]
    if bad:
        raise UnknownEntry(
            "unknown column(s) for {model}: {names}",
            rule="export.unknown_column",
            model=model.__name__,
            names=", ".join(bad),
        )
    # polars has to_dicts(); pandas to_dict(orient="records")
    raw_rows = frame.to_dicts() if hasattr(frame, "to_dicts") else frame.to_dict(orient="records")
    rows = [
        unflatten({k: (None if _missing(v) else _plain(v)) for k, v in r.items()}, model) for r in raw_rows
    ]
    from pydantic import ValidationError

    try:
        result: list[M] = list_adapter(model).validate_python(rows)
    except ValidationError as err:
        raise record_error(error_items(err), model) from err
    return result
