"""The bilingual surface is complete, project-wide.

* every message template the package shows (the first argument of an :class:`~ohsreg.errors.OhsregError`
  subclass, ``hint=``, ``template=``, :func:`~ohsreg.models.base.rule_error`,
  :func:`~ohsreg.models.base.require_order`, :func:`~ohsreg.models.base.finding`, the assess ``msg``,
  the command line's ``_t`` and direct ``gettext`` calls) has a non-empty zh_CN translation;
* each translation uses the same ``{placeholders}`` as its msgid (a localised parameter may show as
  ``{x_zh}`` in zh where the msgid has ``{x}`` or ``{x_en}``), and each call passes all of them;
* a finding parameter given as an enum ``.code`` shows in zh as its label, not the code;
* no msgid is defined twice in one ``.po`` file, nor in two files with different translations;
* every :class:`~ohsreg.vocab.LabeledEnum` of the package has zh and en labels and unique codes.

Templates are found by reading the source (``ast``), not by importing it. A template held in a variable is
followed to its value: a module or function constant, a dict or tuple of templates indexed at the call,
a loop variable, a parameter (through the calls of that function) or the ``return`` of a helper. What
cannot be followed is listed in ``_DYNAMIC`` with the msgids it can produce, so a new dynamic call site
fails here until someone looks at it. Entries of the catalogues that no template uses are reported as a
warning, not a failure (labels and data text are translated through the same catalogues).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import warnings
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ohsreg
from ohsreg.vocab import LabeledEnum

SRC = Path(ohsreg.__file__).resolve().parent
LOCALE = SRC / "i18n" / "locale" / "zh_CN" / "LC_MESSAGES"

#: Call name -> position of the template among the positional arguments (besides the error classes,
#: found from the source as every class deriving from ``OhsregError``).
_TEMPLATE_AT = {
    "rule_error": 0,
    "require_order": 2,
    "finding": 3,
    "_labelled": 3,
    "msg": 0,
    "gettext": 0,
    "_t": 0,
    "render_message": 0,
}
#: Keywords of the template calls that do not fill a placeholder (an error's ``field`` and a finding's
#: ``due`` and ``subject`` do: their ``message()`` makes them available to the template). Error classes
#: not listed skip ``rule`` and ``hint``.
_NOT_PARAMETERS = {
    "finding": (),
    "_labelled": (),
    "require_order": ("rule", "strict", "hint"),
    "rule_error": ("rule", "hint"),
}
#: Keyword arguments that carry a template whatever the callee.
_TEMPLATE_KEYWORDS = ("hint", "template")

#: Call sites whose template the scanner cannot follow: ``(module, line text fragment)`` -> the msgids
#: they can show. Plumbing that only forwards a template it was given (``OhsregError.message``,
#: ``Finding.message``, ``rule_error`` …) is recognised by the scanner itself and needs no entry.
_DYNAMIC: dict[tuple[str, str], tuple[str, ...]] = {
    # basis is "daily" or "weekly", picked by min() over a generator of pairs
    ("assess/long_shift.py", "basis=msg(basis)"): ("daily", "weekly"),
}

#: Per-area floors carried over from the scanners this test replaced (so an area that loses its
#: templates, or a scanner that stops finding them, fails loudly).
_FLOORS = {
    "models/base models/declaration models/detection models/enforcement models/enterprise models/licence "
    "models/surveillance models/training rules/declaration rules/detection rules/enforcement "
    "rules/surveillance rules/training checks/enterprise": 40,
    "models/project.py checks/project.py": 25,
    "export/ cli/": 30,
    "assess/": 100,
    "units/ vocab/": 30,
}


# -- reading the catalogues ------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    file: str
    line: int
    msgid: str
    msgstr: str


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


@cache
def _entries() -> tuple[Entry, ...]:
    """Every ``msgid``/``msgstr`` pair of every zh_CN ``.po`` file (multi-line strings joined)."""
    found: list[Entry] = []
    for po in sorted(LOCALE.glob("*.po")):
        blocks: list[tuple[int, dict[str, list[str]]]] = []
        key: str | None = None
        for number, raw in enumerate(po.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
            if m:
                key = m.group(1)
                if key == "msgid":
                    blocks.append((number, {}))
                blocks[-1][1].setdefault(key, []).append(_unquote(m.group(2)))
            elif line.startswith('"') and key is not None:
                blocks[-1][1][key].append(_unquote(line))
            else:
                raise AssertionError(f"{po.name}:{number}: cannot read {raw!r}")
        for start, parts in blocks:
            msgid = "".join(parts["msgid"])
            if msgid:  # the header
                found.append(Entry(po.name, start, msgid, "".join(parts.get("msgstr", []))))
    return tuple(found)


def _placeholders(template: str) -> set[str]:
    """The names of the ``{fields}`` of a :meth:`str.format` template (``{a.b!r:>3}`` -> ``a``)."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def _base(name: str) -> str:
    """A localised parameter pair ``x``/``x_en`` (English) and ``x_zh`` (Chinese) counts as one."""
    return re.sub(r"_(zh|en)$", "", name)


# -- reading the source ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    module: str
    line: int
    text: str


class _Scanner:
    """Collects the msgids of every module of the package by following each template to its strings."""

    def __init__(self) -> None:
        self.trees = {
            p.relative_to(SRC).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(SRC.rglob("*.py"))
        }
        self.parents: dict[ast.AST, ast.AST] = {}
        self.module_of: dict[ast.AST, str] = {}
        self.functions: dict[str, list[tuple[str, ast.FunctionDef]]] = defaultdict(list)
        for module, tree in self.trees.items():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
                if isinstance(node, ast.FunctionDef):
                    self.functions[node.name].append((module, node))
            self.module_of[tree] = module
        self.errors = self._error_classes()
        self.template_at = {**dict.fromkeys(self.errors, 0), **_TEMPLATE_AT}
        self.msgids: dict[str, set[Site]] = defaultdict(set)
        self.unresolved: list[Site] = []
        #: (site, msgid, parameter names the call passes) for calls that pass no ``**params``
        self.passed: list[tuple[Site, str, set[str]]] = []

    def _error_classes(self) -> set[str]:
        names = {"OhsregError"}
        grew = True
        while grew:
            grew = False
            for tree in self.trees.values():
                for node in ast.walk(tree):
                    if (
                        isinstance(node, ast.ClassDef)
                        and node.name not in names
                        and any(_name(b) in names for b in node.bases)
                    ):
                        names.add(node.name)
                        grew = True
        return names

    # -- scopes

    def _function(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def _module(self, node: ast.AST) -> str:
        while node in self.parents:
            node = self.parents[node]
        return self.module_of[node]

    # -- following an expression to its strings

    def strings(self, expr: ast.AST, depth: int = 0) -> set[str] | None:
        """The strings ``expr`` can evaluate to, or None when it cannot be followed."""
        if depth > 8:
            return None
        if isinstance(expr, ast.Constant):
            return {expr.value} if isinstance(expr.value, str) else set()
        if isinstance(expr, ast.IfExp):
            return self._union([expr.body, expr.orelse], depth)
        if isinstance(expr, ast.BoolOp):
            return self._union(expr.values, depth)
        if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
            return self._union(expr.elts, depth)
        if isinstance(expr, ast.Dict):
            return self._union([v for v in expr.values if v is not None], depth)
        if isinstance(expr, ast.Subscript):
            return self.strings(expr.value, depth + 1)
        if isinstance(expr, ast.Name):
            return self._name(expr, depth)
        if isinstance(expr, ast.Call):
            return self._returns(expr, depth)
        return None

    def _union(self, exprs: list[ast.expr], depth: int) -> set[str] | None:
        out: set[str] = set()
        for e in exprs:
            got = self.strings(e, depth + 1)
            if got is None:
                return None
            out |= got
        return out

    def _name(self, name: ast.Name, depth: int) -> set[str] | None:
        func = self._function(name)
        scopes: list[ast.AST] = [func] if func is not None else []
        module_tree = name
        while module_tree in self.parents:
            module_tree = self.parents[module_tree]
        scopes.append(module_tree)
        for scope in scopes:
            if isinstance(scope, ast.FunctionDef):
                args = scope.args
                params = [a.arg for a in [*args.posonlyargs, *args.args]]
                if name.id in params or name.id in [a.arg for a in args.kwonlyargs]:
                    return self._parameter(scope, name.id, depth)
            values = list(self._bindings(scope, name.id))
            if values:
                return self._union(values, depth)
        return self._imported(module_tree, name.id, depth)

    def _imported(self, tree: ast.AST, name: str, depth: int) -> set[str] | None:
        """A module constant imported with ``from ohsreg.x import NAME``."""
        for node in getattr(tree, "body", []):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("ohsreg")
                and any((a.asname or a.name) == name for a in node.names)
            ):
                parts = node.module.split(".")[1:]
                for module in ("/".join(parts) + ".py", "/".join([*parts, "__init__.py"])):
                    if module in self.trees:
                        values = list(self._bindings(self.trees[module], name))
                        return self._union(values, depth) if values else None
        return None

    def _bindings(self, scope: ast.AST, name: str) -> Iterator[ast.expr]:
        body = scope.body if isinstance(scope, (ast.FunctionDef, ast.Module)) else []
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and isinstance(scope, ast.Module):
                    break  # module scope: only module-level statements
                if isinstance(node, ast.Assign) and node.value is not None:
                    for target in node.targets:
                        if isinstance(target, ast.Name) and target.id == name:
                            yield node.value
                elif isinstance(node, ast.AnnAssign) and node.value is not None:
                    if isinstance(node.target, ast.Name) and node.target.id == name:
                        yield node.value
                elif (
                    isinstance(node, (ast.For, ast.comprehension))
                    and isinstance(node.target, ast.Name)
                    and node.target.id == name
                ):
                    yield node.iter

    def _parameter(self, func: ast.FunctionDef, param: str, depth: int) -> set[str] | None:
        if func.name in self.template_at or func.name in ("__init__", "message", "render"):
            return set()  # plumbing: forwards a template checked at its own call sites
        args = [a.arg for a in [*func.args.posonlyargs, *func.args.args]]
        if args and args[0] in ("self", "cls"):
            args = args[1:]
        out: set[str] = set()
        calls = 0
        for tree in self.trees.values():
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and _name(node.func) == func.name):
                    continue
                calls += 1
                arg: ast.expr | None = next((k.value for k in node.keywords if k.arg == param), None)
                if arg is None and param in args and args.index(param) < len(node.args):
                    arg = node.args[args.index(param)]
                if arg is None:
                    continue
                got = self.strings(arg, depth + 1)
                if got is None:
                    return None
                out |= got
        if calls:
            return out
        # never called directly: a recipe handed over by reference (``__reduce__`` -> ``_rebuild``)
        referenced = any(
            isinstance(n, ast.Name) and n.id == func.name and isinstance(n.ctx, ast.Load)
            for tree in self.trees.values()
            for n in ast.walk(tree)
        )
        return set() if referenced else None

    def _returns(self, call: ast.Call, depth: int) -> set[str] | None:
        defs = self.functions.get(_name(call.func) or "", [])
        if len(defs) != 1:
            return None
        returns = [n.value for n in ast.walk(defs[0][1]) if isinstance(n, ast.Return) and n.value is not None]
        return self._union(returns, depth) if returns else None

    # -- the call sites

    def scan(self) -> None:
        for module, tree in self.trees.items():
            lines = (SRC / module).read_text(encoding="utf-8").splitlines()
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                exprs: list[ast.expr] = []
                index = self.template_at.get(_name(node.func) or "")
                if index is not None and len(node.args) > index:
                    exprs.append(node.args[index])
                if _name(node.func) != "format":  # ``str.format(hint=...)`` fills a template in
                    exprs += [k.value for k in node.keywords if k.arg in _TEMPLATE_KEYWORDS]
                passed = self._passed(node)
                for expr in exprs:
                    site = Site(module, expr.lineno, lines[expr.lineno - 1].strip())
                    if isinstance(expr, ast.Attribute) and _name(expr.value) in ("self", "err", "cls"):
                        continue  # a stored template, checked where it was created
                    if isinstance(expr, ast.Constant) and expr.value is None:
                        continue
                    got = self.strings(expr)
                    if got is None:
                        known = [v for (m, frag), v in _DYNAMIC.items() if m == module and frag in site.text]
                        if known:
                            got = set(known[0])
                        else:
                            self.unresolved.append(site)
                            continue
                    for text in got:
                        self.msgids[text].add(site)
                        if passed is not None:
                            self.passed.append((site, text, passed))

    def _passed(self, call: ast.Call) -> set[str] | None:
        """The parameter names a template call passes, or None when they cannot be known."""
        name = _name(call.func)
        if name in ("gettext",) or any(k.arg is None for k in call.keywords):
            return None
        if name not in self.template_at:
            return None
        skip = _NOT_PARAMETERS.get(name, ("rule", "hint") if name in self.errors else ())
        passed = {k.arg for k in call.keywords if k.arg and k.arg not in skip}
        if name == "AssessmentError":
            passed.add("where")  # filled in from ``field``
        if name == "require_order":
            for pair in call.args[:2]:
                if isinstance(pair, ast.Tuple) and isinstance(pair.elts[0], ast.Constant):
                    passed.add(str(pair.elts[0].value))
                else:
                    return None
        return passed


def _name(node: ast.AST) -> str | None:
    return getattr(node, "id", None) or getattr(node, "attr", None)


@cache
def _scanned() -> _Scanner:
    scanner = _Scanner()
    scanner.scan()
    return scanner


def _catalogue() -> dict[str, str]:
    return {e.msgid: e.msgstr for e in _entries()}


# -- messages --------------------------------------------------------------------------------------


def test_every_template_can_be_followed() -> None:
    unresolved = _scanned().unresolved
    assert not unresolved, (
        "the template of these call sites cannot be followed to its strings; use a literal or a constant, "
        "or list the msgids in _DYNAMIC: " + "; ".join(f"{s.module}:{s.line} {s.text}" for s in unresolved)
    )


def test_dynamic_entries_still_exist() -> None:
    for module, fragment in _DYNAMIC:
        assert fragment in (SRC / module).read_text(encoding="utf-8"), (module, fragment)


def test_every_template_has_a_zh_translation() -> None:
    msgids = _scanned().msgids
    catalogue = _catalogue()
    missing = sorted(
        f"{sorted(f'{s.module}:{s.line}' for s in sites)[0]}: {m!r}"
        for m, sites in msgids.items()
        if not catalogue.get(m, "").strip()
    )
    assert len(msgids) > 400
    assert not missing, "add zh translations to the area's .po file for:\n" + "\n".join(missing)


def test_area_floors() -> None:
    """Each area keeps at least the number of templates its former scanner asserted."""
    msgids = _scanned().msgids
    for paths, floor in _FLOORS.items():
        prefixes = tuple(paths.split())
        found = {m for m, sites in msgids.items() if any(s.module.startswith(prefixes) for s in sites)}
        assert len(found) > floor, (paths, len(found))


def test_translations_keep_the_placeholders() -> None:
    """Same placeholders in msgid and translation; the translation may show ``{x_zh}`` for ``{x}`` or
    ``{x_en}`` (the Chinese form of a localised parameter) but never an English ``{x_en}``."""
    bad = []
    for e in _entries():
        en, zh = _placeholders(e.msgid), _placeholders(e.msgstr)
        if e.msgstr and {_base(p) for p in en} != {_base(p) for p in zh}:
            bad.append(f"{e.file}:{e.line}: {e.msgid!r} {sorted(en)} -> {sorted(zh)}")
        if any(p.endswith("_en") for p in zh):
            bad.append(f"{e.file}:{e.line}: the zh text of {e.msgid!r} shows an English parameter")
    assert not bad, "\n".join(bad)


def test_every_call_passes_the_parameters_of_both_texts() -> None:
    """A call that passes no ``**params`` gives every placeholder of the msgid and of its translation
    (a missing ``{x_zh}`` would fall back to the English sentence in zh)."""
    catalogue = _catalogue()
    bad = []
    for site, msgid, passed in _scanned().passed:
        need = _placeholders(msgid) | _placeholders(catalogue.get(msgid, ""))
        if need - passed:
            bad.append(f"{site.module}:{site.line} {msgid!r} lacks {sorted(need - passed)}")
    assert not bad, "\n".join(bad)


def test_translations_are_non_empty_and_formattable() -> None:
    bad = []
    for e in _entries():
        if not e.msgstr.strip():
            bad.append(f"{e.file}:{e.line}: empty translation of {e.msgid!r}")
            continue
        try:
            list(string.Formatter().parse(e.msgstr))
        except ValueError as err:
            bad.append(f"{e.file}:{e.line}: {err}")
    assert not bad, "\n".join(bad)


def test_no_duplicate_or_conflicting_msgid() -> None:
    seen: dict[str, list[Entry]] = defaultdict(list)
    for e in _entries():
        seen[e.msgid].append(e)
    problems = []
    for msgid, entries in seen.items():
        files = [e.file for e in entries]
        if len(set(files)) != len(files):
            problems.append(f"{msgid!r} defined twice in {files}")
        if len({e.msgstr for e in entries}) > 1:
            where = ", ".join(f"{e.file}:{e.line} {e.msgstr!r}" for e in entries)
            problems.append(f"{msgid!r} translated differently: {where}")
    assert not problems, "\n".join(problems)


def test_unused_entries_are_reported() -> None:
    """Warn (do not fail) about catalogue entries that no template of the source uses."""
    used = set(_scanned().msgids)
    unused = sorted(f"{e.file}:{e.line} {e.msgid!r}" for e in _entries() if e.msgid not in used)
    if unused:
        warnings.warn(
            f"{len(unused)} .po entries not used by any template found in src: " + "; ".join(unused),
            UserWarning,
            stacklevel=1,
        )


# -- vocabularies ----------------------------------------------------------------------------------


def _labeled_enums() -> list[type[LabeledEnum]]:
    for info in pkgutil.walk_packages(ohsreg.__path__, "ohsreg."):
        if info.name.split(".")[-1] in ("__main__",):
            continue
        importlib.import_module(info.name)
    found: list[type[LabeledEnum]] = []
    todo = list(LabeledEnum.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("ohsreg.") and len(cls):
            found.append(cls)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_labeled_enum_member_has_labels_and_a_unique_code() -> None:
    enums = _labeled_enums()
    assert len(enums) > 20
    problems = []
    for cls in enums:
        codes = [m.code for m in cls]
        if len(set(codes)) != len(codes):
            problems.append(f"{cls.__qualname__}: duplicate codes {codes}")
        if len(cls.__members__) != len(codes):
            problems.append(f"{cls.__qualname__}: aliased members {sorted(cls.__members__)}")
        for m in cls:
            for locale, label in (("zh", m.zh), ("en", m.en)):
                if not isinstance(label, str) or not label.strip():
                    problems.append(f"{cls.__qualname__}.{m.name}: empty {locale} label")
            if m.zh.strip() and not re.search(r"[\u3400-\u9fff]", m.zh) and m.zh == m.en:
                problems.append(f"{cls.__qualname__}.{m.name}: zh label {m.zh!r} is the English one")
            if m.label("zh_CN") != m.zh or m.label("en") != m.en:
                problems.append(f"{cls.__qualname__}.{m.name}: label() disagrees with zh/en")
    assert not problems, "\n".join(problems)


def test_zh_findings_show_labels_not_codes() -> None:
    """A finding parameter given as ``member.code`` shows in zh as its label (``{x_zh}``), not the code."""
    scanner = _scanned()
    catalogue = _catalogue()
    bad = []
    for module, tree in scanner.trees.items():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and _name(node.func) in ("finding", "_labelled")
                and len(node.args) > 3
            ):
                continue
            codes = {
                k.arg
                for k in node.keywords
                if k.arg and isinstance(k.value, ast.Attribute) and k.value.attr == "code"
            }
            for msgid in scanner.strings(node.args[3]) or set():
                shown = codes & _placeholders(catalogue.get(msgid, ""))
                if shown:
                    bad.append(f"{module}:{node.lineno} {msgid!r} shows codes {sorted(shown)} in zh")
    assert not bad, "\n".join(bad)
