"""The columnar assessment gives the scalar rules' answers, per shift and hazard, joined by date."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ohsreg.assess as oa
from ohsreg import catalogue
from ohsreg.assess.columnar import SAMPLE_COLUMNS, SHIFT_COLUMNS
from ohsreg.assess.peak import EXCURSION_CLAUSE, PEAK_CLAUSE
from ohsreg.errors import OhsregError
from ohsreg.vocab import Verdict

#: hazards covering every rule: PC-TWA + PC-STEL (苯, amended on 2022-11-01), MAC only (氯), PC-TWA
#: only (peak rule), a dust with silica bands, an entry with sub-conditions, and an unknown name.
HAZARDS = ("苯", "氯", "2-甲氧基乙醇", "矽尘", "一氧化碳", "不存在的物质")
GBZ21_2019 = dt.date(2020, 4, 1)
DATES = (
    dt.date(2019, 6, 1),  # before GBZ 2.1-2019: GBZ 2.1-2007 and its excursion limits (超限倍数)
    dt.date(2021, 3, 2),
    dt.date(2022, 11, 15),  # inside the unverified effective window of amendment No. 1
    dt.date(2023, 7, 9),
    dt.date(2025, 6, 1),
)

value = st.floats(min_value=0.0, max_value=200.0, allow_nan=False)


@st.composite
def groups(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for g in range(draw(st.integers(min_value=1, max_value=6))):
        hazard = draw(st.sampled_from(HAZARDS))
        dust = hazard == "矽尘"
        kinds = ["TWA"] if dust else ["TWA", "STE", "PEAK"]
        rows = []
        budget = 8.0
        for _ in range(draw(st.integers(min_value=1, max_value=5))):
            kind = draw(st.sampled_from(kinds))
            if kind == "TWA":
                hours = draw(st.floats(min_value=0.0, max_value=budget))
                budget -= hours
                rows.append({"kind": kind, "concentration": draw(value), "duration": hours * 60.0})
            elif kind == "STE":
                rows.append(
                    {"kind": kind, "concentration": draw(value), "duration": draw(st.floats(0.5, 15.0))}
                )
            else:
                start = draw(st.one_of(st.none(), st.floats(0.0, 7.5)))
                rows.append(
                    {
                        "kind": kind,
                        "concentration": draw(value),
                        "duration": draw(st.floats(0.5, 30.0)),
                        "start": start,
                    }
                )
        out.append(
            {
                "shift": f"s{g}",
                "hazard": hazard,
                "date": draw(st.sampled_from(DATES)),
                "sio2": draw(st.floats(10.0, 100.0)) if dust else None,
                "fraction": draw(st.sampled_from(("total", "respirable"))) if dust else None,
                "condition": "非高原" if hazard == "一氧化碳" and draw(st.booleans()) else None,
                "rows": rows,
            }
        )
    return out


def _table(gs: list[dict[str, Any]]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {k: [] for k in SAMPLE_COLUMNS if k not in ("pc_twa", "pc_stel", "mac")}
    for g in gs:
        for r in g["rows"]:
            cols["shift_id"].append(g["shift"])
            cols["worker_id"].append("w" + g["shift"])
            cols["post_id"].append("p1")
            cols["hazard"].append(g["hazard"])
            cols["concentration"].append(r["concentration"])
            cols["unit"].append("mg/m³")
            cols["duration"].append(r["duration"])
            cols["duration_unit"].append("min")  # minutes, as the API accepts "30 min"
            cols["date"].append(g["date"])
            cols["kind"].append(r["kind"])
            cols["sio2_percent"].append(g["sio2"])
            cols["fraction"].append(g["fraction"])
            cols["condition"].append(g["condition"])
            cols["below_lod"].append(False)
            cols["start_h"].append(r.get("start"))
    return cols


def _scalar(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except OhsregError as exc:
        return exc


def _expect(g: dict[str, Any]) -> dict[str, Any]:
    """The answers of the scalar rules for one group (an OhsregError where they refuse)."""
    common = {"hazard": g["hazard"], "as_of": g["date"]}
    rows = g["rows"]
    twa_rows = [(r["concentration"], r["duration"] / 60.0) for r in rows if r["kind"] == "TWA"]
    ste_rows = [r for r in rows if r["kind"] == "STE"]
    pe_rows = [r for r in rows if r["kind"] == "PEAK"]
    out: dict[str, Any] = {}
    probe = [(0.0, 1.0)]
    if g["hazard"] == "矽尘":
        kw = {"fraction": g["fraction"], "sio2_percent": g["sio2"], **common}
        out["twa"] = _scalar(oa.dust_twa, twa_rows or probe, **kw)
        return out
    kw = {**common, "condition": g["condition"]}
    out["twa"] = _scalar(oa.twa, twa_rows or probe, **kw)
    if ste_rows:
        out["ste"] = [_scalar(oa.stel, [(r["concentration"], r["duration"])], **kw) for r in ste_rows]
    if pe_rows and g["date"] < GBZ21_2019:
        c_twa = oa.twa(twa_rows, **kw).value if twa_rows and not isinstance(out["twa"], OhsregError) else None
        out["pe"] = _scalar(oa.excursion, [r["concentration"] for r in pe_rows], c_twa=c_twa, **kw)
    elif pe_rows:
        ex = [oa.Excursion(r["concentration"], r["duration"], r["start"]) for r in pe_rows]
        out["pe"] = _scalar(oa.peak, ex, **kw)
    if ste_rows or pe_rows:
        out["mac"] = _scalar(oa.mac, [r["concentration"] for r in ste_rows + pe_rows], **kw)
    return out


def _first_error(expected: dict[str, Any]) -> OhsregError | None:
    for v in expected.values():
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, OhsregError):
                return item
    return None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=80)
@given(groups())
def test_table_equals_scalar_rules(gs: list[dict[str, Any]]) -> None:
    result = oa.shift_table(_table(gs), locale="en")
    assert len(result) == len(gs)
    got = result.to_pydict()
    for i, g in enumerate(gs):
        expected = _expect(g)
        error = _first_error(expected)
        assert got["shift_id"][i] == g["shift"]
        if error is not None:
            # a group the scalar rules refuse is reported with a rule code; the others are still assessed
            assert got["error_rule"][i] is not None, (g, got)
            assert got["verdict"][i] is None
            first = expected["twa"] if isinstance(expected["twa"], OhsregError) else error
            assert got["error_rule"][i] == first.rule, (g, got["error"][i], first)
            continue
        assert got["error_rule"][i] is None, (g, got["error"][i])
        twa = expected["twa"]
        has_twa = any(r["kind"] == "TWA" for r in g["rows"])
        if has_twa:
            assert _close(got["c_twa"][i], twa.value)
            assert got["twa_verdict"][i] == twa.verdict.code
        else:
            assert got["twa_verdict"][i] is None
        limit = None if twa.limit is None or not has_twa else twa.limit.value
        assert got["twa_limit"][i] == limit or _close(got["twa_limit"][i], limit)
        found = catalogue.limits_for(g["hazard"], as_of=g["date"])
        assert got["edition"][i] == found.amendment_state  # "GBZ 2.1-2019+XG1" once amendment No. 1 applies
        assert twa.edition in (None, found.edition)
        if "ste" in expected:
            top = max(expected["ste"], key=lambda r: r.value)
            assert _close(got["c_ste"][i], top.value)
            verdicts = {r.verdict for r in expected["ste"]}
            want = Verdict.EXCEEDS if Verdict.EXCEEDS in verdicts else top.verdict
            assert got["ste_verdict"][i] == want.code
        if "pe" in expected:
            assert _close(got["c_pe"][i], expected["pe"].value)
            assert got["pe_verdict"][i] == expected["pe"].verdict.code, (g, expected["pe"])
        if "mac" in expected:
            assert _close(got["c_max"][i], expected["mac"].value)
            assert got["mac_verdict"][i] == expected["mac"].verdict.code
        judged = [twa] if has_twa else []
        judged += [*expected.get("ste", []), *([expected["pe"]] if "pe" in expected else [])]
        judged += [expected["mac"]] if "mac" in expected else []
        applied = [r for r in judged if r.verdict is not Verdict.NOT_APPLICABLE]
        assert got["verified"][i] == all(r.verified for r in applied)


def test_limits_are_looked_up_once_per_hazard_and_regime(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    real = catalogue.limits_for

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(catalogue, "limits_for", counting)
    n = 3000
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=i % 300) for i in range(n)]
    result = oa.shift_table(
        {
            "shift_id": [f"s{i}" for i in range(n)],
            "hazard": ["苯" if i % 2 else "氨" for i in range(n)],
            "concentration": np.full(n, 1.0),
            "duration": np.full(n, 8.0),
            "date": days,
        }
    )
    assert len(result) == n
    assert len(calls) == 2  # two hazards, one regime (every date after amendment No. 1)


def test_dates_pick_the_amendment_in_force() -> None:
    # benzene PC-TWA: 6 mg/m³ before GBZ 2.1-2019 amendment No. 1, 3 mg/m³ after (catalogue data)
    t = oa.shift_table(
        {
            "shift_id": ["a", "b"],
            "hazard": ["苯", "苯"],
            "concentration": [4.0, 4.0],
            "duration": [8.0, 8.0],
            "date": np.array(["2021-01-05", "2024-01-05"], dtype="datetime64[D]"),
        }
    )
    assert t.column("twa_limit").tolist() == [6.0, 3.0]
    assert t.verdicts("twa_verdict") == ["COMPLIES", "EXCEEDS"]
    # the edition column names the amendment state that answered, as limits_for does
    assert t.column("edition").tolist() == ["GBZ 2.1-2019", "GBZ 2.1-2019+XG1"]


def test_one_bad_group_does_not_stop_the_rest() -> None:
    t = oa.shift_table(
        {
            "shift_id": ["ok", "neg", "unit", "late", "lod"],
            "hazard": ["氨", "氨", "氨", "氨", "氨"],
            "concentration": [1.0, -1.0, 1.0, 1.0, 0.2],
            "unit": ["mg/m3", "mg/m3", "dB", "ug/m3", "mg/m3"],
            "duration": [8.0, 8.0, 8.0, 9.0, 8.0],
            "below_lod": [False, False, False, False, True],
        },
        locale="en",
    )
    assert t.verdicts() == ["COMPLIES", None, None, None, None]
    assert [e[2] for e in t.errors()] == [
        "assess.value",
        "assess.unit",
        "assess.duration",
        "assess.nondetect",
    ]
    assert t.column("verified").tolist() == [True, False, False, False, False]
    half = oa.shift_table(
        {"shift_id": ["x"], "hazard": ["氨"], "concentration": [0.2], "duration": [8.0], "below_lod": [True]},
        below_lod="half",
    )
    assert half.column("c_twa").tolist() == [0.1]


def test_ug_and_explicit_limits_and_missing_values() -> None:
    t = oa.shift_table(
        {
            "shift_id": ["a", "b"],
            "concentration": [1500.0, float("nan")],
            "unit": ["µg/m³", "mg/m³"],
            "duration": [480.0, 8.0],
            "duration_unit": ["min", "h"],
            "pc_twa": [1.0, 1.0],
        }
    )
    assert t.column("c_twa")[0] == pytest.approx(1.5)
    assert t.verdicts("twa_verdict") == ["EXCEEDS", "INSUFFICIENT_DATA"]
    assert t.column("edition").tolist() == [None, None]


def test_inputs_arrow_pandas_and_mapping_agree() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    data = {
        "shift_id": ["a", "a", "b"],
        "hazard": ["苯", "苯", "氯"],
        "concentration": [2.0, 9.0, 0.5],
        "duration": [8.0, 15.0, 15.0],
        "kind": ["TWA", "STE", "STE"],
        "date": [dt.date(2024, 5, 1)] * 3,
    }
    expected = oa.shift_table(data).to_pydict()
    assert oa.shift_table(pa.table(data)).to_pydict() == expected
    assert oa.shift_table(pd.DataFrame(data)).to_pydict() == expected
    table = oa.shift_table(pa.table(data)).to_arrow()
    assert table.schema.names == list(SHIFT_COLUMNS)
    assert table.column("verdict").to_pylist() == ["EXCEEDS", "COMPLIES"]  # C_STE 9 > PC-STEL 6
    assert table.column("c_ste").to_pylist()[0] == 9.0


def test_mixed_dates_in_one_shift_are_an_error() -> None:
    t = oa.shift_table(
        {
            "shift_id": ["a", "a"],
            "hazard": ["氨"] * 2,
            "concentration": [1, 1],
            "duration": [4, 4],
            "date": ["2024-01-01", "2024-01-02"],
        }
    )
    assert [e[2] for e in t.errors()] == ["assess.table_dates"]


def test_missing_column_raises_with_rule_code() -> None:
    with pytest.raises(OhsregError) as info:
        oa.shift_table({"shift_id": ["a"], "concentration": [1.0]})
    assert info.value.rule == "assess.table_column"
    assert info.value.field == "duration"


def test_schemas_describe_every_column() -> None:
    pytest.importorskip("pyarrow")
    assert oa.samples_schema().names == list(SAMPLE_COLUMNS)
    assert oa.shifts_schema().names == list(SHIFT_COLUMNS)
    assert all(f.metadata[b"doc"] for f in oa.shifts_schema())


def test_regime_dates_sit_on_edition_and_amendment_dates() -> None:
    """The join looks limits up per (hazard, regime): row validity dates must be regime boundaries."""
    boundaries = {dt.date(2020, 4, 1)}
    boundaries |= {
        dt.date.fromisoformat(a["effective"]) for a in catalogue.chemical_limits.header.get("amendments", [])
    }
    for row in catalogue.chemical_limits:
        for day in (row.valid_from, row.valid_until):
            assert day is None or day in boundaries, row
    for bel in catalogue.biological_limits:
        assert bel.valid_from is None or bel.valid_from in boundaries, bel


def test_empty_table() -> None:
    t = oa.shift_table({"shift_id": [], "concentration": [], "duration": []})
    assert len(t) == 0
    assert t.to_pydict()["verdict"] == []


# ---- GBZ 2.1-2007 dates: PEAK rows are judged by the excursion limit (超限倍数 × PC-TWA) ------------

#: 2007 rows: PC-TWA + 超限倍数 (苯胺 3 / 2.5, 安妥 0.3 / 3), PC-STEL (苯), MAC only (氯), dusts with a
#: multiple (煤尘 total/respirable, 茶尘 without 呼尘, 矽尘 bands) and rows whose multiple or PC-TWA is
#: not shipped (二苯胺, 升汞 by CAS).
HAZARDS_2007 = ("苯胺", "安妥", "苯", "氯", "煤尘", "茶尘", "矽尘", "二苯胺", "7487-94-7")
DUSTS_2007 = ("煤尘", "茶尘", "矽尘")
DATES_2007 = (dt.date(2007, 11, 1), dt.date(2015, 3, 9), dt.date(2020, 3, 31))


@st.composite
def groups_2007(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for g in range(draw(st.integers(min_value=1, max_value=6))):
        hazard = draw(st.sampled_from(HAZARDS_2007))
        dust = hazard in DUSTS_2007
        rows = []
        budget = 8.0
        for _ in range(draw(st.integers(min_value=1, max_value=5))):
            if draw(st.booleans()):
                hours = draw(st.floats(min_value=0.0, max_value=budget))
                budget -= hours
                rows.append({"kind": "TWA", "concentration": draw(value) / 20, "duration": hours * 60.0})
            else:
                rows.append(
                    {
                        "kind": "PEAK",
                        "concentration": draw(value) / 10,
                        "duration": draw(st.floats(0.5, 30.0)),
                    }
                )
        out.append(
            {
                "shift": f"s{g}",
                "hazard": hazard,
                "date": draw(st.sampled_from(DATES_2007)),
                "sio2": draw(st.floats(10.0, 100.0)) if hazard == "矽尘" else None,
                "fraction": draw(st.sampled_from(("total", "respirable"))) if dust else None,
                "condition": None,
                "rows": rows,
            }
        )
    return out


def _expect_2007(g: dict[str, Any]) -> dict[str, Any]:
    """The scalar answers: twa (or dust_twa) and excursion with the group's C_TWA."""
    rows = g["rows"]
    twa_rows = [(r["concentration"], r["duration"] / 60.0) for r in rows if r["kind"] == "TWA"]
    pe = [r["concentration"] for r in rows if r["kind"] == "PEAK"]
    common: dict[str, Any] = {"hazard": g["hazard"], "as_of": g["date"]}
    if g["hazard"] in DUSTS_2007:
        common |= {"fraction": g["fraction"], "sio2_percent": g["sio2"]}
        out = {"twa": _scalar(oa.dust_twa, twa_rows or [(0.0, 1.0)], **common)}
    else:
        out = {"twa": _scalar(oa.twa, twa_rows or [(0.0, 1.0)], **common)}
    if pe:
        c_twa = out["twa"].value if twa_rows and not isinstance(out["twa"], OhsregError) else None
        out["pe"] = _scalar(oa.excursion, pe, c_twa=c_twa, **common)
    return out


@settings(max_examples=120)
@given(groups_2007())
def test_2007_peak_rows_equal_the_scalar_excursion_rule(gs: list[dict[str, Any]]) -> None:
    got = oa.shift_table(_table(gs), locale="en").to_pydict()
    for i, g in enumerate(gs):
        expected = _expect_2007(g)
        error = _first_error(expected)
        if error is not None:
            assert got["error_rule"][i] == error.rule, (g, got["error"][i], error)
            assert got["pe_verdict"][i] is None
            continue
        assert got["error_rule"][i] is None, (g, got["error"][i])
        assert got["edition"][i] == "GBZ 2.1-2007"
        if "pe" not in expected:
            assert got["pe_verdict"][i] is None
            continue
        pe = expected["pe"]
        assert got["pe_verdict"][i] == pe.verdict.code, (g, pe)
        assert _close(got["c_pe"][i], pe.value)
        if pe.limit is None:
            assert got["pe_limit"][i] is None
        else:
            assert _close(got["pe_limit"][i], pe.limit.value)
            assert pe.limit.edition == "GBZ 2.1-2007"
        if pe.verdict is not Verdict.NOT_APPLICABLE:
            assert got["verified"][i] is False  # the 2007 multiples are single-source
        assert EXCURSION_CLAUSE in got["clause"][i]
        assert PEAK_CLAUSE not in got["clause"][i]


def test_2007_peak_rows_name_the_edition_clause_and_refusals() -> None:
    t = oa.shift_table(
        {
            "shift_id": ["a", "a", "b", "c", "d"],
            "hazard": ["苯胺", "苯胺", "苯胺", "二苯胺", "苯胺"],
            "concentration": [1.0, 7.6, 7.5, 1.0, 16.0],
            "duration": [8.0, 10.0, 10.0, 10.0, 10.0],
            "kind": ["TWA", "PEAK", "PEAK", "PEAK", "PEAK"],
            "date": ["2019-06-01", "2019-06-01", "2019-06-01", "2019-06-01", "2020-04-01"],
        },
        locale="en",
    )
    assert t.verdicts("pe_verdict") == ["EXCEEDS", "COMPLIES", None, "EXCEEDS"]
    assert t.column("pe_limit").tolist()[:2] == [7.5, 7.5]  # 2.5 × PC-TWA 3 (GBZ 2.1-2007 表1)
    assert t.column("pe_limit").tolist()[3] == 15.0  # 2020-04-01: peak rule, 5 × PC-TWA 3
    clause = t.column("clause").tolist()
    assert EXCURSION_CLAUSE in clause[0]
    assert PEAK_CLAUSE in clause[3]
    assert t.column("edition").tolist()[:3] == ["GBZ 2.1-2007"] * 3
    assert t.column("verified").tolist()[:2] == [False, False]
    ((shift, hazard, rule, message),) = list(t.errors())
    assert (shift, hazard, rule) == ("c", "二苯胺", "assess.excursion_not_shipped")
    assert "超限倍数" in message


def test_2007_explicit_limits_need_a_hazard_for_the_multiple() -> None:
    t = oa.shift_table(
        {
            "shift_id": ["a", "b", "c"],
            "hazard": [None, "苯胺", None],
            "concentration": [5.0, 5.0, 5.0],
            "duration": [10.0, 10.0, 10.0],
            "kind": ["PEAK", "PEAK", "PEAK"],
            "date": ["2019-06-01", "2019-06-01", "2005-01-01"],
            "pc_twa": [2.0, 2.0, 2.0],
        }
    )
    assert [e[2] for e in t.errors()] == ["assess.limit_missing", "assess.edition_unverified"]
    # explicit PC-TWA 2, the multiple 2.5 from the 2007 row of 苯胺 (as the scalar rule does)
    assert t.column("pe_limit").tolist()[1] == 5.0
    assert t.verdicts("pe_verdict")[1] == "COMPLIES"


def test_long_shift_adjustment_equals_the_scalar_twa() -> None:
    data = {
        "shift_id": ["a", "b"],
        "hazard": ["苯", "苯"],
        "concentration": [2.5, 1.0],
        "duration": [10.0, 10.0],
        "date": ["2024-01-05", "2024-01-05"],
    }
    t = oa.shift_table(data, shift_hours=10.0, adjust_long_shift=True)
    want = oa.twa(
        [(2.5, 10.0)], hazard="苯", as_of=dt.date(2024, 1, 5), shift_hours=10, adjust_long_shift=True
    )
    assert want.limit is not None
    assert t.column("twa_limit")[0] == pytest.approx(want.limit.value)  # 3 × RF 0.7 = 2.1
    assert t.verdicts("twa_verdict") == [want.verdict.code, "COMPLIES"]
    assert t.column("verified").tolist() == [False, False]
    assert all(c.startswith(want.clause) for c in t.column("clause").tolist())
    plain = oa.shift_table(data, shift_hours=10.0)  # without the flag: PC-TWA as printed
    assert plain.column("twa_limit").tolist() == [3.0, 3.0]
    short = {**data, "duration": [8.0, 8.0]}  # an 8 h day has nothing to adjust
    assert oa.shift_table(short, adjust_long_shift=True).column("twa_limit").tolist() == [3.0, 3.0]


@pytest.mark.parametrize(
    ("shift_hours", "hours_per_week"), [(8.0, 48.0), (10.0, 50.0), (10.0, 40.0), (8.0, 40.0)]
)
def test_weekly_long_shift_factor_equals_the_scalar_twa(shift_hours: float, hours_per_week: float) -> None:
    """``hours_per_week``: the smaller of the daily and weekly factors, as ``twa()`` applies it."""
    data = {
        "shift_id": ["a"],
        "hazard": ["苯"],
        "concentration": [2.5],
        "duration": [8.0],
        "date": ["2024-01-05"],
    }
    t = oa.shift_table(data, shift_hours=shift_hours, hours_per_week=hours_per_week, adjust_long_shift=True)
    want = oa.twa(
        [(2.5, 8.0)],
        hazard="苯",
        as_of=dt.date(2024, 1, 5),
        shift_hours=shift_hours,
        hours_per_week=hours_per_week,
        adjust_long_shift=True,
    )
    assert want.limit is not None
    assert t.column("twa_limit")[0] == pytest.approx(want.limit.value)
    assert t.verdicts("twa_verdict") == [want.verdict.code]
    assert t.column("verified").tolist() == [want.verified]
    assert t.column("clause")[0].startswith(want.clause)
    # the week alone: without the flag nothing is adjusted
    plain = oa.shift_table(data, shift_hours=shift_hours, hours_per_week=hours_per_week)
    assert plain.column("twa_limit").tolist() == [3.0]


@pytest.mark.parametrize("field", ["shift_hours", "hours_per_week"])
@pytest.mark.parametrize("bad", [0, -8, "x", float("nan")])
def test_shift_and_week_hours_are_checked(field: str, bad: object) -> None:
    data = {"shift_id": ["a"], "hazard": ["苯"], "concentration": [2.5], "duration": [8.0]}
    with pytest.raises(OhsregError) as info:
        oa.shift_table(data, **{field: bad})  # type: ignore[arg-type]
    assert (info.value.rule, info.value.field) == ("assess.value", field)
