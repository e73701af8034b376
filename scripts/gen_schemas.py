#!/usr/bin/env python3
"""Regenerate ``schemas/*.json`` (one JSON Schema per public model) and keep the ledger ``schemas/VERSIONS.md``.

Usage (from the project root)::

    .venv/bin/python scripts/gen_schemas.py            # write the schemas, append new versions to the ledger
    .venv/bin/python scripts/gen_schemas.py --check    # write nothing; exit 1 and say what is missing
    .venv/bin/python scripts/gen_schemas.py release [VERSION]   # mark the Unreleased lines (default: __version__)

The ledger is a Markdown table with one line per published version of each schema: the model, its
fingerprint token ``schemas/<Model>.json@<hash>`` (:func:`ohsreg.export.jsonschema.version_token`; the
hash changes with any change to the schema), the release that ships it (``Unreleased`` until the release
step marks it) and the change class that :func:`~ohsreg.export.jsonschema.compare` gives against the
model's last *released* version: ``major`` (breaking: removed or retyped fields, new required fields,
removed codes), ``minor`` (additions; a new model) or ``patch`` (descriptions only).

A model has at most one ``Unreleased`` line, for the schema the code generates now: when a schema
changes again before the release, its ``Unreleased`` line is replaced (the intermediate version was never
published) and the class is computed again against the released version, which is read from the
committed file or, when that already moved on, from the git history of ``schemas/<Model>.json``.

The rules (enforced by ``tests/export/test_jsonschema.py``): every committed schema equals what the code
generates; the ledger has a line for every current fingerprint; and every ``Unreleased`` ``major`` or
``minor`` line is announced to users: the ``## [Unreleased]`` section of CHANGELOG.md names the schema
(``schemas/<Model>.json``, without the hash — hashes stay in the ledger).

Release step: bump ``src/ohsreg/_version.py``, run this script (schemas say the new version), move the
CHANGELOG bullets under the new version heading, then ``gen_schemas.py release``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "schemas"
LEDGER = OUT / "VERSIONS.md"
CHANGELOG = ROOT / "CHANGELOG.md"
UNRELEASED = "Unreleased"
REMOVED = "removed"
"""The fingerprint part of the token of a line that records a model's removal (``schemas/X.json@removed``)."""

_HEADER = """\
# Schema versions

One line per published version of the JSON Schema of each public model (`schemas/<Model>.json`): its
fingerprint token (`ohsreg.export.jsonschema.version_token`), the release that ships it, and how it
changed against the model's previous release (`major`: breaking, `minor`: additions or a new model,
`patch`: descriptions only). Maintained by `scripts/gen_schemas.py`: it appends a line with release
`Unreleased` for each new fingerprint, and `gen_schemas.py release` marks those lines with the version.
The release notes (CHANGELOG.md) name the changed schemas in words; the hashes live here.

| model | fingerprint token | release | change |
|---|---|---|---|
"""
_ROW = re.compile(r"^\| (\w+) \| `(schemas/\w+\.json@\w+)` \| ([\w.+-]+) \| (major|minor|patch) \|$")
_RELEASE_HEADING = re.compile(r"^## \[", re.M)


@dataclass(frozen=True)
class Line:
    """One ledger line: a version of a model's schema and the release that ships it."""

    model: str
    token: str
    release: str
    change: str

    def render(self) -> str:
        return f"| {self.model} | `{self.token}` | {self.release} | {self.change} |"


def read_ledger(path: Path = LEDGER) -> list[Line]:
    """The ledger's lines, in file order (an absent ledger is empty)."""
    if not path.exists():
        return []
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(text)
        if match:
            lines.append(Line(*match.groups()))
        elif text.startswith("| ") and not text.startswith(("| model ", "|---")):
            raise ValueError(f"{path.name}: not a ledger line: {text!r}")
    return lines


def render_ledger(lines: list[Line]) -> str:
    return _HEADER + "".join(line.render() + "\n" for line in lines)


def unreleased_section(changelog: str) -> str:
    """The text of CHANGELOG.md between ``## [Unreleased]`` and the next release heading."""
    start = changelog.find("## [Unreleased]")
    if start < 0:
        return ""
    body = changelog[start + len("## [Unreleased]") :]
    end = _RELEASE_HEADING.search(body)
    return body if end is None else body[: end.start()]


def unannounced(lines: list[Line], changelog: str) -> list[Line]:
    """``Unreleased`` major/minor lines whose schema the CHANGELOG ``[Unreleased]`` section does not name.

    Before the first release every schema is new and the release notes announce them together, so only
    changes after a first release must be named one by one."""
    if all(line.release == UNRELEASED for line in lines):
        return []
    section = unreleased_section(changelog)
    return [
        line
        for line in lines
        if line.release == UNRELEASED
        and line.change in {"major", "minor"}
        and f"schemas/{line.model}.json" not in section
    ]


def render(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _git_versions(name: str) -> list[dict[str, Any]]:
    """Every committed version of ``schemas/<name>.json``, newest first (none without git)."""
    path = f"schemas/{name}.json"
    try:
        revs = subprocess.run(
            ["git", "log", "--format=%H", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return []
    found = []
    for rev in revs:
        shown = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            found.append(json.loads(shown.stdout))
    return found


def _released_document(name: str, token: str, committed: dict[str, Any] | None) -> dict[str, Any] | None:
    from ohsreg.export.jsonschema import version_token

    for doc in [committed] if committed is not None else []:
        if version_token(name, doc) == token:
            return doc
    return next((doc for doc in _git_versions(name) if version_token(name, doc) == token), None)


def _classify(
    name: str, new: dict[str, Any] | None, committed: dict[str, Any] | None, ledger: list[Line]
) -> str:
    """The change class of ``new`` against the model's last released version ("none" when equal)."""
    from ohsreg.export.jsonschema import compare

    released = [line for line in ledger if line.model == name and line.release != UNRELEASED]
    if not released or released[-1].token.endswith(f"@{REMOVED}"):
        return compare(None, new)
    base = _released_document(name, released[-1].token, committed)
    if base is None:
        print(
            f"  {name}: released version {released[-1].token} not found in git; classified major (check it)"
        )
        return "major"
    return compare(base, new)


def update_ledger(
    generated: dict[str, dict[str, Any]], committed: dict[str, dict[str, Any]], ledger: list[Line]
) -> list[Line]:
    """The ledger with one ``Unreleased`` line per model whose current fingerprint is not recorded
    (superseded ``Unreleased`` lines dropped, removals recorded)."""
    from ohsreg.export.jsonschema import version_token

    result = list(ledger)
    for name in sorted(set(generated) | {line.model for line in ledger}):
        new = generated.get(name)
        token = version_token(name, new) if new is not None else f"schemas/{name}.json@{REMOVED}"
        mine = [line for line in result if line.model == name]
        if any(line.token == token for line in mine):
            result = [line for line in result if not (line.model == name and line.release == UNRELEASED)] + [
                line for line in mine if line.release == UNRELEASED and line.token == token
            ]
            continue
        change = _classify(name, new, committed.get(name), ledger)
        result = [line for line in result if not (line.model == name and line.release == UNRELEASED)]
        if change != "none":
            result.append(Line(name, token, UNRELEASED, change))
    return result


def release(version: str) -> int:
    """Mark every ``Unreleased`` ledger line with ``version`` (the ledger must be current)."""
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        print(f"release: {version!r} is not a final version (X.Y.Z); bump src/ohsreg/_version.py first")
        return 2
    if main(["--check"]) != 0:
        print("release: the schemas or the ledger are not current; run scripts/gen_schemas.py first")
        return 1
    lines = read_ledger()
    marked = [replace(line, release=version) if line.release == UNRELEASED else line for line in lines]
    LEDGER.write_text(render_ledger(marked), encoding="utf-8")
    print(f"release {version}: {sum(line.release == UNRELEASED for line in lines)} ledger lines marked")
    return 0


def main(argv: list[str]) -> int:
    from ohsreg.export.jsonschema import schemas

    if argv[:1] == ["release"]:
        from ohsreg import __version__

        return release(argv[1] if len(argv) > 1 else __version__)
    check = "--check" in argv
    generated = schemas()
    committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in OUT.glob("*.json")}
    status = 0
    for name in sorted(set(generated) | set(committed)):
        new, old = generated.get(name), committed.get(name)
        if new is None:
            print(f"removed: schemas/{name}.json")
            status = 1
            if not check:
                (OUT / f"{name}.json").unlink()
        elif old is None or render(old) != render(new):
            status = 1
            print(f"{'changed' if old else 'new'}: schemas/{name}.json")
            if not check:
                OUT.mkdir(exist_ok=True)
                (OUT / f"{name}.json").write_text(render(new), encoding="utf-8")
    ledger = read_ledger()
    updated = update_ledger(generated, committed, ledger)
    if updated != ledger:
        status = 1
        for line in sorted(set(updated) - set(ledger), key=lambda line: line.model):
            print(f"  ledger{' needs' if check else ':'} {line.render()}")
        for line in sorted(set(ledger) - set(updated), key=lambda line: line.model):
            print(
                f"  ledger{' needs to drop' if check else ' dropped'} (superseded, never released): {line.token}"
            )
        if not check:
            LEDGER.write_text(render_ledger(updated), encoding="utf-8")
    kinds = {"major": "BREAKING: say what breaks", "minor": "say what was added"}
    for line in unannounced(updated, CHANGELOG.read_text(encoding="utf-8")):
        status = 1
        print(f"  name `schemas/{line.model}.json` in CHANGELOG.md under [Unreleased] ({kinds[line.change]})")
    return status if check else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main(sys.argv[1:]))
