#!/usr/bin/env python3
"""Regenerate ``schemas/*.json`` (one JSON Schema per public model) and say what to add to CHANGELOG.md.

Usage: ``.venv/bin/python scripts/gen_schemas.py [--check]``. With ``--check`` nothing is written; the
exit code is 1 when a file would change or a changelog token is missing.

The rule (enforced by ``tests/export/test_jsonschema.py``): every committed schema equals what the code
generates, and CHANGELOG.md contains the token ``schemas/<Model>.json@<fingerprint>`` of every schema
(the fingerprint changes with any change to the schema). The script classifies each change: ``major``
(breaking: removed/retyped fields, new required fields, removed codes -> needs the next major version),
``minor`` (additions -> next minor version) or ``patch`` (descriptions).

A schema first added under ``## [Unreleased]`` has never been published: when it changes again before
the release, replace its token in that bullet instead of adding a new line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "schemas"


def render(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    from ohsreg.export.jsonschema import changelog_token, compare, schemas

    check = "--check" in argv
    generated = schemas()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    committed = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in OUT.glob("*.json")}
    status = 0
    missing: list[str] = []
    for name in sorted(set(generated) | set(committed)):
        new, old = generated.get(name), committed.get(name)
        change = compare(old, new)
        if new is None:
            print(f"removed: schemas/{name}.json ({change}: needs the next major version)")
            if not check:
                (OUT / f"{name}.json").unlink()
            status = 1
            continue
        if old is None or render(old) != render(new):
            status = 1
            if not check:
                OUT.mkdir(exist_ok=True)
                (OUT / f"{name}.json").write_text(render(new), encoding="utf-8")
            if change != "none":
                print(f"changed: schemas/{name}.json ({change})")
        token = changelog_token(name, new)
        if token not in changelog:
            status = 1
            kind = {"major": "BREAKING (next major version)", "minor": "addition (next minor version)"}
            print(f"  add to CHANGELOG.md: - Schema `{token}`: {kind.get(change, 'description change')} …")
            missing.append(token)
    if len(missing) > 1:
        print("\nor one bullet for all of them:\n- Schemas: " + ", ".join(f"`{t}`" for t in missing) + ".")
    return status if check else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main(sys.argv[1:]))
