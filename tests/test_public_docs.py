"""The documented surface is complete: docstrings of every public name, field descriptions of the models
(the glossary's terms at least), and an English and a Chinese guide for every topic."""

from __future__ import annotations

import ast
import inspect
import itertools
import re
from pathlib import Path

import attrs
import pydantic

import ohsreg

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "ohsreg"

#: Models whose every field is described (the core records of the glossary).
FULLY_DESCRIBED = ("Enterprise", "ConstructionProject", "TechnicalServiceAgency", "Expert")
#: attrs records of the catalogue whose every field is described (attribute docstring or class docstring).
FULLY_DESCRIBED_RECORDS = ("HazardFactor", "ExposureLimit")


#: The field-style identifiers of the project glossary (/work/shared/glossary.md: ``uscc``, ``industry``,
#: ``region``, ``principal``, ``review``…); a public model field with one of these names (or its plural)
#: must have a description. (docs/glossary.md, the published one, lists the class names only.)
GLOSSARY_FIELDS = frozenset(
    [
        "business_scope",
        "contraindication",
        "critical_effect",
        "disclosure",
        "exposure_time_ratio",
        "free_silica",
        "highly_toxic",
        "industry",
        "lex_8h",
        "lex_w",
        "oh_manager",
        "principal",
        "recusal",
        "region",
        "respirable",
        "review",
        "sensitiser",
        "skin",
        "uscc",
        "wbgt",
    ]
)


def _attribute_docstrings(path: Path) -> dict[str, str]:
    """Module-level ``NAME = …`` / ``NAME: T = …`` followed by a string: the attribute docstring."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    docs: dict[str, str] = {}
    for stmt, nxt in itertools.pairwise(body):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
        if (
            isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            for t in targets:
                if isinstance(t, ast.Name):
                    docs[t.id] = nxt.value.value
    return docs


def _alias_docs() -> dict[str, str]:
    docs: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        docs.update(_attribute_docstrings(path))
    return docs


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in ohsreg.__all__:
        obj = getattr(ohsreg, name)
        if inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isfunction(obj):
            doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
            if not (doc or "").strip():
                missing.append(name)
            continue
        # a constant or a type alias: the string after its assignment, in the module that defines it
        if not _alias_docs().get(name, "").strip():
            missing.append(name)
    assert not missing, f"add docstrings: {missing}"


def _public_models() -> list[type[pydantic.BaseModel]]:
    return [
        obj
        for name in ohsreg.__all__
        if inspect.isclass(obj := getattr(ohsreg, name)) and issubclass(obj, pydantic.BaseModel)
    ]


def test_core_models_describe_every_field() -> None:
    missing = {
        name: [f for f, info in getattr(ohsreg, name).model_fields.items() if not info.description]
        for name in FULLY_DESCRIBED
    }
    assert not any(missing.values()), f"add a docstring under these fields: {missing}"


def test_glossary_fields_are_described_in_every_public_model() -> None:
    terms = GLOSSARY_FIELDS
    assert {"uscc", "industry", "region", "principal"} <= terms
    missing = [
        f"{model.__name__}.{field}"
        for model in _public_models()
        for field, info in model.model_fields.items()
        if (field in terms or field.removesuffix("s") in terms) and not info.description
    ]
    assert len(_public_models()) > 30
    assert not missing, f"describe these glossary fields: {missing}"


def test_catalogue_records_describe_every_field() -> None:
    missing = []
    for name in FULLY_DESCRIBED_RECORDS:
        cls = getattr(ohsreg, name)
        tree = ast.parse(inspect.getsource(cls).strip())
        body = tree.body[0].body  # type: ignore[attr-defined]
        documented = {
            stmt.target.id
            for stmt, nxt in itertools.pairwise(body)
            if isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
        }
        doc = cls.__doc__ or ""
        missing += [
            f"{name}.{f.name}"
            for f in attrs.fields(cls)
            if f.name not in documented and f"``{f.name}``" not in doc
        ]
    assert not missing, f"describe these fields: {missing}"


# -- guides ------------------------------------------------------------------------------------------


def _pages(lang: str) -> set[str]:
    folder = ROOT / "docs" / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def test_every_guide_exists_in_both_languages() -> None:
    en, zh = _pages("en"), _pages("zh")
    assert len(en) > 5
    assert en == zh, f"only in en: {sorted(en - zh)}; only in zh: {sorted(zh - en)}"


def test_guides_are_paired_in_the_nav() -> None:
    nav = re.findall(
        r"^\s*- [^:]+: ((?:en|zh)/[\w/.-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    )
    assert sorted(p[3:] for p in nav if p.startswith("en/")) == sorted(_pages("en"))
    assert sorted(p[3:] for p in nav if p.startswith("zh/")) == sorted(_pages("zh"))
    for en, zh in zip(nav[::2], nav[1::2], strict=True):
        assert en.startswith("en/"), (en, zh)
        assert zh == "zh/" + en[3:], f"the zh page after {en} should be its translation, not {zh}"
