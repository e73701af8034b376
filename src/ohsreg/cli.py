"""The ``ohsreg`` command line.

Subcommands import what they need when they run, so ``ohsreg --help`` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]


def _cmd_version(args: argparse.Namespace) -> int:
    from ohsreg._version import __version__

    print(__version__)
    return 0


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="ohsreg",
        description="Chinese occupational-health supervision vocabulary: lookups, checks, exports.",
    )
    parser.add_argument("--locale", default="zh_CN", help="message locale: zh_CN (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}

    sub.add_parser("version", help="print the library version")
    handlers["version"] = _cmd_version
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    from ohsreg.errors import OhsregError
    from ohsreg.i18n import use

    try:
        with use(args.locale):
            return handlers[args.command](args)
    except OhsregError as err:
        print(f"ohsreg: {err.message()} [{err.rule}]", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
