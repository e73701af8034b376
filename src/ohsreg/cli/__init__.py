"""The ``ohsreg`` command line.

Subcommands import what they need when they run, so ``ohsreg --help`` stays instant (no pydantic
models, numpy or catalogue until a subcommand needs them).

Exit codes: ``0`` success; ``1`` the input was read but holds invalid records or error findings
(``validate``) ; ``2`` the input could not be read (malformed file, unknown model or column, bad
option). Messages go to stderr in the ``--locale`` chosen (``zh_CN`` by default).

Files: ``.json`` (one record or an array), ``.jsonl``/``.ndjson`` (JSON Lines, streamed), ``.csv``
(flattened columns, see :mod:`ohsreg.export.csv`) and ``.xlsx`` (workbooks of
:func:`ohsreg.export.xlsx.to_xlsx`, extra ``excel``); UTF-8 with or without BOM, UTF-16 and GB18030 are
detected. A progress line is shown on a terminal for runs of 10 000 rows or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["main"]

Handler = Callable[[argparse.Namespace], int]

_FORMATS = ("json", "jsonl", "csv", "xlsx")
_TARGETS = ("csv", "xlsx", "parquet", "jsonl", "json", "jsonschema")
_OPTION_ERRORS = frozenset({"catalogue.unknown_edition", "catalogue.edition_not_in_force"})
_KEYS = ("uscc", "id", "key", "code", "number", "certificate_number", "resident_id")


def _t(text: str, **params: Any) -> str:
    """Translate one of the command line's own messages into the active locale."""
    from ohsreg.i18n import render_message

    return render_message(text, None, **params)


def _err(text: str) -> None:
    print(f"ohsreg: {text}", file=sys.stderr)


def _cmd_version(args: argparse.Namespace) -> int:
    from ohsreg._version import __version__

    print(__version__)
    return 0


# --------------------------------------------------------------------------------------------------
# reading records


def _format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".json", ".csv", ".xlsx"):
        return suffix[1:]
    from ohsreg.errors import InvalidFormat

    raise InvalidFormat(
        "cannot tell the format of {path}",
        rule="cli.format",
        hint="use a .json, .jsonl, .csv or .xlsx file, or pass --format",
        path=str(path),
    )


def _model(name: str | None, path: Path | None) -> type[BaseModel]:
    from ohsreg.errors import OhsregError
    from ohsreg.export.jsonschema import _model as resolve

    if name is None and path is not None:
        stem = path.name.split(".")[0].replace("_", "").replace("-", "")
        try:
            return resolve(stem)[1]
        except OhsregError:
            pass
    if name is None:
        from ohsreg.export.jsonschema import public_models

        raise OhsregError(
            "which model do the records follow?",
            rule="cli.model_missing",
            hint="pass --model NAME (one of {names})",
            names=", ".join(public_models()),
        )
    return resolve(name)[1]


def _records(path: Path, model: type[BaseModel], fmt: str | None) -> Iterator[BaseModel]:
    from ohsreg.export._io import Progress, detect_encoding, note_encoding, open_source

    kind = _format_of(path, fmt)
    if kind == "xlsx":  # a workbook of to_xlsx: its sheets rebuilt into records (extra ``excel``)
        from ohsreg.export.xlsx import from_xlsx

        yield from from_xlsx(path, model)
        return
    with open_source(path) as fh:
        note = note_encoding(detect_encoding(fh.read(1 << 16)))
    if note:
        _err(_t(note))
    progress = Progress(_t("reading {name}", name=path.name))
    if kind == "csv":
        from ohsreg.export.csv import iter_csv

        yield from iter_csv(path, model, progress=progress)
    elif kind == "jsonl":
        from ohsreg.export.json import iter_load

        yield from iter_load(path, model, progress=progress)
    else:
        from ohsreg.export._io import decode, read_bytes
        from ohsreg.export.json import load, load_many

        data = read_bytes(path)  # read once: an array is many records, anything else one
        text, _ = decode(data)
        if text.lstrip().startswith("["):
            yield from load_many(data, model)
        else:
            yield load(data, model)


# --------------------------------------------------------------------------------------------------
# validate


def _cmd_validate(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from ohsreg.errors import InvalidFormat
    from ohsreg.export._io import RecordError, shown_value

    path = Path(args.file)
    model = _model(args.model, path)
    if args.output:
        _target(Path(args.output), None)  # a bad output name fails before the reading, not after
    as_of = args.as_of or dt.date.today()
    key = args.key or next((k for k in _KEYS if k in model.model_fields), None)
    seen: dict[str, int] = {}
    findings: list[Any] = []
    count = errors = 0
    try:
        # streamed: records are checked one by one and not kept (bounded memory on large files)
        for count, record in enumerate(_records(path, model, args.format), 1):
            value = getattr(record, key, None) if key is not None else None
            if key is not None and value is not None:
                first = seen.setdefault(str(value), count)
                if first != count:
                    raise InvalidFormat(
                        "duplicate {name} {value!r} in records {first} and {second}",
                        rule="export.duplicate",
                        field=key,
                        hint="each record needs its own identifier; remove or merge the duplicates",
                        name=key,
                        value=shown_value(record, key),
                        first=first,
                        second=count,
                    )
            check = getattr(record, "check", None)
            if not callable(check):
                continue
            for f in check(as_of=as_of):
                findings.append(f)
                errors += f.severity.code == "ERROR"
                subject = f"{count}" + (f" {f.subject}" if f.subject else "")
                print(f"{subject}: [{f.severity.code}] {f.rule}: {f.message()} ({f.clause})")
    except RecordError as err:
        _print_items(err.errors)
        _err(f"{err.message()} [{err.rule}]")
        return 1
    except ValidationError as err:  # a .json file holding one record
        from ohsreg.export._io import error_items

        items = error_items(err)
        _print_items(items)
        _err(_t("the record of {model} is invalid", model=model.__name__) + f" [{items[0]['type']}]")
        return 1
    if args.output:
        from ohsreg.models import Finding

        _write(findings, Path(args.output), Finding, args)
    print(
        _t(
            "{records} record(s) of {model} valid; {findings} finding(s), {errors} error(s)",
            records=count,
            model=model.__name__,
            findings=len(findings),
            errors=errors,
        ),
        file=sys.stderr,
    )
    return 1 if errors else 0


def _print_items(items: list[dict[str, Any]]) -> None:
    """One line per problem of invalid records, in the active locale: ``line 3: kind: … [rule]``."""
    from ohsreg.i18n import current_locale

    message = "message_zh" if current_locale().startswith("zh") else "message"
    for item in items:
        where = {"field": item["field"] or "-", "message": item[message], "type": item["type"]}
        if item["line"] is None:
            print(_t("{field}: {message} [{type}]", **where))
        else:
            print(_t("line {line}: {field}: {message} [{type}]", line=item["line"], **where))


# --------------------------------------------------------------------------------------------------
# export / schema


def _target(out: Path, given: str | None) -> str:
    """The format to write ``out`` in: ``--to``, else the file's suffix."""
    target = given or out.suffix.lstrip(".").lower()
    if target not in _TARGETS or target == "jsonschema":
        from ohsreg.errors import InvalidFormat

        raise InvalidFormat(
            "cannot tell the format to write {path} in",
            rule="cli.format",
            hint="name the file .csv, .xlsx, .parquet, .jsonl or .json",
            path=str(out),
        )
    return target


def _write(records: list[Any], out: Path, model: type[BaseModel] | None, args: argparse.Namespace) -> None:
    from ohsreg.export._io import Progress

    target = _target(out, getattr(args, "to", None))
    unmask = bool(getattr(args, "unmask", False))
    progress = Progress(_t("writing {name}", name=out.name), total=len(records))
    if target == "csv":
        from ohsreg.export.csv import to_csv

        to_csv(
            records,
            out,
            model=model,
            unmask=unmask,
            bom=bool(getattr(args, "bom", False)),
            header=getattr(args, "header", "path"),
            progress=progress,
        )
    elif target == "xlsx":
        from ohsreg.export.xlsx import to_xlsx

        to_xlsx(records, out, unmask=unmask)
    elif target == "parquet":
        from ohsreg.export.arrow import to_parquet

        to_parquet(records, out, model=model, unmask=unmask)
    elif target == "json":
        from ohsreg.export._io import context

        with out.open("wb") as fh:
            fh.write(b"[")
            for i, r in enumerate(records):
                fh.write((b"," if i else b"") + r.model_dump_json(context=context(unmask)).encode())
            fh.write(b"]\n")
    else:  # jsonl
        from ohsreg.export.json import dump_jsonl

        dump_jsonl(records, out, unmask=unmask, progress=progress)


def _cmd_export(args: argparse.Namespace) -> int:
    if args.to == "jsonschema":
        return _write_schemas(Path(args.output or "schemas"))
    from ohsreg.errors import OhsregError

    if args.file is None or args.output is None:
        raise OhsregError(
            "export needs an input FILE and --output",
            rule="cli.usage",
            hint="e.g. ohsreg export records.jsonl --to csv -o records.csv",
        )
    path = Path(args.file)
    model = _model(args.model, path)
    if args.to == "jsonl":  # streamed end to end: bounded memory on large files
        from ohsreg.export._io import Progress
        from ohsreg.export.json import dump_jsonl

        progress = Progress(_t("writing {name}", name=Path(args.output).name))
        count = dump_jsonl(
            _records(path, model, args.format), Path(args.output), unmask=args.unmask, progress=progress
        )
    else:
        records = list(_records(path, model, args.format))
        _write(records, Path(args.output), model, args)
        count = len(records)
    print(_t("wrote {count} record(s) to {path}", count=count, path=args.output), file=sys.stderr)
    return 0


def _write_schemas(folder: Path) -> int:
    import json

    from ohsreg.export.jsonschema import schemas

    folder.mkdir(parents=True, exist_ok=True)
    docs = schemas()
    for name, doc in docs.items():
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
    print(_t("wrote {count} schema(s) to {path}", count=len(docs), path=str(folder)), file=sys.stderr)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from ohsreg.export.jsonschema import public_models, schema

    if args.model is None:
        for name in public_models():
            print(name)
        return 0
    print(json.dumps(schema(args.model), ensure_ascii=False, indent=2))
    return 0


# --------------------------------------------------------------------------------------------------
# lookup / coverage (reference catalogue)


def _cmd_lookup(args: argparse.Namespace) -> int:
    from ohsreg import catalogue
    from ohsreg.errors import OhsregError

    found = catalogue.search(args.query, limit=args.limit)
    if not found:
        catalogue.lookup(args.query)  # raises catalogue.unknown with close matches
    _row("id", "name_zh", "name_en", "cas", "category", "score")  # tab-separated, like the rows
    for hazard, score in found:
        cas = ", ".join(hazard.cas) or None
        _row(hazard.id, hazard.name_zh, hazard.name_en, cas, hazard.category.label(), f"{score:.0f}")
        if not args.limits:
            continue
        try:
            limits = catalogue.limits_for(hazard, edition=args.edition, as_of=args.as_of)
        except OhsregError as err:
            if err.rule in _OPTION_ERRORS:
                raise  # about --edition / --as-of, not this hazard: exit 2 once
            print(f"\t{err.message()} [{err.rule}]")
            continue
        for row in (*limits.rows, *limits.dust_rows):
            values = [
                f"{name}={getattr(row, attr)}"
                for name, attr in (
                    ("MAC", "mac"),
                    ("PC-TWA", "pc_twa"),
                    ("PC-STEL", "pc_stel"),
                    ("PC-TWA(total)", "pc_twa_total"),
                    ("PC-TWA(respirable)", "pc_twa_respirable"),
                )
                if getattr(row, attr, None) is not None
            ]
            condition = getattr(row, "sub_condition", None)
            where = f" [{condition}]" if condition else ""
            flag = "" if getattr(row, "verified", True) else " (unverified)"
            print(f"\t{limits.edition}{where}: {', '.join(values) or '-'}{flag}")
    return 0


def _row(*cells: str | None) -> None:
    """Print one tab-separated row (a missing value is an empty cell); text is neutralised, since the
    rows are meant to be pasted into a spreadsheet and a user catalogue may hold ``=…`` names."""
    from ohsreg.export.cells import neutralise

    print("\t".join("" if c is None else neutralise(c.translate(_ONE_LINE)) for c in cells))


_ONE_LINE = str.maketrans("\t\r\n", "   ")


def _cmd_coverage(args: argparse.Namespace) -> int:
    from ohsreg import catalogue

    rows = catalogue.coverage()
    for row in rows:
        print(row.line())
        for gap in row.gaps:  # what is missing, one indented line each (a gap may hold a newline)
            print("    - " + " ".join(str(gap).split()))
    sys.stdout.flush()  # the summary goes to stderr: after the table, also when stdout is a pipe
    print(
        _t(
            "{tables} table(s), {shipped} row(s) shipped, {verified} verified",
            tables=len(rows),
            shipped=sum(r.shipped for r in rows),
            verified=sum(r.verified for r in rows),
        ),
        file=sys.stderr,
    )
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    import csv
    import json

    from ohsreg.changes import diff

    result = diff(args.family, args.edition_a, args.edition_b)
    cells = [c for c in result.cells() if not args.kind or c["change"] in args.kind]
    if args.format == "json":
        print(json.dumps({"summary": result.counts(), "rows": cells}, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        from ohsreg.export.cells import neutralise

        writer = csv.DictWriter(sys.stdout, fieldnames=list(_DIFF_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for cell in cells:
            writer.writerow({k: neutralise(v) if v else v for k, v in cell.items()})
    else:
        for cell in cells:  # tab-separated like lookup's rows, neutralised for pasting into a sheet
            _row(
                cell["change"],
                cell["key"],
                cell["field"],
                f"{cell['before'] or '—'} → {cell['after'] or '—'}",
            )
    print(result.explain(), file=sys.stderr)
    return 0


_DIFF_COLUMNS = ("change", "key", "field", "before", "after", "source_a", "source_b")


# --------------------------------------------------------------------------------------------------
# assess: measurements CSV -> verdicts CSV (ohsreg.cli._assess, imported when the command runs)


def _cmd_assess(args: argparse.Namespace) -> int:
    from ohsreg.cli._assess import _cmd_assess as run

    return run(args)


# --------------------------------------------------------------------------------------------------
# demo


def _cmd_demo(args: argparse.Namespace) -> int:
    from ohsreg.export.csv import to_csv
    from ohsreg.export.json import dumps
    from ohsreg.models import Authority, finding
    from ohsreg.vocab import Severity

    a = Authority(name="杭州市卫生健康委员会", kind="HEALTH", level="MUNICIPAL", region="330100")
    print("JSON:", dumps(a))
    f = finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what="=report")
    print("CSV (formula neutralised):")
    print(to_csv([f], header="both"), end="")
    print("schema: ohsreg schema Authority")
    return 0


# --------------------------------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="ohsreg",
        description="Chinese occupational-health supervision vocabulary: lookups, checks, exports.",
    )
    parser.add_argument("--locale", default="zh_CN", help="message locale: zh_CN (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Handler] = {}
    # --locale is also accepted after the subcommand (``ohsreg lookup 苯 --locale en``)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--locale", default=argparse.SUPPRESS, help="message locale: zh_CN (default) or en")

    def command(name: str, handler: Handler, summary: str) -> argparse.ArgumentParser:
        handlers[name] = handler
        return sub.add_parser(name, help=summary, description=summary, parents=[common])

    command("version", _cmd_version, "print the library version")

    p = command("validate", _cmd_validate, "validate records (JSON, JSONL, CSV) and report findings")
    p.add_argument("file")
    p.add_argument("--model", help="model name (default: from the file name, e.g. authority.csv)")
    p.add_argument("--format", choices=_FORMATS)
    p.add_argument("--key", help="field whose values must be unique (default: uscc/id/key/code if present)")
    p.add_argument("--as-of", type=_date, help="date the checks apply to (default: today)")
    p.add_argument("-o", "--output", help="also write the findings to a .csv or .jsonl file")

    p = command("export", _cmd_export, "convert records to csv, xlsx, parquet, jsonl, json; or write schemas")
    p.add_argument("file", nargs="?")
    p.add_argument("--to", choices=_TARGETS, required=True)
    p.add_argument("-o", "--output", help="output file (a folder for --to jsonschema)")
    p.add_argument("--model")
    p.add_argument("--format", choices=_FORMATS)
    p.add_argument("--unmask", action="store_true", help="write personal data in clear (default: masked)")
    p.add_argument("--bom", action="store_true", help="CSV: start with a UTF-8 BOM (Excel in zh locales)")
    p.add_argument("--header", choices=("path", "zh", "en", "both"), default="path", help="CSV label rows")

    p = command("schema", _cmd_schema, "print the JSON Schema of a public model (no MODEL: list the models)")
    p.add_argument("model", nargs="?")

    p = command(
        "assess",
        _cmd_assess,
        "measurements CSV (id, concentration, duration[, limit][, hazard]) -> verdicts CSV",
    )
    p.add_argument("file")
    p.add_argument("--rule", choices=("twa", "stel"), default="twa")
    p.add_argument("--limit", type=float, help="limit (mg/m³) for rows with neither a limit nor a hazard")
    p.add_argument(
        "--as-of", type=_date, help="with a hazard column: the limit edition in force on this date"
    )
    p.add_argument("--shift-hours", type=float, help="length of the working day in h (default 8)")
    p.add_argument(
        "--adjust-long-shift",
        action="store_true",
        help=(
            "with --shift-hours above 8 or --hours-per-week above 40: judge C_TWA against PC-TWA × RF "
            "(GBZ 2.1-2019 A.7.3, unverified)"
        ),
    )
    p.add_argument("--hours-per-week", type=float, help="working hours in the week, for --adjust-long-shift")
    p.add_argument("-o", "--output", help="verdicts CSV (default: standard output)")

    p = command("lookup", _cmd_lookup, "search the hazard catalogue (name, alias, English name, CAS, pinyin)")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive, default=10, help="at most this many matches (default 10)")
    p.add_argument("--limits", action="store_true", help="also print the exposure limits (GBZ 2.1)")
    p.add_argument("--edition", help="limit edition, e.g. 'GBZ 2.1-2019' (default: the library default)")
    p.add_argument("--as-of", type=_date, help="the edition and amendments in force on this date")

    command("coverage", _cmd_coverage, "rows shipped vs official counts, and how many are verified")

    p = command(
        "diff", _cmd_diff, "what changed between two editions (GBZ 2.1, diseases, risk directory, GBZ 188)"
    )
    p.add_argument(
        "family", help="GBZ 2.1 | 职业病分类和目录 (diseases) | 建设项目职业病危害风险分类管理目录 | GBZ 188"
    )
    p.add_argument("edition_a", help="e.g. GBZ 2.1-2019")
    p.add_argument("edition_b", help="e.g. GBZ 2.1-2019+XG1")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p.add_argument(
        "--kind",
        action="append",
        choices=("ADDED", "REMOVED", "CHANGED", "RENAMED", "NOT_SHIPPED"),
        help="only these kinds of change (repeatable)",
    )

    command("demo", _cmd_demo, "a short tour on built-in examples")
    return parser, handlers


def _fail(text: str) -> None:
    """The final one-line message of a failed run (a message that holds line breaks is joined)."""
    _err(" ".join(text.split("\n")).replace("\r", " "))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code.

    Every failure ends with one line on stderr, ``ohsreg: <message> [rule]``, and exit code 2 (1 when
    ``validate`` read the input and found invalid records or error findings); never a traceback.
    """
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    from ohsreg.errors import OhsregError
    from ohsreg.i18n import normalize_locale, use

    try:
        locale = normalize_locale(args.locale)
    except OhsregError as err:
        _fail(f"{err.message()} [{err.rule}]")
        return 2
    with use(locale):
        try:
            return handlers[args.command](args)
        except OhsregError as err:
            suggestions = err.params.get("suggestions")
            if suggestions:
                _err(_t("did you mean: {names}?", names=", ".join(map(str, suggestions))))
            _fail(f"{err.message(locale)} [{err.rule}]")
            return 2
        except BrokenPipeError:  # output piped into head & co.: stop quietly
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the flush at exit
            return 0
        except OSError as err:
            _fail(f"{err.strerror or err}: {err.filename or ''}")
            return 2
        except ValueError as err:  # pydantic ValidationError of a single record: invalid input data
            if callable(getattr(err, "errors", None)):
                from ohsreg.export._io import error_items

                _print_items(error_items(err))
                _fail(_t("the record of {model} is invalid", model=getattr(err, "title", "?")))
                return 1
            return _internal(err)
        except Exception as err:  # a bug of ohsreg, not of the input: still one line, no traceback
            return _internal(err)


def _internal(err: Exception) -> int:
    _fail(
        _t(
            "internal error ({kind}: {error}); please report it with the command run",
            kind=type(err).__name__,
            error=str(err),
        )
    )
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
