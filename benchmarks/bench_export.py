"""Exporters (issue #10): CSV of assessment rows via Arrow, XLSX of records, bulk JSONL loading.

Measures whose optional packages (pyarrow, pandas, xlsxwriter) are missing are skipped.
"""

from __future__ import annotations

import io

from _harness import Result, best

from ohsreg.models import Authority, finding
from ohsreg.vocab import Severity


def _available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _csv_assessments(results: list[Result]) -> None:
    if not (_available("pyarrow") and _available("pandas")):
        return
    import numpy as np
    import pandas as pd

    from ohsreg.assess import twa_array
    from ohsreg.export.arrow import assessment_table, write_csv

    n = 1_000_000
    rng = np.random.default_rng(1)
    conc = rng.lognormal(0.0, 1.0, (n, 3))
    hours = np.full((n, 3), 8 / 3)
    r = twa_array(conc, hours, limit=6.0)
    ids = np.arange(n)

    def ours() -> None:
        write_csv(assessment_table(r, ids=ids), io.BytesIO())

    frame = pd.DataFrame(
        {
            "id": ids,
            "value": r.values,
            "unit": r.unit,
            "limit": 6.0,
            "verdict": pd.Categorical.from_codes(r.codes, [v.code for v in _verdicts()]),
            "clause": r.clause,
        }
    )

    def baseline() -> None:
        frame.to_csv(io.BytesIO(), index=False)

    mine, base = best(ours), best(baseline)
    results.append(Result("CSV of 1e6 assessment rows (Arrow)", mine, "pandas to_csv", base, 1.0))
    print(f"    ({n / mine / 1e6:.2f} M rows/s through Arrow, goal >= 2)")


def _verdicts() -> tuple[object, ...]:
    from ohsreg.assess.vectorized import VERDICT_CODES

    return VERDICT_CODES


def _xlsx(results: list[Result]) -> None:
    if not _available("xlsxwriter"):
        return
    import xlsxwriter

    from ohsreg.export.xlsx import to_xlsx

    n = 100_000
    records = [
        finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what=f"report {i}", n=i)
        for i in range(n)
    ]

    def ours() -> None:
        to_xlsx(records, io.BytesIO())

    cols = [
        "_row",
        "rule",
        "severity",
        "clause",
        "template",
        "params.what",
        "params.n",
        "_message",
        "_severity",
    ]

    def baseline() -> None:
        # what a caller writes by hand for the same sheet: the fields of each record, its row number and
        # the message and severity rendered for inspectors, straight into xlsxwriter
        wb = xlsxwriter.Workbook(io.BytesIO(), {"constant_memory": True})
        ws = wb.add_worksheet()
        for j, c in enumerate(cols):
            ws.write_string(0, j, c)
        for i, f in enumerate(records, 1):
            ws.write_number(i, 0, i)
            ws.write_string(i, 1, f.rule)
            ws.write_string(i, 2, f.severity.code)
            ws.write_string(i, 3, f.clause)
            ws.write_string(i, 4, f.template)
            ws.write_string(i, 5, str(f.params["what"]))
            ws.write_number(i, 6, f.params["n"])  # type: ignore[arg-type]
            ws.write_string(i, 7, f.message("zh_CN"))
            ws.write_string(i, 8, f.severity.label("zh_CN"))
        wb.close()

    mine, base = best(ours, 1), best(baseline, 1)
    results.append(Result("XLSX of 1e5 findings", mine, "xlsxwriter constant_memory", base, 1.2))


def _jsonl(results: list[Result]) -> None:
    import datetime as dt

    from ohsreg.export.json import dumps_jsonl, load_many
    from ohsreg.models import Record

    class Measurement(Record):
        """Core-typed fields only: the per-call overhead is what one TypeAdapter call saves."""

        sample_id: str
        post: str
        value: float
        hours: float
        taken: dt.date

    n = 100_000
    kinds = ("HEALTH", "WORK_SAFETY")
    cases = [
        (
            "Authority (ohsreg validators)",
            Authority,
            [
                Authority(name=f"卫生健康委员会{i}", kind=kinds[i % 2], level="MUNICIPAL", region="330100")
                for i in range(n)
            ],
        ),
        (
            "core-typed record",
            Measurement,
            [
                Measurement(sample_id=f"S{i}", post="打磨", value=i / 7, hours=8.0, taken=dt.date(2024, 1, 2))
                for i in range(n)
            ],
        ),
    ]
    for label, model, records in cases:
        data = dumps_jsonl(records)
        lines = data.decode().splitlines()

        def ours(data: bytes = data, model: type = model) -> None:
            load_many(data, model)

        def baseline(lines: list[str] = lines, model: type = model) -> None:
            [model.model_validate_json(line) for line in lines]  # keep the records, as a loader must

        mine, base = best(ours, 5), best(baseline, 5)
        results.append(Result(f"JSONL load 1e5, {label}", mine, "model_validate loop", base, 0.5))


def run() -> list[Result]:
    results: list[Result] = []
    _jsonl(results)
    _csv_assessments(results)
    _xlsx(results)
    return results


if __name__ == "__main__":
    for result in run():
        print(result.line())
