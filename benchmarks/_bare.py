"""A "bare" pydantic mirror of a model: the same fields and nesting, core types only, no ohsreg validators.

The baseline of the record-validation benchmarks: ohsreg identifiers become ``str``, vocabularies
``str``, quantities ``{value: float, unit: str}``, nested records their bare mirrors; constraints that
pydantic-core checks itself (lengths, bounds) are kept, model validators are dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Annotated, Any, Union

import annotated_types
import pydantic
from pydantic import BaseModel, ConfigDict, create_model

_CACHE: dict[type, type[BaseModel]] = {}


class BareQuantity(BaseModel):
    value: float
    unit: str


def bare(model: type[BaseModel]) -> type[BaseModel]:
    """The bare mirror of ``model`` (cached)."""
    if model in _CACHE:
        return _CACHE[model]
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation = _bare_type(
            info.rebuild_annotation() if hasattr(info, "rebuild_annotation") else info.annotation
        )
        default = ... if info.is_required() else (info.default if info.default_factory is None else None)
        fields[name] = (annotation, default)
    mirror = create_model(f"Bare{model.__name__}", __config__=ConfigDict(frozen=True), **fields)
    _CACHE[model] = mirror
    return mirror


_KEEP = (
    annotated_types.MinLen,
    annotated_types.MaxLen,
    annotated_types.Ge,
    annotated_types.Le,
    annotated_types.Gt,
    annotated_types.Lt,
)


def _bare_type(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        base, *meta = typing.get_args(tp)
        kept = [
            m
            for m in meta
            if isinstance(m, _KEEP) or (isinstance(m, pydantic.fields.FieldInfo) and m.metadata)
        ]
        inner = _bare_type(base)
        if inner is not base:
            return inner
        simple = [
            k
            for m in kept
            for k in (m.metadata if isinstance(m, pydantic.fields.FieldInfo) else [m])
            if isinstance(k, _KEEP)
        ]
        return Annotated[(inner, *simple)] if simple else inner
    if origin in (Union, types.UnionType):
        return Union[tuple(_bare_type(a) for a in typing.get_args(tp))]  # noqa: UP007
    if origin in (tuple, list, frozenset, set):
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return tuple[_bare_type(args[0]), ...]
        return origin[tuple(_bare_type(a) for a in args)] if args else origin
    if origin is dict:
        k, v = typing.get_args(tp)
        return dict[_bare_type(k), _bare_type(v)]
    if origin is typing.Literal:
        return tp
    if isinstance(tp, type):
        if issubclass(tp, BaseModel):
            return bare(tp)
        if issubclass(tp, enum.Enum):
            return str
        if tp in (str, int, float, bool, dt.date, dt.datetime, type(None)):
            return tp
        if tp.__name__ in ("Quantity", "SoundLevel"):
            return BareQuantity
        return Any
    return Any
