"""Hatch build hook: compile the gettext catalogues (``.po`` in git) to ``.mo`` inside the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every ``src/ohsreg/i18n/locale/*/LC_MESSAGES/*.po`` next to itself; return the ``.mo`` paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / "src" / "ohsreg" / "i18n" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, catalog)
        written.append(mo)
    return written


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for mo in compile_catalogs(root):
            # .mo files are build output (git-ignored), so list them explicitly as artifacts.
            build_data["artifacts"].append(mo.relative_to(root).as_posix())


if __name__ == "__main__":
    for path in compile_catalogs(Path(__file__).resolve().parent.parent):
        print(path)
