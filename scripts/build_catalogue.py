"""Build the package data of :mod:`ohsreg.catalogue` from the reference transcriptions.

Usage::

    python3 scripts/build_catalogue.py [--reference DIR]

Reads the CSV transcriptions in ``../shared/reference`` (or ``--reference``), writes one JSON file per
source and edition to ``src/ohsreg/catalogue/data/``. The JSON files are committed; this script is a
developer tool (it needs ``pypinyin`` from the ``dev`` extra, never a runtime dependency).

Every decision that changes or drops a row of a transcription is made here, in code, with a reason that
is written into the data (``notes``, ``excluded``), so that a reviewer can audit it in one place.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "ohsreg" / "catalogue" / "data"

# Dates of the instruments (issued, in force, last day) have one home: the registry of ohsreg.instruments.
_INSTRUMENTS = {
    r["id"]: r
    for r in json.loads(
        (ROOT / "src" / "ohsreg" / "instruments" / "data" / "instruments.json").read_text("utf-8")
    )["records"]
}


def _day(instrument: str, key: str, amendment: str | None = None) -> str:
    """A date of an instrument (or of one of its amendments) from the registry, as ISO text."""
    rec = _INSTRUMENTS[instrument]
    if amendment is not None:
        rec = next(a for a in rec["amendments"] if a["id"] == amendment)
    if key == "window_end":
        return str(rec["in_force_window"][1])
    value = rec[key] if key != "in_force" or rec[key] else rec["in_force_window"][0]
    return str(value)


FORMAT = "ohsreg.catalogue/1"
_OUT = [OUT]  # where _write puts the files (``--out`` changes it)

CATEGORY = {
    "粉尘": "DUST",
    "化学因素": "CHEMICAL",
    "物理因素": "PHYSICAL",
    "放射性因素": "RADIOLOGICAL",
    "生物因素": "BIOLOGICAL",
    "其他因素": "OTHER",
}
CATEGORY_PREFIX = {
    "DUST": "D",
    "CHEMICAL": "C",
    "PHYSICAL": "P",
    "RADIOLOGICAL": "R",
    "BIOLOGICAL": "B",
    "OTHER": "O",
}

# Public copies that the 2015 transcription was cross-checked against (ORIGINS.md): these rows have a
# second independent source. Everything else in the chemical list has one source only.
VERIFIED_2015 = {
    "DUST": set(range(1, 48)),
    "CHEMICAL": set(range(19, 28)) | set(range(40, 51)) | set(range(80, 90)),
    "PHYSICAL": set(range(1, 16)),
    "RADIOLOGICAL": set(range(1, 9)),
    "BIOLOGICAL": set(range(1, 7)),
    "OTHER": set(range(1, 4)),
}
VERIFIED_2015_BY = (
    "second independent public copy of 国卫疾控发〔2015〕92号 (newton.com.tw full text; m.cnkang.com; "
    "hazard_factor_catalog_2015_nonchem.csv for the non-chemical rows), per reference ORIGINS.md"
)

# The four CAS numbers of the 2015 catalogue that fail the check digit as printed. Policy: the printed
# value is kept verbatim in ``cas_printed``; ``cas`` holds the registry number the entry means, and
# ``cas_note`` says why. Lookups by either value find the factor.
CAS_TYPOS_2015 = {
    "7440-62-6": ("7440-62-2", "vanadium (钒) is CAS 7440-62-2; the printed 7440-62-6 fails the check digit"),
    "60-12-18": (
        "60-12-8",
        "2-phenylethanol (苯乙醇) is CAS 60-12-8; the printed 60-12-18 fails the check digit",
    ),
    "79-40-9": ("79-04-9", "chloroacetyl chloride (氯乙酰氯) is CAS 79-04-9; printed digits transposed"),
    "7740-33-7": ("7440-33-7", "tungsten (钨) is CAS 7440-33-7; printed 7740 for 7440"),
}

# A parenthesised qualifier that restricts a factor by content ("游离SiO2含量<10%") rather than naming it.
QUALIFIER = r"[%≥<>＜＞]|含量|不包括|包括|限于"
# Other names of 2015 factors, as the limit tables print them (GBZ 2.1 names entries differently from the
# catalogue); each with the reason. A name may belong to one factor only (checked).
HAZARD_ALIASES = {
    "D005": (["石棉"], "GBZ 2.1-2019 表2 prints the entry as 石棉（石棉含量＞10%）"),
    "C018": (
        ["氮氧化物", "二氧化氮", "一氧化氮", "10102-44-0", "10102-43-9"],
        "the catalogue lists the group 氮氧化合物; GBZ 2.1-2007 表1 sets limits for its members 二氧化氮 "
        "(10102-44-0) and 一氧化氮 (10102-43-9), GBZ 2.1-2019 表1 for 氮氧化物（一氧化氮和二氧化氮）",
    ),
}

GBZ21 = {
    "document": "GBZ 2.1-2019 工作场所有害因素职业接触限值 第1部分：化学有害因素",
    "edition": "GBZ 2.1-2019",
    "effective": _day("GBZ 2.1-2019", "in_force"),
    "effective_verified": True,
    "issued": _day("GBZ 2.1-2019", "issued"),
    "number": "国卫通〔2019〕10号",
    "binding": "表1~表3 mandatory; 表4 and the rest recommended (foreword of the standard, full text at mycdc.cn)",
    "effective_source": "notice 国卫通〔2019〕10号 of 2019-08-27: '该标准自2020年4月1日起施行，GBZ 2.1—2007同时废止' (copies at m.cdgrlyy.org 2019-10-09 and wjw.xinxiang.gov.cn); also jeom.org DOI 10.11836/JEOM23258",
}
LIMS = "maomaolulu/anliantest-cloud sql/anliantest-data.sql (testing-lab LIMS dump, 2023-11-09)"
PDF_EXTRACT = "machine extraction of the official GBZ 2.1-2019 PDF (CovD831/ohs-report oel_parser)"

# Amendment No. 1: one secondary source dates it "2022-11" (month only); the day of entry into force was
# not found in any public source searched (pages/code/docs corpora, 2026-11-29). The library switches
# values on 2022-11-01 and refuses to answer for as_of inside November 2022 (ambiguous month).
AMENDMENT_1 = {
    "name": "GBZ 2.1-2019 第1号修改单",
    "effective": _day("GBZ 2.1-2019", "in_force", "XG1"),
    "effective_verified": False,
    "ambiguous_until": _day("GBZ 2.1-2019", "window_end", "XG1"),
    "effective_source": "CovD831/ohs-report knowledge/oel_parser.py docstring ('第1号修改单 (2022-11)'); day not published in any source found",
}
AMENDMENT_2 = {
    "name": "GBZ 2.1-2019 第2号修改单",
    "effective": _day("GBZ 2.1-2019", "in_force", "XG2"),
    "effective_verified": False,
    "ambiguous_until": None,
    "effective_source": "CovD831/ohs-report knowledge/oel_parser.py docstring only (one source)",
}


def _pinyin(text: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return "", ""
    full = "".join(lazy_pinyin(han, errors="ignore"))
    initials = "".join(s[0] for s in lazy_pinyin(han, style=Style.FIRST_LETTER, errors="ignore") if s)
    return full.lower(), initials.lower()


def _cas_ok(cas: str) -> bool:
    from ohsreg.identifiers import cas as cas_rn

    return re.fullmatch(r"\d{2,7}-\d{2}-\d", cas) is not None and cas_rn.is_valid(cas)


def _split_cas(text: str) -> list[str]:
    """CAS tokens of a cell such as ``7803-51-2、1314-84-7`` or ``7440-62-6（钒）``."""
    return re.findall(r"\d{2,7}-\d{2}-\d{1,2}", text or "")


def _read(ref: Path, name: str) -> list[dict[str, str]]:
    with (ref / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _q(value: str | float | None, unit: str) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    return {"magnitude": float(value), "unit": unit}


def _write(name: str, header: dict[str, Any], records: list[dict[str, Any]], **extra: Any) -> None:
    # one record per line: small files, readable diffs
    head = {"format": FORMAT, **header, **extra}
    lines = [
        "{",
        *(
            f" {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)},"
            for k, v in head.items()
        ),
    ]
    lines.append(' "records": [')
    body = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    lines.append(",\n".join(body))
    lines.append(" ]")
    lines.append("}")
    out = _OUT[0]
    out.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    json.loads(text)  # the file must stay valid JSON
    (out / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(records)} records")


def _notation(raw: str) -> tuple[bool, bool, list[str]]:
    text = raw or ""
    carcinogen = sorted(set(re.findall(r"G(?:1|2A|2B)", text)), key=["G1", "G2A", "G2B"].index)
    return "皮" in text, "敏" in text, carcinogen


# ---------------------------------------------------------------------------------------------- 2015
def build_hazards(ref: Path, en_by_name: dict[str, str], en_by_dust: dict[str, str]) -> list[dict[str, Any]]:
    toxic = _read(ref, "high_toxicity_catalog_2003.csv")
    toxic_cas = {c for row in toxic for c in _split_cas(row["cas_as_in_source"])}
    toxic_cas.add("75-01-4")  # vinyl chloride: the 2003 copy shows a corrupted CAS (flagged)
    records = []
    for row in _read(ref, "hazard_factor_catalog_2015.csv"):
        cat = CATEGORY[row["category"]]
        seq = int(row["seq"])
        printed = row["cas"].strip()
        cas: list[str] = []
        note = None
        for token in _split_cas(printed):
            if token in CAS_TYPOS_2015:
                fixed, note = CAS_TYPOS_2015[token]
                cas.append(fixed)
            else:
                if not _cas_ok(token):
                    raise SystemExit(f"unexplained CAS check-digit failure: {row}")
                cas.append(token)
        name = row["name"].strip()
        aliases = []
        m = re.match(r"^(.*?)（(.*?)）$", name)
        if m and not re.search(QUALIFIER, m.group(2)):
            aliases.append(m.group(2))
            aliases.append(m.group(1))
        elif m:
            aliases.append(m.group(1))  # the name without its content qualifier (矽尘, 谷物粉尘)
        extra = HAZARD_ALIASES.get(f"{CATEGORY_PREFIX[cat]}{seq:03d}")
        if extra:
            aliases.extend(extra[0])
        full, initials = _pinyin(name)
        stripped = re.sub(r"（.*?）", "", name).strip()
        names_en = en_by_dust if cat == "DUST" else en_by_name
        name_en = names_en.get(name) or names_en.get(stripped)
        open_clause = name.startswith("以上未提及")
        records.append(
            {
                "id": f"{CATEGORY_PREFIX[cat]}{seq:03d}",
                "category": cat,
                "seq": seq,
                "name_zh": name,
                "name_en": name_en,
                "name_en_source": (
                    "GBZ 2.1-2019 table 1 English name of the entry with the same Chinese name"
                    if cat != "DUST"
                    else "GBZ 2.1-2007 table 2 English name of the dust with the same Chinese name (A14)"
                )
                if name_en
                else None,
                "aliases": aliases,
                "cas": cas,
                "cas_printed": printed or None,
                "cas_note": note,
                "remark": None,
                "open_clause": open_clause,
                "highly_toxic": bool(set(cas) & toxic_cas),
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "职业病危害因素分类目录 (国卫疾控发〔2015〕92号)",
                    "edition": "2015",
                    "table": row["category"],
                    "row": seq,
                    "transcription": row["source"],
                },
                "verified": seq in VERIFIED_2015[cat],
                "verified_by": VERIFIED_2015_BY if seq in VERIFIED_2015[cat] else None,
            }
        )
    remarks = {
        (CATEGORY[r["category"]], int(r["seq"])): r["note"]
        for r in _read(ref, "hazard_factor_catalog_2015_nonchem.csv")
    }
    for rec in records:
        rec["remark"] = remarks.get((rec["category"], rec["seq"])) or None
    # an added name must not be another factor's name or added name (the official list itself repeats
    # 铀及其化合物 in two categories; that is the catalogue's, not ours)
    owners: dict[str, set[str]] = {}
    for rec in records:
        for n in {rec["name_zh"].strip(), *(a.strip() for a in rec["aliases"])}:
            owners.setdefault(n, set()).add(rec["id"])
    for rec in records:
        for a in rec["aliases"]:
            if len(owners[a.strip()]) > 1:
                raise SystemExit(f"alias {a!r} of {rec['id']} is also a name of {owners[a.strip()]}")
    return records


# ---------------------------------------------------------------------------------- GBZ 2.1 table 1
# LIMS rows that are not rows of GBZ 2.1-2019 table 1, with the reason (they stay out of the data and are
# listed in the file's ``excluded`` section).
T1_EXCLUDE = {
    "三甲胺": "probable lab addition: not in an independent table-1 name list (reference notes)",
    "二硝基氯苯": "generic duplicate of 2,4-二硝基氯苯 in the lab database; probably not a table-1 row",
    "铬及其化合物": "lab duplicate of 三氧化铬、铬酸盐、重铬酸盐（按Cr计）",
    "异丁醇": "lab row without values; not in an independent table-1 name list",
    "硫化铅": "lab row without values; lead is covered by 铅及其无机化合物",
    "邻硝基氯苯": "not in an independent table-1 name list (which has 对硝基氯苯 only); possibly a lab split",
    "间硝基氯苯": "not in an independent table-1 name list (which has 对硝基氯苯 only); possibly a lab split",
}
# Multi-row entries replaced wholesale by the official-PDF extraction (gbz21_2019_chem_selected_entries.csv).
T1_OFFICIAL_GROUPS = {
    "一氧化碳": "一氧化碳",
    "铅": "铅及其无机化合物（按Pb计）",
    "铅及其无机化合物（按Pb计）": "铅及其无机化合物（按Pb计）",
    "镍及其无机化合物（按Ni计）": "镍及其无机化合物（按Ni计）",
    "金属镍与难溶性镍化合物": "镍及其无机化合物（按Ni计）",
    "可溶性镍化合物": "镍及其无机化合物（按Ni计）",
    "铜": "铜（按Cu计）",
    "钼": "钼及其化合物（按Mo计）",
    "五氧化二钒烟尘": "钒及其化合物（按V计）",
    "钒铁合金尘": "钒及其化合物（按V计）",
    "二噁英类化合物": "二噁英类化合物",
    "苯": "苯",
}
T1_EN = {
    "一氧化碳": "Carbon monoxide",
    "铅及其无机化合物（按Pb计）": "Lead and inorganic compounds, as Pb",
    "镍及其无机化合物（按Ni计）": "Nickel and inorganic compounds, as Ni",
    "铜（按Cu计）": "Copper, as Cu",
    "钼及其化合物（按Mo计）": "Molybdenum and compounds, as Mo",
    "钒及其化合物（按V计）": "Vanadium and compounds, as V",
    "二噁英类化合物": "Polychlorinated dibenzo-p-dioxins and polychlorinated dibenzofurans",
    "苯": "Benzene",
}


def _gbz21_provenance(
    name: str,
    *,
    table: str,
    row: str | None,
    transcription: str,
    verified: bool,
    verified_by: str | None,
    notes: str | None,
    edition: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The closing keys shared by GBZ 2.1 表1 and 表2 records: search keys, hazard links, provenance."""
    full, initials = _pinyin(name)
    edition = edition or GBZ21
    return {
        "pinyin": full,
        "initials": initials,
        "hazard_ids": [],
        "hazard_exception": None,
        "source": {
            "document": edition["document"],
            "edition": edition["edition"],
            "table": table,
            "row": row,
            "transcription": transcription,
        },
        "verified": verified,
        "verified_by": verified_by,
        "notes": notes,
    }


def _limit_record(
    *,
    name: str,
    name_en: str | None,
    cas: list[str],
    cas_printed: str | None,
    sub: str | None,
    mac: dict[str, Any] | None,
    twa: dict[str, Any] | None,
    stel: dict[str, Any] | None,
    effect: str | None,
    notation: str,
    seq: int | None,
    row: str | None,
    transcription: str,
    verified: bool,
    verified_by: str | None,
    notes: str | None = None,
    valid_from: str | None = None,
    valid_until: str | None = None,
    amendment: str | None = None,
    amendment_id: str | None = None,
    until_amendment: str | None = None,
    excursion_multiple: float | None = None,
    edition: dict[str, Any] | None = None,
) -> dict[str, Any]:
    skin, sens, carc = _notation(notation)
    return {
        "id": name + (f"〔{sub}〕" if sub else "") + (f"@{valid_from}" if valid_from else ""),
        "seq": seq,
        "name_zh": name,
        "name_en": name_en,
        "cas": cas,
        "cas_printed": cas_printed,
        "sub_condition": sub,
        "mac": mac,
        "pc_twa": twa,
        "pc_stel": stel,
        "critical_effect": effect or None,
        "notation": notation or None,
        "skin": skin,
        "sensitiser": sens,
        "carcinogen": carc,
        "excursion_multiple": excursion_multiple,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "amendment": amendment,
        "amendment_id": amendment_id,
        "until_amendment": until_amendment,
        "type_verified": False,
        "type_verified_by": None,
        **_gbz21_provenance(
            name,
            table="表1",
            row=row,
            transcription=transcription,
            verified=verified,
            verified_by=verified_by,
            notes=notes,
            edition=edition,
        ),
    }


def build_table1(ref: Path) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    records: list[dict[str, Any]] = []
    excluded: list[dict[str, str]] = []
    official = _read(ref, "gbz21_2019_chem_selected_entries.csv")
    for row in _read(ref, "gbz21_2019_table1_from_lims.csv"):
        name = row["中文名"].strip()
        if name in T1_EXCLUDE:
            excluded.append({"name_zh": name, "reason": T1_EXCLUDE[name], "transcription": LIMS})
            continue
        if name in T1_OFFICIAL_GROUPS:
            continue  # rebuilt below from the official extraction
        unit = "mg/m3"
        cas = _split_cas(row["CAS号"])
        printed = row["CAS号"] or None
        notes = row["notes"] or None
        if name == "糠醛":
            cas, notes = (
                ["98-01-1"],
                "lab copy gives CAS 98-00-1 (fails the check digit); furfural is 98-01-1",
            )
        for c in cas:
            if not _cas_ok(c):
                raise SystemExit(f"table 1 CAS fails check digit: {row}")
        records.append(
            _limit_record(
                name=name,
                name_en=row["英文名"] or None,
                cas=cas,
                cas_printed=printed
                if printed and printed != ", ".join(cas) and printed != (cas[0] if cas else None)
                else None,
                sub=None,
                mac=_q(row["MAC"], unit),
                twa=_q(row["PC-TWA"], unit),
                stel=_q(row["PC-STEL"], unit),
                effect=row["临界不良健康效应"],
                notation=row["备注"],
                seq=None,
                row=None,
                transcription=LIMS,
                verified=False,
                verified_by=None,
                notes=notes,
            )
        )
    # official multi-row entries (and benzene with its amendment)
    for row in official:
        if row["seq"] == "359":
            continue  # acetochlor, below
        seq = int(row["seq"])
        name = row["name"].replace("（第1号修改单后）", "")
        effect = row["critical_effect"].replace("…", "") or None
        notation = row["note"]
        rec_kwargs: dict[str, Any] = {}
        mac = twa = stel = None
        twa_text = row["pc_twa_mg_m3"]
        twa = _q(twa_text.split()[0], "pg TEQ/m3") if "pgTEQ" in twa_text else _q(twa_text, "mg/m3")
        mac = _q(row["mac_mg_m3"], "mg/m3")
        stel = _q(row["pc_stel_mg_m3"], "mg/m3")
        # In the printed table the effect/notation cells of 铅, 镍, 铜 and CO span all sub-rows; those of
        # 钒 (107) and 钼 (215) are per sub-row (official-PDF extraction, ohs-report oel_multi_review.jsonl).
        group_first = next(r for r in official if r["seq"] == row["seq"])
        if row["seq"] not in {"107", "215"}:
            effect = effect or (group_first["critical_effect"].replace("…", "") or None)
            notation = notation or group_first["note"]
        cas = _split_cas(row["cas"] or group_first["cas"])
        if row["seq"] == "107":
            # the CAS cell lists 7440-62-6（V） 1314-62-1 12604-58-9 for the group: one per line
            cas = {"五氧化二钒烟尘": ["1314-62-1"], "钒铁合金尘": ["12604-58-9"]}[row["sub_condition"]]
            effect = {"五氧化二钒烟尘": "呼吸系统损害", "钒铁合金尘": "肝、肾损害；血液学毒性"}[
                row["sub_condition"]
            ]
        if name == "苯":
            rec_kwargs = {
                "valid_from": AMENDMENT_1["effective"],
                "amendment": AMENDMENT_1["name"],
                "amendment_id": "XG1",
                "notes": "amendment No. 1 values; effective date not verified (see file header 'amendments')",
            }
        records.append(
            _limit_record(
                name=name,
                name_en=T1_EN.get(name),
                cas=[c for c in cas if _cas_ok(c)] or [CAS_TYPOS_2015.get(c, (c,))[0] for c in cas],
                cas_printed=row["cas"] or None,
                sub=row["sub_condition"] or None,
                mac=mac,
                twa=twa,
                stel=stel,
                effect=effect,
                notation=notation,
                seq=seq,
                row=str(seq),
                transcription=PDF_EXTRACT,
                verified=True,
                verified_by=f"{PDF_EXTRACT}; agrees with {LIMS}",
                **rec_kwargs,
            )
        )
    # benzene before amendment No. 1: 6/10 mg/m3 (reference FACTS; 2003 list and GBZ 2.1-2007 also 6/10)
    records.append(
        _limit_record(
            name="苯",
            name_en="Benzene",
            cas=["71-43-2"],
            cas_printed=None,
            sub=None,
            mac=None,
            twa=_q(6, "mg/m3"),
            stel=_q(10, "mg/m3"),
            effect=None,
            notation="皮，G1",
            seq=12,
            row="12 (original text)",
            transcription="reference FACTS.md (GBZ 2.1-2019 original values, attributed by two secondary repos)",
            verified=False,
            verified_by=None,
            notes="original 2019 values, superseded by amendment No. 1; critical effect of the original row not transcribed",
            valid_until=AMENDMENT_1["effective"],
            until_amendment="XG1",
        )
    )
    # amendment No. 2 (acetochlor): one source only, shipped unverified
    records.append(
        _limit_record(
            name="乙草胺",
            name_en="Acetochlor",
            cas=["34256-82-1"],
            cas_printed=None,
            sub=None,
            mac=None,
            twa=_q(0.12, "mg/m3"),
            stel=None,
            effect=None,
            notation="",
            seq=359,
            row="359 (amendment No. 2)",
            transcription=PDF_EXTRACT + " (amendment overlay, not the PDF)",
            verified=False,
            verified_by=None,
            notes="added by amendment No. 2 per one secondary source only; critical effect given there (肝、肾损伤) not verified",
            valid_from=AMENDMENT_2["effective"],
            amendment=AMENDMENT_2["name"],
            amendment_id="XG2",
        )
    )
    # values agreeing with an independent copy: mark verified where the 2003 highly-toxic list (an
    # independent official document carrying the same GBZ values) agrees exactly.
    toxic = {
        c: r
        for r in _read(ref, "high_toxicity_catalog_2003.csv")
        if not r["flag"]
        for c in _split_cas(r["cas_as_in_source"])
    }
    for rec in records:
        if rec["verified"] or len(rec["cas"]) != 1 or rec["valid_until"]:
            continue
        t = toxic.get(rec["cas"][0])
        if t is None:
            continue
        mine = tuple((rec[k] or {}).get("magnitude") for k in ("mac", "pc_twa", "pc_stel"))
        theirs = tuple(float(t[k]) if t[k] else None for k in ("mac_mg_m3", "pc_twa_mg_m3", "pc_stel_mg_m3"))
        if mine == theirs:
            rec["verified"] = True
            rec["verified_by"] = "values agree with 高毒物品目录 (卫法监发〔2003〕142号) copy; " + LIMS
    return records, excluded


# ---------------------------------------------------------------------------------- GBZ 2.1 table 2
DUST_ENTRIES_OFFICIAL = 49


def _silica_band(sub: str) -> dict[str, Any] | None:
    if "SiO2" not in sub:
        return None
    if "10%≤" in sub:
        return {"min_percent": 10.0, "min_inclusive": True, "max_percent": 50.0, "max_inclusive": True}
    if "50%＜" in sub:
        return {"min_percent": 50.0, "min_inclusive": False, "max_percent": 80.0, "max_inclusive": True}
    if "＞80%" in sub:
        return {"min_percent": 80.0, "min_inclusive": False, "max_percent": None, "max_inclusive": False}
    return None


def _dust_record(
    name: str,
    *,
    record_id: str | None = None,
    seq: int | None = None,
    name_en: str | None = None,
    cas: list[str] | None = None,
    sub_condition: str | None = None,
    total: dict[str, Any] | None,
    respirable: dict[str, Any] | None,
    critical_effect: str | None = None,
    notation: str | None = None,
    transcription: str,
    verified: bool,
    verified_by: str | None = None,
    notes: str | None = None,
    excursion_multiple: float | None = None,
    edition: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One GBZ 2.1 表2 record, in the data file's key order."""
    return {
        "id": record_id or name,
        "seq": seq,
        "name_zh": name,
        "name_en": name_en,
        "cas": cas or [],
        "sub_condition": sub_condition,
        "free_silica": _silica_band(sub_condition) if sub_condition else None,
        "pc_twa_total": total,
        "pc_twa_respirable": respirable,
        "critical_effect": critical_effect,
        "notation": notation,
        "carcinogen": _notation(notation)[2] if notation else [],
        "excursion_multiple": excursion_multiple,
        "type_verified": False,
        "type_verified_by": None,
        **_gbz21_provenance(
            name,
            table="表2",
            row=None if seq is None else str(seq),
            transcription=transcription,
            verified=verified,
            verified_by=verified_by,
            notes=notes,
            edition=edition,
        ),
    }


def build_table2(ref: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    multi = _read(ref, "gbz21_2019_dust_multirow_entries.csv")
    multi_names = {"石棉（石棉含量＞10%）", "铝尘", "矽尘"}
    for row in _read(ref, "gbz21_2019_table2_from_lims.csv"):
        name = row["中文名"].strip()
        if name in multi_names:
            continue
        notes = row["notes"] or None
        if name == "石灰石粉尘":
            notes = (notes or "") + "; English name in the lab copy was that of 大理石粉尘 and is not used"
            en = None
        else:
            en = row["英文名"] or None
        records.append(
            _dust_record(
                name,
                name_en=en,
                cas=_split_cas(row["CAS号"]),
                total=_q(row["总尘PC_TWA"], "mg/m3"),
                respirable=_q(row["呼尘PC_TWA"], "mg/m3"),
                critical_effect=row["临界不良健康效应"] or None,
                notation=row["备注"] or None,
                transcription=LIMS,
                verified=False,
                notes=notes,
            )
        )
    for row in multi:
        name, sub = row["name"], row["sub_condition"]
        total = row["pc_twa_total_dust_mg_m3"]
        fibre = total.endswith("f/mL")
        records.append(
            _dust_record(
                name,
                record_id=f"{name}〔{sub}〕",
                seq=int(row["seq"]),
                cas=_split_cas(row["cas"]),
                sub_condition=sub,
                total=_q(total.split()[0], "f/mL") if fibre else _q(total, "mg/m3"),
                respirable=_q(row["pc_twa_respirable_mg_m3"], "mg/m3"),
                critical_effect=row["critical_effect"] or None,
                notation=row["note"] or None,
                transcription=PDF_EXTRACT,
                verified=True,
                verified_by=PDF_EXTRACT,
                notes="fibre concentration (f/mL); the column is the total-dust PC-TWA column of the table"
                if fibre
                else None,
            )
        )
    # Corroborated by two public sources each (ORIGINS.md), absent from both transcriptions.
    for name, total_value, resp in (("白云石粉尘", 8, 4), ("茶尘", 2, None), ("电焊烟尘", 4, None)):
        records.append(
            _dust_record(
                name,
                total=_q(total_value, "mg/m3"),
                respirable=_q(resp, "mg/m3"),
                transcription="reference ORIGINS.md: two public sources each",
                verified=True,
                verified_by="two independent public sources (reference ORIGINS.md)",
                notes="only the values are corroborated; English name, CAS and critical effect not transcribed",
            )
        )
    return records


# ------------------------------------------------------------------------------ GBZ 2.1-2007 (hunt-2)
GBZ21_2007 = {
    "document": "GBZ 2.1-2007 工作场所有害因素职业接触限值 第1部分：化学有害因素",
    "edition": "GBZ 2.1-2007",
    "issued": _day("GBZ 2.1-2007", "issued"),
    "effective": _day("GBZ 2.1-2007", "in_force"),
    "valid_until": _day("GBZ 2.1-2007", "until"),
    "effective_verified": True,
    "effective_source": "cover of the standard '2007-04-12 发布 2007-11-01 实施' (copy at zixin.com.cn/doc/3759393); repealed 2020-04-01 by 国卫通〔2019〕10号 ('GBZ 2.1—2007同时废止')",
    "binding": "the exposure limits of 表1 and 表2 are mandatory (GBZ 2.1-2007 is a mandatory national occupational-health standard)",
}
A14 = "MYMMoonDT/anliantest_v3.0 database/zybwhys_item.sql (file commit 5546e2e, dump 2014-11-04; reference hunt-2 source A14)"
B07 = "jonathanwong0086/chem-properties-excel gbz2.1-oel-reference.md (commit f8dd214; reference hunt-2 source B07)"
P02 = "GBZ 2-2002 表2 TWA column as read from m.bluu.cn/wenku/rdvsb/p2nrML5z2k (reference hunt-2 source P02); 2007 changed dust TWAs only by adding 萤石混合性粉尘 呼尘 (GBZ 2.1-2007 foreword)"
# 2007 sub-rows that the source stores as rows of their own: the entry they belong to (named as in
# GBZ 2.1-2019, whose multi-row entries are the same five; the 2007 printed entry name is not in A14).
T1_2007_GROUPS = {
    "五氧化二钒烟尘": "钒及其化合物（按V计）",
    "钒铁合金尘": "钒及其化合物（按V计）",
    "钼，不溶性化合物": "钼及其化合物（按Mo计）",
    "可溶性化合物": "钼及其化合物（按Mo计）",
    "金属镍与难溶性镍化合物": "镍及其无机化合物（按Ni计）",
    "可溶性镍化合物": "镍及其无机化合物（按Ni计）",
    "铅尘": "铅及其无机化合物（按Pb计）",
    "铅烟": "铅及其无机化合物（按Pb计）",
    "铜尘": "铜（按Cu计）",
    "铜烟": "铜（按Cu计）",
}
# The one malformed CAS of A14 (not a check-digit typo of the standard: the stored value has 8 digits at
# the end). o-Chlorostyrene is 2039-87-4 in GBZ 2.1-2019 and in the 2015 catalogue.
CAS_MALFORMED_2007 = {
    "2038-87-47": (
        "2039-87-4",
        "CAS stored as 2038-87-47 in the source (malformed: fails the CAS pattern); o-chlorostyrene is "
        "2039-87-4 as in GBZ 2.1-2019 表1 and the 2015 catalogue",
    )
}
DUST_2007_GROUPS = {
    "铝金属、铝合金粉尘": ("铝尘", "铝金属、铝合金粉尘"),
    "氧化铝粉尘": ("铝尘", "氧化铝粉尘"),
    "石棉粉尘": ("石棉（石棉含量＞10%）", "粉尘"),
    "石棉纤维": ("石棉（石棉含量＞10%）", "纤维"),
    "玻璃棉粉尘": ("人造玻璃质纤维", "玻璃棉粉尘"),
    "矿渣棉粉尘": ("人造玻璃质纤维", "矿渣棉粉尘"),
    "岩棉粉尘": ("人造玻璃质纤维", "岩棉粉尘"),
}
DUST_2007_GROUP_NOTE = {
    "铝尘": "entry name as in GBZ 2.1-2019 (the source stores the sub-rows only)",
    "石棉（石棉含量＞10%）": "entry name as in GBZ 2.1-2019 (the source stores the sub-rows only)",
    "人造玻璃质纤维": "entry name given by ohsreg to count the three sub-rows as one 2007 entry (47 entries); the printed entry name is not in the source",
}


def _cas_2007(printed: str) -> tuple[list[str], str | None]:
    """The registry numbers a 2007 CAS cell means, and the note when the stored value was corrected."""
    cas: list[str] = []
    note = None
    for token in _split_cas(printed):
        if token in CAS_TYPOS_2015:
            fixed, note = CAS_TYPOS_2015[token]
            cas.append(fixed)
            note = f"CAS printed {token} (the known typo of the official text, kept in cas_printed); {note}"
        elif token in CAS_MALFORMED_2007:
            fixed, note = CAS_MALFORMED_2007[token]
            cas.append(fixed)
        elif _cas_ok(token):
            cas.append(token)
        else:
            raise SystemExit(f"unexplained 2007 CAS: {printed}")
    return cas, note


def _rounded_fields(notes: str) -> list[str]:
    """The limit types whose stored value is rounded (left empty in the CSV)."""
    return re.findall(r"(MAC|PC-TWA|PC-STEL): stored", notes or "")


def build_table1_2007(ref: Path) -> list[dict[str, Any]]:
    out = []
    for row in _read(ref, "hunt-2/gbz21_2007_table1.csv"):
        printed_name = row["中文名"].strip()
        group = T1_2007_GROUPS.get(printed_name)
        name, sub = (group, printed_name) if group else (printed_name, None)
        cas, cas_note = _cas_2007(row["CAS号"])
        agree = row["agreement"].startswith("agree")
        rounded = _rounded_fields(row["notes"])
        stored = "" if cas_note else row["notes"]  # a CAS remark of the CSV is restated by cas_note
        notes = [n for n in (stored, cas_note) if n]
        if group:
            notes.append(
                "entry name as in GBZ 2.1-2019 (the source stores the sub-row only); sub-condition is the row as stored"
            )
        verified = agree and not rounded
        if rounded:
            notes.append(
                f"{'/'.join(rounded)} left empty: the stored value is rounded, the true value was not found"
            )
        if not verified:
            notes.append(f"single source (A14); second source: {row['agreement']}")
        printed_cas = row["CAS号"] or None
        out.append(
            _limit_record(
                name=name,
                name_en=row["英文名"] or None,
                cas=cas,
                cas_printed=printed_cas if printed_cas and printed_cas != ", ".join(cas) else None,
                sub=sub,
                mac=_q(row["MAC"], "mg/m3"),
                twa=_q(row["PC-TWA"], "mg/m3"),
                stel=_q(row["PC-STEL"], "mg/m3"),
                effect=None,
                notation=row["备注"],
                seq=None,
                row=None,
                transcription=f"{A14}, {row['source_quote_or_location']}",
                verified=verified,
                verified_by=f"{A14}; {B07}, {row['second_source']}: MAC/PC-TWA/PC-STEL identical"
                if verified
                else None,
                notes="; ".join(notes) or None,
                excursion_multiple=float(row["超限倍数"]) if row["超限倍数"] else None,
                edition=GBZ21_2007,
            )
        )
    return out


def build_table2_2007(ref: Path) -> list[dict[str, Any]]:
    out = []
    for row in _read(ref, "hunt-2/gbz21_2007_table2.csv"):
        printed_name = row["中文名"].strip()
        name, sub = DUST_2007_GROUPS.get(printed_name, (printed_name, row["sub_condition"] or None))
        total, resp = row["总尘PC_TWA"], row["呼尘PC_TWA"]
        fibre = printed_name == "石棉纤维"
        values = sum(1 for v in (total, resp) if v)
        corroborated = row["agreement"].count("agrees with GBZ 2-2002")
        verified = values > 0 and corroborated == values
        notes = [n for n in (row["notes"], DUST_2007_GROUP_NOTE.get(name)) if n]
        if fibre:
            notes.append(
                "fibre concentration: the source stores no unit; f/mL as printed for this row in GBZ 2.1-2019"
            )
        if not verified:
            notes.append(f"single source (A14): {row['agreement']}")
        out.append(
            _dust_record(
                name,
                record_id=name + (f"〔{sub}〕" if sub else ""),
                name_en=row["英文名"] or None,
                cas=_split_cas(row["CAS号"]),
                sub_condition=sub,
                total=_q(total, "f/mL" if fibre else "mg/m3"),
                respirable=_q(resp, "mg/m3"),
                notation=row["备注"] or None,
                transcription=f"{A14}, {row['source_quote_or_location']}",
                verified=verified,
                verified_by=f"{A14}; {P02}" if verified else None,
                notes="; ".join(notes) or None,
                excursion_multiple=float(row["超限倍数"]) if row["超限倍数"] else None,
                edition=GBZ21_2007,
            )
        )
    return out


def resolve_2007(records: list[dict[str, Any]], later: list[dict[str, Any]]) -> None:
    """2007 rows that match no 2015 factor by CAS or name take the factors of the GBZ 2.1-2019 row with the
    same CAS or name (2019 renamed several entries, e.g. 氟化物 → 氟及其化合物)."""
    by_key: dict[str, list[str]] = {}
    for rec in later:
        if rec["hazard_ids"]:
            for key in [*rec["cas"], rec["name_zh"]]:
                by_key.setdefault(key, []).extend(rec["hazard_ids"])
    for rec in records:
        if rec["hazard_ids"]:
            continue
        ids = sorted({i for key in [*rec["cas"], rec["name_zh"]] for i in by_key.get(key, [])})
        if ids:
            rec["hazard_ids"] = ids
            rec["hazard_exception"] = None


# --------------------------------------------------------------------- GBZ 2.1-2019 limit types (C19)
C19 = "GBZ 2.1-2019 limit-type index OEL_INDEX (public Python module, read_file id 56573169968; reference hunt-2 source C19)"


def mark_limit_types(ref: Path, t1: list[dict[str, Any]], t2: list[dict[str, Any]]) -> None:
    """``type_verified``: the limit types a 2019 row has (MAC / PC-TWA / PC-STEL) agree with C19's index of the
    2019 text. This is about the types only; the values keep their own ``verified``."""
    rows = {
        (r["table"], r["shipped_id"]): r for r in _read(ref, "hunt-2/verification_shipped_gbz21_2019.csv")
    }
    for table, records in (("表1", t1), ("表2", t2)):
        for rec in records:
            row = rows.get((table, rec["id"]))
            if row is None or not row["structure_check_C19"].startswith("agree"):
                continue
            rec["type_verified"] = True
            rec["type_verified_by"] = f"{C19}: {row['C19_limit_types_2019']}"


def not_shipped_2019(
    ref: Path, t1_2007: list[dict[str, Any]], t2_2007: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The 2019 rows C19 lists and the library does not ship: their names, and which 2007 rows answer for
    dates before 2020-04-01 (a hint, never a 2019 value)."""
    t1 = [
        {
            "name_zh": "氮氧化物（一氧化氮和二氧化氮）",
            "aliases": [
                "氮氧化物",
                "二氧化氮",
                "一氧化氮",
                "nitrogen dioxide",
                "nitric oxide",
                "10102-44-0",
                "10102-43-9",
            ],
            "limit_types": "PC-TWA+PC-STEL",
            "edition_2007_rows": ["二氧化氮", "一氧化氮"],
            "note": "2019 merged the 一氧化氮 limit into 二氧化氮 (foreword: 将一氧化氮接触限值并入二氧化氮的接触限值, copies at dmzsm.com detail-96-9dc6a18c1818124e and tayhamn.com/36/398); 2019 values not found",
        },
        {
            "name_zh": "二硼烷",
            "aliases": ["乙硼烷", "diborane", "19287-45-7"],
            "limit_types": "PC-TWA",
            "edition_2007_rows": ["乙硼烷"],
            "note": "2019 values not found",
        },
        {
            "name_zh": "焦炉逸散物（按苯溶物计）",
            "aliases": ["焦炉逸散物", "coke oven emissions"],
            "limit_types": "PC-TWA",
            "edition_2007_rows": ["焦炉逸散物（按苯溶物计）"],
            "note": "2019 values not found",
        },
        {
            "name_zh": "戊烷（全部异构体）",
            "aliases": ["戊烷", "pentane", "109-66-0"],
            "limit_types": "PC-TWA+PC-STEL",
            "edition_2007_rows": ["戊烷"],
            "note": "2019 values not found",
        },
    ]
    names_2007 = {r["name_zh"] for r in t1_2007}
    for entry in t1:
        missing = set(entry["edition_2007_rows"]) - names_2007
        if missing:
            raise SystemExit(f"2007 rows named for {entry['name_zh']} are not in the 2007 table: {missing}")
    t2 = []
    for row in _read(ref, "hunt-2/gbz21_2019_table2_rows_C19.csv"):
        if row["in_shipped_table2"] != "NO":
            continue
        name = row["中文名"]
        t2.append(
            {
                "seq": int(row["序号_inferred"]),
                "name_zh": name,
                "aliases": [],
                "limit_types": row["limit_types_2019"],
                "edition_2007_rows": sorted(
                    {r["name_zh"] for r in t2_2007 if r["name_zh"] == name or r["name_zh"].startswith(name)}
                ),
                "note": "2019 values not found; 序号 inferred from C19's row order (matches the anchors 21, 22, 29, 34, 40, 49)",
            }
        )
    return t1, t2


def _entries(records: Iterable[dict[str, Any]]) -> int:
    return len({r["name_zh"] for r in records})


# ------------------------------------------------------------------------------- tables 3, 4 and 5
def build_table3() -> list[dict[str, Any]]:
    rows = [
        (
            "白僵蚕孢子",
            "Beauveria bassiana",
            None,
            _q(6e7, "spores/m3"),
            None,
            None,
            "limit type printed for this row is read as MAC by one parser and PC-TWA by another: not verified",
        ),
        ("枯草杆菌蛋白酶", "Subtilisins", None, None, _q(15, "ng/m3"), _q(30, "ng/m3"), None),
        ("工业酶混合尘", "Industrial enzyme mixed dust", None, None, _q(1.5, "ug/m3"), _q(3, "ug/m3"), None),
    ]
    out = []
    for i, (zh, en, mac, mac_or_twa, twa, stel, note) in enumerate(rows, start=1):
        full, initials = _pinyin(zh)
        out.append(
            {
                "id": zh,
                "seq": i,
                "name_zh": zh,
                "name_en": en,
                "mac": mac_or_twa if zh == "白僵蚕孢子" else mac,
                "pc_twa": twa,
                "pc_stel": stel,
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": GBZ21["document"],
                    "edition": GBZ21["edition"],
                    "table": "表3",
                    "row": str(i),
                    "transcription": "CovD831/ohs-report knowledge/bei_parser.py (values read from the official PDF)",
                },
                "verified": note is None,
                "verified_by": None
                if note
                else "official-PDF reading (ohs-report bei_parser), values also in reference FACTS.md",
                "notes": note,
            }
        )
    out[2]["notes"] = (
        "name as 工业酶 in the reference; the printed row name may be longer (工业酶混合尘) - check"
    )
    out[2]["name_zh"] = "工业酶"
    out[2]["id"] = "工业酶"
    out[2]["verified"] = False
    out[2]["verified_by"] = None
    return out


def build_table4() -> list[dict[str, Any]]:
    full, initials = _pinyin("三甲基氯化锡")
    base = {
        "hazard_name_zh": "三甲基氯化锡",
        "hazard_name_en": "Trimethyltin chloride",
        "pinyin": full,
        "initials": initials,
        "sampling_time": "不做严格限定",
        "valid_from": AMENDMENT_1["effective"],
        "amendment": AMENDMENT_1["name"],
        "source": {
            "document": GBZ21["document"],
            "edition": GBZ21["edition"],
            "table": "表4",
            "row": "29 (amendment No. 1)",
            "transcription": "CovD831/ohs-report bei_parser.py; gbz21-oel-data.js",
        },
        "verified": True,
        "verified_by": "two independent secondary sources agree (ohs-report bei_parser; a JS dataset gbz21-oel-data.js)",
        "notes": "amendment No. 1; effective date not verified",
    }
    tmt = [
        {
            **base,
            "id": "三甲基氯化锡/尿",
            "seq": 29,
            "indicator_zh": "尿中三甲基锡",
            "indicator_en": "trimethyltin in urine",
            "limit": _q(500, "ug/g creatinine"),
        },
        {
            **base,
            "id": "三甲基氯化锡/血",
            "seq": 29,
            "indicator_zh": "血中三甲基锡",
            "indicator_en": "trimethyltin in blood",
            "limit": _q(200, "ug/L"),
        },
    ]
    full, initials = _pinyin("苯")
    spma = {
        "id": "苯/尿中苯巯基尿酸",
        "seq": None,
        "hazard_name_zh": "苯",
        "hazard_name_en": "Benzene",
        "pinyin": full,
        "initials": initials,
        "indicator_zh": "尿中苯巯基尿酸",
        "indicator_en": "S-phenylmercapturic acid in urine",
        "limit": _q(47, "umol/mol creatinine"),
        "sampling_time": "工作班末",
        "valid_from": None,
        "amendment": None,
        "source": {
            "document": GBZ21["document"],
            "edition": GBZ21["edition"],
            "table": "表4",
            "row": None,
            "transcription": "one journal article (reference ORIGINS.md)",
        },
        "verified": False,
        "verified_by": None,
        "notes": "one secondary source only; indicator naming as in that source",
    }
    return [*tmt, spma]


def build_table5() -> list[dict[str, Any]]:
    rows = [
        ("0", None, 1.0, "基本无接触", "不需要采取行动"),
        ("Ⅰ", 1.0, 10.0, "接触水平很低", "一般危害告知，如标签、SDS 等"),
        ("Ⅱ", 10.0, 50.0, "有接触但无明显健康风险", "一般危害告知，特殊危害告知"),
        ("Ⅲ", 50.0, 100.0, "有明显接触", "一般危害告知，特殊危害告知，职业卫生监测，职业健康监护，作业管理"),
        (
            "Ⅳ",
            100.0,
            None,
            "超过职业接触限值",
            "一般危害告知，特殊危害告知，职业卫生监测，职业健康监护，作业管理，个体防护用品和工程、工艺控制",
        ),
    ]
    return [
        {
            "id": cls,
            "level": cls,
            "above_percent": lo,
            "up_to_percent": hi,
            "description_zh": desc,
            "actions_zh": act,
            "source": {
                "document": GBZ21["document"],
                "edition": GBZ21["edition"],
                "table": "表5",
                "row": cls,
                "transcription": "CovD831/ohs-report bei_parser.parse_levels (official PDF)",
            },
            "verified": True,
            "verified_by": "official-PDF reading (ohs-report bei_parser.parse_levels), reference FACTS.md (V)",
            "notes": "description column wording paraphrased in the reference; bands and actions as transcribed",
        }
        for cls, lo, hi, desc, act in rows
    ]


# -------------------------------------------------------------------------------------- GBZ 2.2
PHYS_UNIT = {
    "dB(A)": "dB(A)",
    "dB": "dB",
    "℃": "degC",
    "m/s²": "m/s2",
    "kV/m": "kV/m",
    "mW/cm²": "mW/cm2",
    "V/m": "V/m",
    "A/m": "A/m",
    "μW·h/cm²": "uW*h/cm2",
    "μW/cm²": "uW/cm2",
    "mJ/cm²": "mJ/cm2",
    "次/min": "1/min",
    "kJ/d": "kJ/d",
    "-": "",
}


_ROMAN = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"}


def _gbz22_parameters(factor: str, metric: str, conditions: str) -> dict[str, Any]:
    """The conditions of a GBZ 2.2 row that rules select it by, as typed values (the noise limit by
    metric, the impulse-noise peak by impulses per day, WBGT by exposure-time ratio and work intensity)."""
    if factor == "高温" and metric == "WBGT指数":
        m = re.fullmatch(r"接触时间率(\d+)%, 体力劳动强度([ⅠⅡⅢⅣ])级", conditions)
        if m is None:
            raise SystemExit(f"unparsed WBGT row: {conditions}")
        return {"exposure_time_ratio": int(m.group(1)) / 100, "work_intensity": _ROMAN[m.group(2)]}
    if factor == "脉冲噪声":
        m = re.search(r"n≤(\d+)$", conditions)
        if m is None:
            raise SystemExit(f"unparsed impulse-noise row: {conditions}")
        return {"max_impulses_per_day": int(m.group(1))}
    if factor == "噪声":
        return {"metric": metric}
    return {}


def build_gbz22(ref: Path) -> list[dict[str, Any]]:
    out = []
    counter: dict[str, int] = {}
    for row in _read(ref, "gbz22_2007_physical_limits.csv"):
        unit = PHYS_UNIT[row["unit"]]
        value = row["value"]
        formula = None
        quantity = None
        if re.fullmatch(r"[0-9.]+", value):
            quantity = {"magnitude": float(value), "unit": unit}
        else:
            formula = value
        n = counter[row["factor"]] = counter.get(row["factor"], 0) + 1
        m = re.search(r"(表\d+|\d+(?:\.\d+)+)", row["note"])
        full, initials = _pinyin(row["factor"])
        out.append(
            {
                "id": f"{row['factor']}/{n}",
                "factor_zh": row["factor"],
                "metric_zh": row["limit_type"],
                "value": quantity,
                "formula": formula,
                "unit": unit,
                "unit_printed": row["unit"],
                "conditions_zh": row["conditions"],
                "parameters": _gbz22_parameters(row["factor"], row["limit_type"], row["conditions"]),
                "clause": m.group(1) if m else None,
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "GBZ 2.2-2007 工作场所有害因素职业接触限值 第2部分：物理因素",
                    "edition": "GBZ 2.2-2007",
                    "table": m.group(1) if m else None,
                    "row": row["conditions"],
                    "transcription": "CovD831/ohs-report knowledge/data/gbz22_physical.json (hand reading)",
                },
                "verified": True,
                "verified_by": "reference ORIGINS.md/FACTS.md: agrees with GBZ 2.2-2007 (V) for these tables",
                "notes": row["note"],
            }
        )
    return out


# ------------------------------------------------------------------------------ GBZ 188 intervals
# In-service (periodic) examination intervals, by edition. Each row: the hazard as the standard names
# it, the names and CAS numbers lookups resolve it by, the plain interval in months or its refinements
# by noise level (lower bound of L_EX,8h in dB(A), months; highest band first) or by the grade of the
# work (lowest grade of the band, months; highest first), the source and whether it is verified.
GBZ188_2014 = "GBZ 188-2014"
GBZ188_2025 = "GBZ 188-2025"
GBZ188_TITLE = "职业健康监护技术规范"


def _rule(
    hazard: str,
    names: tuple[str, ...],
    months: int | None,
    source: str,
    verified: bool,
    clause: str = "",
    note: str = "",
    *,
    by_noise: tuple[tuple[float, int], ...] = (),
    by_grade: tuple[tuple[str, int], ...] = (),
    edition: str = GBZ188_2014,
) -> dict[str, Any]:
    return {
        "id": f"{edition}/{hazard}",
        "hazard_zh": hazard,
        "names": list(names),
        "months": months,
        "by_noise": [list(b) for b in by_noise],
        "by_grade": [list(b) for b in by_grade],
        "clause": clause,
        "note": note,
        "source": {
            "document": f"{edition} {GBZ188_TITLE}",
            "edition": edition,
            "table": "在岗期间职业健康检查周期",
            "row": hazard,
            "transcription": source,
        },
        "verified": verified,
        "verified_by": source if verified else None,
        "notes": note or None,
    }


_COPY = "GBZ 188-2014 text, public copy (renrendoc p-80331186, in-service periodicity list), FACTS §10"
_NOISE = "secondary: g230.com page quoting the GBZ 188-2014 noise clause; qwkpw.com gives 1 year only"
_COAL = "secondary: exam answer citing GBZ 188-2014 6.2.2.3 (222.198.130.40 showsubject 210fceca…)"
_HEAT = "two pages: xiaomilidoc p-2896031 (copy of the standard's table) and qwkpw.com/jingyan/y5yzm4"
_POSTGUARD = "secondary: one public code repository (GBZ 188-2025 cycle rules in its comments)"
_LIVER = "liver function test every 6 months (not modelled)"


def _chem(hazard: str, months: int, *names: str, note: str = "", verified: bool = True) -> dict[str, Any]:
    return _rule(hazard, (hazard, *names), months, _COPY, verified, f"{GBZ188_2014} {hazard}", note)


def _graded(hazard: str, *names: str, note: str) -> dict[str, Any]:
    """A chemical whose interval depends on the grade of the work (Ⅱ and above: 1 year; Ⅰ: 2 years);
    the copy lost the grade numerals, so the rule is unverified."""
    return _rule(
        hazard,
        (hazard, *names),
        None,
        _COPY,
        False,
        f"{GBZ188_2014} {hazard}",
        f"有毒作业分级 Ⅱ级及以上 1 年, Ⅰ级 2 年 (grade numerals lost in the copy); {note}".rstrip("; "),
        by_grade=(("GRADE_II", 12), ("GRADE_I", 24)),
    )


_RULES_2014: tuple[dict[str, Any], ...] = (
    _chem("铅及其无机化合物", 12, "铅", "铅及其化合物", "铅及其化合物（不包括四乙基铅）", "7439-92-1"),
    _chem("四乙基铅", 36, "78-00-2"),
    _graded("汞及其无机化合物", "汞", "汞及其化合物", "7439-97-6", note="catalogue factor is broader"),
    _chem("锰及其无机化合物", 12, "锰", "锰及其化合物", "7439-96-5"),
    _chem("铍及其无机化合物", 12, "铍", "铍及其化合物", "7440-41-7"),
    _chem("镉及其无机化合物", 12, "镉", "镉及其化合物", "7440-43-9"),
    _chem("铬及其无机化合物", 12, "铬", "铬及其化合物", "7440-47-3"),
    _chem("氧化锌", 12, "1314-13-2"),
    _graded("砷", "砷及其化合物", "砷及其化合物（砷化氢单列）", "7440-38-2", note=_LIVER),
    _chem("砷化氢", 36, "砷化三氢", "7784-42-1"),
    _chem(
        "磷及其无机化合物",
        6,
        "磷",
        "黄磷",
        "磷及其化合物",
        "磷及其化合物（磷化氢、磷化锌、磷化铝、有机磷单列）",
        note=f"{_LIVER}; the catalogue factor is broader than 磷及其无机化合物",
    ),
    _chem("磷化氢", 12, "7803-51-2", note="the catalogue factor also covers 磷化锌、磷化铝"),
    _chem(
        "钡化合物",
        36,
        "可溶性钡化合物",
        "钡及其化合物",
        note="GBZ 188-2014: 氯化钡、硝酸钡、醋酸钡; the catalogue factor 钡及其化合物 is broader",
    ),
    _chem("钒及其无机化合物", 36, "钒", "钒及其化合物"),
    _chem("三烷基锡", 36),
    _chem("铊及其无机化合物", 12, "铊", "铊及其化合物"),
    _chem("羰基镍", 12, "13463-39-3"),
    _chem("氟及其无机化合物", 12, "氟", "7782-41-4"),
    _chem("苯", 12, "71-43-2", "benzene"),
    _chem("甲苯", 12, "108-88-3", "toluene", note="按苯的要求执行（参照苯）"),
    _chem("二甲苯", 12, "1330-20-7", "xylene", note="按苯的要求执行（参照苯）"),
    _chem("二硫化碳", 12, "75-15-0"),
    _chem("四氯化碳", 36, "56-23-5", note=_LIVER),
    _chem("甲醇", 36, "67-56-1", "methanol"),
    _chem("汽油", 12, "8006-61-9"),
    _chem("溴甲烷", 36, "74-83-9"),
    _chem(
        "1,2-二氯乙烷",
        36,
        "107-06-2",
        "二氯乙烷",
        note="the 2015 catalogue lists 二氯乙烷; GBZ 188-2014 names 1,2-二氯乙烷",
    ),
    _chem("正己烷", 12, "110-54-3", "n-hexane"),
    _chem(
        "苯的氨基与硝基化合物",
        36,
        "苯的氨基及硝基化合物",
        "苯的氨基及硝基化合物（不含三硝基甲苯）",
    ),
    _chem("三硝基甲苯", 12, "118-96-7", "TNT", note=_LIVER),
    _chem("联苯胺", 12, "92-87-5"),
    _chem("氯气", 12, "氯", "7782-50-5"),
    _chem("二氧化硫", 12, "7446-09-5"),
    _chem("氮氧化物", 12, "氮氧化合物"),
    _chem("氨", 12, "7664-41-7"),
    _chem("光气", 36, "碳酰氯", "75-44-5"),
    _chem("甲醛", 12, "50-00-0", "formaldehyde"),
    _chem("一甲胺", 12, "74-89-5"),
    _chem("一氧化碳", 36, "630-08-0"),
    _chem("硫化氢", 36, "7783-06-4"),
    _graded("氯乙烯", "75-01-4", note=_LIVER),
    _chem(
        "三氯乙烯",
        36,
        "79-01-6",
        note="皮肤科常规检查 weekly in the first 3 months after placement (not modelled)",
    ),
    _chem("氯丙烯", 12, "107-05-1"),
    _rule(
        "噪声",
        ("噪声", "noise"),
        None,
        _NOISE,
        False,
        f"{GBZ188_2014} 噪声 在岗期间职业健康检查周期",
        "L_EX,8h < 80 dB(A): no periodic interval given",
        by_noise=((85.0, 12), (80.0, 24)),
    ),
    _rule(
        "煤尘",
        ("煤尘", "煤尘（游离SiO2含量＜10%）"),
        None,
        _COAL,
        False,
        f"{GBZ188_2014} 6.2.2.3",
        "生产性粉尘作业分级 Ⅰ级: 3 年; Ⅱ级及以上: 2 年; 煤工尘肺患者 1–2 年 (not modelled)",
        by_grade=(("GRADE_II", 24), ("GRADE_I", 36)),
    ),
    _rule(
        "高温",
        ("高温", "heat"),
        12,
        _HEAT,
        True,
        f"{GBZ188_2014} 高温 在岗期间职业健康检查周期",
        "每年高温季节到来之前进行",
    ),
)

_RULES_2025: tuple[dict[str, Any], ...] = (
    _rule(
        "噪声",
        ("噪声", "noise"),
        None,
        _POSTGUARD,
        False,
        f"{GBZ188_2025} 7.1 噪声",
        "L_EX,8h < 80 dB(A): no surveillance; section number 7.1 from a public mapping of the 2025 text",
        by_noise=((85.0, 12), (80.0, 24)),
        edition=GBZ188_2025,
    ),
    _rule(
        "高温",
        ("高温", "heat"),
        12,
        _POSTGUARD,
        False,
        f"{GBZ188_2025} 7.3 高温",
        "section number 7.3 from a public mapping of the 2025 text",
        edition=GBZ188_2025,
    ),
)


# --------------------------------------------------------------------------------- training hours
TRAINING_BY = (
    "independent public pages agree: fbbyw.cn/2125 (quoting the notice; principals and managers 16 h initial, "
    "8 h continuing, cycle one year); a Xiamen work-safety bureau notice of 2015-04-15 (16/8); "
    "chaoliuxuan.com (workers 8 h initial, 4 h continuing); slarc.org.cn 1674-5817-2025-45-2-188 T5"
)


def build_training_hours() -> list[dict[str, Any]]:
    rows = [
        ("PRINCIPAL", "INITIAL", 16.0, 12),
        ("PRINCIPAL", "CONTINUING", 8.0, 12),
        ("OH_MANAGER", "INITIAL", 16.0, 12),
        ("OH_MANAGER", "CONTINUING", 8.0, 12),
        ("WORKER", "INITIAL", 8.0, None),
        ("WORKER", "CONTINUING", 4.0, None),
    ]
    return [
        {
            "id": f"{role}/{kind}",
            "name_zh": f"{role}/{kind}",
            "role": role,
            "kind": kind,
            "hours": hours,
            "cycle_months": cycle,
            "source": {
                "document": _INSTRUMENTS["SAWS training notice 2015"]["citation"],
                "edition": "2015",
                "table": None,
                "row": f"{role}/{kind}",
                "transcription": "secondary pages quoting the notice (its own text was not reached)",
            },
            "verified": True,
            "verified_by": TRAINING_BY,
            "notes": None
            if cycle or kind == "INITIAL"
            else "continuing-training cycle of workers not found: not modelled",
        }
        for role, kind, hours, cycle in rows
    ]


# ----------------------------------------------------------------------------------- 2003 toxic
# Rows whose name, CAS and limits were compared with a second public copy of the notice (search
# 2026-11-29: paketwisatajogja.net reproduction of 卫法监发〔2003〕142号, rows 1-17; 360docs.net, rows 18-20
# and 25) and agree.
TOXIC_SECOND_COPY = set(range(1, 21)) | {25}
TOXIC_SECOND_COPY_BY = (
    "second public copy of the 2003 list agrees (paketwisatajogja.net rows 1-17; 360docs.net rows 18-20, 25)"
)


def build_toxic(ref: Path, hazards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_cas: dict[str, list[str]] = {}
    for h in hazards:
        for c in h["cas"]:
            by_cas.setdefault(c, []).append(h["id"])
    out = []
    for row in _read(ref, "high_toxicity_catalog_2003.csv"):
        printed = row["cas_as_in_source"]
        cas = [c for c in _split_cas(printed) if _cas_ok(c)]
        note = row["flag"] or None
        if row["name"].startswith("氯乙烯"):
            cas = ["75-01-4"]
        if row["seq"] == "21":
            cas = []  # 305-03-3 is not chromium: flagged in the source copy
        if row["seq"] == "49":
            cas = ["7440-28-0"]
            note = "CAS blank in the transcription; 7440-28-0 (thallium) as printed in a second copy (360docs.net)"
        if row["seq"] == "37":
            note = "transcription shows a spreadsheet-date CAS (1975-1-4); 75-01-4 as printed in a second copy (360docs.net)"
        seq = int(row["seq"])
        checked = seq in TOXIC_SECOND_COPY
        ids = sorted({i for c in cas for i in by_cas.get(c, [])})
        full, initials = _pinyin(row["name"])
        out.append(
            {
                "id": f"T{int(row['seq']):02d}",
                "seq": int(row["seq"]),
                "name_zh": row["name"],
                "cas": cas,
                "cas_printed": printed or None,
                "mac": _q(row["mac_mg_m3"], "mg/m3"),
                "pc_twa": _q(row["pc_twa_mg_m3"], "mg/m3"),
                "pc_stel": _q(row["pc_stel_mg_m3"], "mg/m3"),
                "hazard_ids": ids,
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "高毒物品目录 (卫法监发〔2003〕142号)",
                    "edition": "2003",
                    "table": "高毒物品目录",
                    "row": row["seq"],
                    "transcription": "public page copies (reference high_toxicity_catalog_2003.csv)",
                },
                "verified": checked and not row["flag"],
                "verified_by": TOXIC_SECOND_COPY_BY if checked and not row["flag"] else None,
                "notes": note,
            }
        )
    return out


# ------------------------------------------------------------------------------------ diseases
def build_diseases_2024(ref: Path) -> list[dict[str, Any]]:
    out = []
    for i, row in enumerate(_read(ref, "occupational_disease_catalog_2024.csv"), start=1):
        parts = row["category"].split("/")
        full, initials = _pinyin(row["disease"])
        out.append(
            {
                "id": f"2024-{i:03d}",
                "seq": int(row["seq"]),
                "category_zh": parts[0],
                "subcategory_zh": parts[1] if len(parts) > 1 else None,
                "name_zh": row["disease"],
                "open_clause": _open_clause(row["disease"]),
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "职业病分类和目录 (2024 revision)",
                    "edition": "2024",
                    "table": row["category"],
                    "row": row["seq"],
                    "transcription": "text of the 2024 list (CovD831/ohs-report occupational_diseases_2024.txt)",
                },
                "verified": True,
                "verified_by": "verbatim official text (reference ORIGINS.md); counts 12 categories / 135 confirmed by 人民网 report (zgjkxw.org.cn 2024-12-20)",
                "notes": None,
            }
        )
    return out


def _open_clause(name: str) -> bool:
    """The open-ended items (开放性条款): "根据《…》可以诊断的其他…" and "上述条目未提及的…其他化学中毒"."""
    return ("其他" in name and "根据" in name) or name.startswith("上述条目未提及")


# The 2013 list (国卫疾控发〔2013〕48号) is rebuilt from the verbatim 2024 text and the published list of
# changes between the two (人民网 report reproduced at zgjkxw.org.cn 2024-12-20; 南方Plus at china.com
# 2024-12-19): two new categories with one new disease each (腕管综合征, 创伤后应激障碍); 滑囊炎（限于井下工人）
# moved from 其他职业病 to the new musculoskeletal category; 放射性白内障 split out of the eye-disease item
# 白内障 and moved to the radiological category; 铀及其化合物中毒 moved from chemical poisoning to the
# radiological category; categories renumbered. Every item is then checked against two copies of the 2013
# text: the page of the 海原县 government (hy.gov.cn, 2019-11-08; categories 一-五 up to item 五.3 are
# readable) and a public repository's list component (code corpus file 22173185365, a Vue table
# "SickTable" with the 2013 list; it merges, splits or drops a few items, listed below).
D2013_PAGE = "hy.gov.cn/xxgk/zfxxgkml/wsyl/201911/t20191108_1842804.html (2013 list as published 2019-11-08)"
D2013_CODE = "public repository Vue component SickTable (2013 list; code-corpus file id 22173185365)"
D2013_CHANGES = "2024 change list (人民网 via zgjkxw.org.cn 2024-12-20; 南方Plus via china.com 2024-12-19)"
D2013_CATEGORIES = {
    "一": "一、职业性尘肺病及其他呼吸系统疾病",
    "二": "二、职业性皮肤病",
    "三": "三、职业性眼病",
    "四": "四、职业性耳鼻喉口腔疾病",
    "五": "五、职业性化学中毒",
    "六": "六、物理因素所致职业病",
    "七": "七、职业性放射性疾病",
    "八": "八、职业性传染病",
    "九": "九、职业性肿瘤",
    "十": "十、其他职业病",
}
# 2024 categories 一-九 keep their number and name from 2013; 十-十二 are new or renumbered.
D2013_KEPT = {"一", "二", "三", "四", "五", "六", "七", "八", "九"}
# Items whose 2013 wording the hy.gov.cn page shows (categories 一 to 四; 五.1-3).
D2013_ON_PAGE = (
    {("一", n) for n in range(1, 20)} | {("二", n) for n in range(1, 10)} | {("三", n) for n in range(1, 4)}
)
D2013_ON_PAGE |= {("四", n) for n in range(1, 5)} | {("五", n) for n in range(1, 4)}
# Items that the repository copy does not print as in the 2013 text (merged, split, dropped or altered):
# they are verified only where the page shows them, else they ship unverified.
D2013_CODE_DEFECTS = {
    ("一", 13): "repository copy drops the final 病 (其他尘肺)",
    ("一", 19): "repository copy prints 金属肺病",
    ("二", 1): "repository copy merges items 1 and 2",
    ("二", 2): "repository copy merges items 1 and 2",
    ("二", 5): "repository copy merges items 5 and 6",
    ("二", 6): "repository copy merges items 5 and 6",
    ("三", 3): "repository copy prints 及 for 、",
    ("五", 39): "absent from the repository copy; wording and position from the 2024 text",
    ("五", 43): "absent from the repository copy; wording and position from the 2024 text",
    ("五", 52): "absent from the repository copy; wording and position from the 2024 text",
    (
        "七",
        6,
    ): "the repository copy prints 放射性肿瘤 without （含矿工高氡暴露所致肺癌）, the 2024 text has it; the 2013 wording is unresolved and the 2024 wording is shipped",
    ("九", 1): "repository copy splits the item (石棉所致肺癌 / 间皮瘤)",
    ("九", 4): "repository copy splits the item",
    ("九", 5): "repository copy splits the item",
    ("九", 8): "repository copy prints a fragment (化合物所致肺癌)",
    ("九", 9): "repository copy splits the item",
    ("九", 10): "repository copy prints fragments (煤油沥青所致皮肤癌 / 石油沥青所致皮肤癌)",
    ("十", 3): "repository copy splits the item in two",
}
# Of the defects above, those that the other evidence still settles (the item is unchanged in the 2024
# text, the change list names no change, and the repository copy shows the same item in pieces).
D2013_SETTLED_BY_PIECES = {("九", 1), ("九", 4), ("九", 5), ("九", 9), ("十", 3)}


def build_diseases_2013(ref: Path) -> list[dict[str, Any]]:
    rows = _read(ref, "occupational_disease_catalog_2024.csv")
    items: list[tuple[str, str | None, str]] = []  # (2013 category key, subcategory, name)
    for row in rows:
        cat, _, sub = row["category"].partition("/")
        key = cat.split("、")[0]
        name = row["disease"]
        if key in D2013_KEPT:
            if key == "三" and name == "白内障（含三硝基甲苯白内障）":
                name = "白内障（含放射性白内障、三硝基甲苯白内障）"
            if key == "七" and name in {"放射性白内障", "铀及其化合物中毒"}:
                continue  # moved here in 2024
            items.append((key, sub or None, name))
            if key == "五" and name == "砷及其化合物中毒":
                items.append(("五", None, "铀及其化合物中毒"))  # 2013 item 五.11 (moved out in 2024)
        elif name == "滑囊炎（限于井下工人）":
            items.append(("十", None, name))  # 2013 item 十.2
        elif key == "十二":
            items.append(("十", None, name))
    # 十: 金属烟热, 滑囊炎, 股静脉… in 2013 order
    other = [i for i in items if i[0] == "十"]
    order = {"金属烟热": 0, "滑囊炎（限于井下工人）": 1}
    other.sort(key=lambda i: order.get(i[2], 2))
    items = [i for i in items if i[0] != "十"] + other
    out = []
    counter: dict[str, int] = {}
    for key, sub, name in items:
        n = counter[key] = counter.get(key, 0) + 1
        seq = n - 13 if key == "一" and n > 13 else n
        on_page = (key, n) in D2013_ON_PAGE
        defect = D2013_CODE_DEFECTS.get((key, n))
        if defect is None:
            verified = True
            by = f"{D2013_CODE}; {D2013_CHANGES}" + (f"; {D2013_PAGE}" if on_page else "")
        elif on_page:
            verified, by = True, f"{D2013_PAGE}; {D2013_CHANGES}"
        elif (key, n) in D2013_SETTLED_BY_PIECES:
            verified = True
            by = f"{D2013_CHANGES} (no change to this item) with the 2024 text; {D2013_CODE} shows it in pieces"
        else:
            verified, by = False, None
        full, initials = _pinyin(name)
        out.append(
            {
                "id": f"2013-{len(out) + 1:03d}",
                "seq": seq,
                "category_zh": D2013_CATEGORIES[key],
                "subcategory_zh": sub,
                "name_zh": name,
                "open_clause": _open_clause(name),
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "职业病分类和目录 (国卫疾控发〔2013〕48号)",
                    "edition": "2013",
                    "table": D2013_CATEGORIES[key] + (f"/{sub}" if sub else ""),
                    "row": str(seq),
                    "transcription": "rebuilt from the 2024 text and the published 2013->2024 changes (see verified_by)",
                },
                "verified": verified,
                "verified_by": by,
                "notes": defect,
            }
        )
    counts = {k: sum(1 for r in out if r["category_zh"] == v) for k, v in D2013_CATEGORIES.items()}
    expected = {"一": 19, "二": 9, "三": 3, "四": 4, "五": 60, "六": 7, "七": 11, "八": 5, "九": 11, "十": 3}
    if counts != expected or len(out) != 132 or sum(r["open_clause"] for r in out) != 4:
        raise SystemExit(f"2013 disease list does not add up: {counts}")
    return out


# -------------------------------------------------------------------------------- risk directory
def build_risk_2021(ref: Path) -> list[dict[str, Any]]:
    level = {"严重": "SERIOUS", "一般": "GENERAL", "": None}
    out = []
    for row in _read(ref, "risk_catalog_2021.csv"):
        code = row["code"]
        base, _, sub = code.partition("-")
        industry = base if not base[0].isalpha() or len(base) == 1 else base[1:]
        full, initials = _pinyin(row["name"])
        out.append(
            {
                "id": code,
                "code": code,
                "industry_code": industry if row["row_kind"] != "section" else base,
                "section": base[0],
                "sub_item": int(sub) if sub else None,
                "name_zh": row["name"],
                "row_kind": row["row_kind"],
                "risk_class": level[row["risk_level"]],
                "solvent_footnote": row["star_note"] == "Y",
                "pinyin": full,
                "initials": initials,
                "source": {
                    "document": "建设项目职业病危害风险分类管理目录 (国家卫生健康委办公厅, 2021)",
                    "edition": "2021",
                    "table": "目录",
                    "row": code,
                    "transcription": "text as published in CovD831/ohs-report",
                },
                "verified": True,
                "verified_by": "official text transcription (reference ORIGINS.md: order and levels verbatim)",
                "notes": "synthetic sub-item code: the directory splits this industry without a code"
                if sub
                else None,
            }
        )
    return out


def resolve(limit_records: list[dict[str, Any]], hazards: list[dict[str, Any]], open_clause: str) -> None:
    """Map each limit row to catalogue factors by CAS, then by name; explain the rows that do not map.

    Names are compared as printed, then with every parenthesised qualifier removed on both sides
    (表2 "麻尘（游离SiO2含量＜10%）" is the catalogue's "麻尘（亚麻、黄麻和苎麻）（游离SiO2含量<10%）").
    """
    by_cas: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for h in hazards:
        for c in h["cas"]:
            by_cas.setdefault(c, []).append(h["id"])
        for n in [h["name_zh"], *h["aliases"]]:
            by_name.setdefault(n, []).append(h["id"])
            bare = re.sub(r"（.*?）|\(.*?\)", "", n)
            if bare and bare != n:
                by_name.setdefault(bare, []).append(h["id"])
    for rec in limit_records:
        ids = sorted({i for c in rec.get("cas", []) for i in by_cas.get(c, [])})
        if not ids:
            name = rec["name_zh"]
            stripped = re.sub(r"（.*?）|\(.*?\)", "", name)
            ids = sorted(set(by_name.get(name, []) + by_name.get(stripped, [])))
        rec["hazard_ids"] = ids
        if not ids:
            rec["hazard_exception"] = (
                f"no entry of the 2015 catalogue has this CAS or name; the catalogue lists many factors as "
                f"groups, and this one falls under its open clause {open_clause} (以上未提及的…) if it causes "
                f"an occupational disease"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    candidates = (ROOT.parent / "shared" / "reference", ROOT.parent.parent / "shared" / "reference")
    default_ref = next((p for p in candidates if p.exists()), candidates[0])
    parser.add_argument("--reference", type=Path, default=default_ref)
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: the package data)")
    args = parser.parse_args()
    _OUT[0] = args.out
    ref: Path = args.reference
    if not ref.exists():
        raise SystemExit(f"reference transcriptions not found at {ref}; pass --reference DIR")

    t1, excluded = build_table1(ref)
    en_by_name = {
        r["name_zh"]: r["name_en"]
        for r in t1
        if r["name_en"] and not r["sub_condition"] and not r["valid_until"]
    }
    en_by_dust = {
        re.sub(r"（.*?）", "", r["中文名"]).strip(): r["英文名"]
        for r in _read(ref, "hunt-2/gbz21_2007_table2.csv")
        if r["英文名"] and not r["sub_condition"]
    }
    hazards = build_hazards(ref, en_by_name, en_by_dust)
    toxic = build_toxic(ref, hazards)
    flagged = {i for t in toxic for i in t["hazard_ids"]}
    for h in hazards:  # the flag follows the resolved 2003 list (CAS corrections included)
        h["highly_toxic"] = h["id"] in flagged
    t2 = build_table2(ref)
    resolve(t1, hazards, "C375")
    resolve(t2, hazards, "D052")
    mark_limit_types(ref, t1, t2)
    t1_2007 = build_table1_2007(ref)
    t2_2007 = build_table2_2007(ref)
    resolve(t1_2007, hazards, "C375")
    resolve(t2_2007, hazards, "D052")
    resolve_2007(t1_2007, t1)
    resolve_2007(t2_2007, t2)
    gaps1, gaps2 = not_shipped_2019(ref, t1_2007, t2_2007)

    _write(
        "hazard_factors_2015.json",
        {
            "kind": "hazard_factors",
            "document": "职业病危害因素分类目录",
            "number": "国卫疾控发〔2015〕92号",
            "edition": "2015",
            "effective": _day("hazard catalogue 2015", "in_force"),
            "issued": _day("hazard catalogue 2015", "issued"),
            "effective_source": "notice text '从即日起施行' dated 2015-11-17 (119120.cn law page; newton.com.tw full text); replaces 卫法监发〔2002〕63号",
            "effective_verified": True,
            "official_count": 459,
            "official_counts": {
                "DUST": 52,
                "CHEMICAL": 375,
                "PHYSICAL": 15,
                "RADIOLOGICAL": 8,
                "BIOLOGICAL": 6,
                "OTHER": 3,
            },
            "cas_policy": "cas_printed keeps the printed cell verbatim; cas lists the registry numbers meant, with the four printed check-digit failures corrected and explained in cas_note",
        },
        hazards,
    )
    header21 = {
        k: GBZ21[k]
        for k in (
            "document",
            "edition",
            "number",
            "issued",
            "effective",
            "effective_verified",
            "effective_source",
            "binding",
        )
    }
    _write(
        "gbz21_2019_table1.json",
        {
            **header21,
            "kind": "chemical_limits",
            "table": "表1",
            "official_count": 359,
            "count_unit": "entries: 序号 1-358 + 359 乙草胺 (amendment No. 2); sub-rows grouped",
            "entries_shipped": _entries(t1),
            "amendments": [AMENDMENT_1, AMENDMENT_2],
            "known_gaps": ["氮氧化物/二氧化氮", "二硼烷", "焦炉逸散物", "戊烷", "序号 of most rows"],
            "not_shipped": gaps1,
        },
        t1,
        excluded=excluded,
    )
    _write(
        "gbz21_2019_table2.json",
        {
            **header21,
            "kind": "dust_limits",
            "table": "表2",
            "official_count": DUST_ENTRIES_OFFICIAL,
            "count_unit": "entries (序号)",
            "entries_shipped": _entries(t2),
            "known_gaps": [
                f"{DUST_ENTRIES_OFFICIAL - _entries(t2)} dust entries not found in any public machine-readable source"
            ],
            "not_shipped": gaps2,
        },
        t2,
    )
    header07 = {
        k: GBZ21_2007[k]
        for k in (
            "document",
            "edition",
            "issued",
            "effective",
            "valid_until",
            "effective_verified",
            "effective_source",
            "binding",
        )
    }
    _write(
        "gbz21_2007_table1.json",
        {
            **header07,
            "kind": "chemical_limits",
            "table": "表1",
            "official_count": 339,
            "count_unit": "entries (钒, 钼, 镍, 铅, 铜 have two sub-rows each)",
            "entries_shipped": _entries(t1_2007),
            "known_gaps": [
                "序号 not in the source",
                "临界不良健康效应 is not a column of the 2007 table",
                "表3 (biological agents) of GBZ 2.1-2007 is not in the source: not shipped",
                "6 values stored rounded in the source are left empty (铍, 羰基镍, 氯甲甲醚, 双氯甲醚, 氢化锂 PC-TWA, 升汞 PC-TWA)",
            ],
        },
        t1_2007,
    )
    _write(
        "gbz21_2007_table2.json",
        {
            **header07,
            "kind": "dust_limits",
            "table": "表2",
            "official_count": 47,
            "count_unit": "entries (sub-rows for 铝, 麻, 矽尘, 石棉 and 玻璃棉/矿渣棉/岩棉 grouped)",
            "entries_shipped": _entries(t2_2007),
            "known_gaps": [
                "for dusts with one value the source does not label it 总尘 or 呼尘; it is placed under 总尘 (see notes)"
            ],
        },
        t2_2007,
    )
    t3 = build_table3()
    _write(
        "gbz21_2019_table3.json",
        {
            **header21,
            "kind": "biological_agent_limits",
            "table": "表3",
            "official_count": 3,
            "entries_shipped": 3,
        },
        t3,
    )
    t4 = build_table4()
    _write(
        "gbz21_2019_table4.json",
        {
            **header21,
            "kind": "biological_limits",
            "table": "表4",
            "official_count": 29,
            "count_unit": "substances (28 + 1 by amendment No. 1)",
            "entries_shipped": len({r["hazard_name_zh"] for r in t4}),
            "known_gaps": [
                "27 of the 28 original substances: not found in any public machine-readable source"
            ],
        },
        t4,
    )
    _write(
        "gbz21_2019_table5.json",
        {
            **header21,
            "kind": "exposure_level_classes",
            "table": "表5",
            "official_count": 5,
            "entries_shipped": 5,
        },
        build_table5(),
    )
    _write(
        "gbz22_2007_physical.json",
        {
            "kind": "physical_limits",
            "document": "GBZ 2.2-2007 工作场所有害因素职业接触限值 第2部分：物理因素",
            "edition": "GBZ 2.2-2007",
            "effective": _day("GBZ 2.2-2007", "in_force"),
            "effective_verified": _INSTRUMENTS["GBZ 2.2-2007"]["verified"],
            "official_count": None,
            "entries_shipped": None,
            "known_gaps": [
                "laser limits (表4, 表5): formula-type entries, not transcribed",
                "lighting/other clauses not covered",
            ],
        },
        build_gbz22(ref),
    )
    for edition, rules in ((GBZ188_2014, _RULES_2014), (GBZ188_2025, _RULES_2025)):
        _write(
            f"gbz188_{edition[-4:]}_intervals.json",
            {
                "kind": "exam_intervals",
                "document": f"{edition} {GBZ188_TITLE}",
                "edition": edition,
                "effective": _day(edition, "in_force"),
                "effective_verified": _INSTRUMENTS[edition]["verified"],
                "official_count": None,
                "count_unit": "hazard factors with a periodic-examination interval",
                "entries_shipped": len(rules),
                "known_gaps": [
                    "only the in-service intervals the sources give (FACTS §10, RULES §9); the standard has more factors"
                ],
            },
            list(rules),
        )
    _write(
        "training_hours_2015.json",
        {
            "kind": "training_hours",
            "document": _INSTRUMENTS["SAWS training notice 2015"]["citation"],
            "edition": "2015",
            "effective": None,
            "effective_verified": False,
            "effective_source": "the notice's date was not found (only the year of its number, 2015)",
            "official_count": 6,
            "count_unit": "role × training kind",
            "entries_shipped": 6,
        },
        build_training_hours(),
    )
    _write(
        "highly_toxic_2003.json",
        {
            "kind": "highly_toxic",
            "document": "高毒物品目录",
            "number": "卫法监发〔2003〕142号",
            "edition": "2003",
            "effective": _day("highly toxic list 2003", "in_force"),
            "effective_verified": False,
            "official_count": 54,
            "entries_shipped": 54,
        },
        toxic,
    )
    diseases = build_diseases_2024(ref)
    _write(
        "occupational_diseases_2024.json",
        {
            "kind": "occupational_diseases",
            "document": "职业病分类和目录",
            "number": "国卫职健发〔2024〕39号",
            "number_verified": False,
            "edition": "2024",
            "effective": _day("disease catalogue 2024", "in_force"),
            "issued": _day("disease catalogue 2024", "issued"),
            "effective_verified": True,
            "effective_source": "人民网 report reproduced at zgjkxw.org.cn (2024-12-20), 南方Plus at china.com (2024-12-19) and 辽宁日报 (2025-08-01): in force from 2025-08-01, the 2013 list repealed the same day; notice published 2024-12-16 (中国新闻网 via slrbs.com); the issue date 2024-12-11 and the document number were not seen in a public source",
            "official_count": 135,
            "official_categories": 12,
            "entries_shipped": len(diseases),
        },
        diseases,
    )
    diseases_2013 = build_diseases_2013(ref)
    _write(
        "occupational_diseases_2013.json",
        {
            "kind": "occupational_diseases",
            "document": "职业病分类和目录",
            "number": "国卫疾控发〔2013〕48号",
            "number_verified": False,
            "edition": "2013",
            "effective": _day("disease catalogue 2013", "in_force"),
            "issued": _day("disease catalogue 2013", "issued"),
            "valid_until": _day("disease catalogue 2013", "until"),
            "effective_source": "issued 2013-12-23 (encyclopedia page gysdgmq.cn; the 2024 notice as reported: '2013年12月23日…联合印发的《职业病分类和目录》同时废止' on 2025-08-01); published 2013-12-30 (bd.hebei.com.cn; nhc.gov.cn notice cited by ijrmnm.com); the day of entry into force itself was not seen",
            "effective_verified": False,
            "official_count": 132,
            "official_categories": 10,
            "entries_shipped": len(diseases_2013),
            "construction": "rebuilt from the verbatim 2024 text and the published list of 2013->2024 changes, each item checked against two public copies of the 2013 list (see records' verified_by / notes)",
            "known_gaps": [
                f"{sum(not r['verified'] for r in diseases_2013)} items ship unverified (their 2013 wording or "
                "position rests on the 2024 text only): "
                + ", ".join(r["name_zh"] for r in diseases_2013 if not r["verified"])
            ],
        },
        diseases_2013,
    )
    risk = build_risk_2021(ref)
    _write(
        "risk_directory_2021.json",
        {
            "kind": "risk_directory",
            "document": "建设项目职业病危害风险分类管理目录",
            "number": "国卫办职健发〔2021〕5号",
            "number_verified": True,
            "edition": "2021",
            "effective": _day("risk directory 2021", "in_force"),
            "issued": _day("risk directory 2021", "issued"),
            "effective_source": "notice 国卫办职健发〔2021〕5号 '现予公布', dated 2021-03-12 (zyaq.ws; 0798ci.com; m.dongshibiao.com)",
            "scope_zh": "适用于建设项目职业病防护设施“三同时”分类监督管理和用人单位工作场所职业病危害因素定期检测频次确定",
            "effective_verified": True,
            "official_count": 291,
            "count_unit": "classified leaves (146 严重, 145 一般)",
            "entries_shipped": sum(1 for r in risk if r["risk_class"]),
            "solvent_footnote_zh": "标注*的，在不使用含苯、正己烷、1,2-二氯乙烷、三氯甲烷的胶粘剂、清洗剂、油墨、涂料时，按一般类管理",
            "industry_classification": "GB/T 4754-2017",
        },
        risk,
    )
    _write(
        "risk_directory_2012.json",
        {
            "kind": "risk_directory",
            "document": "建设项目职业病危害风险分类管理目录",
            "number": "安监总安健〔2012〕73号",
            "number_verified": True,
            "edition": "2012",
            "issued": _day("risk directory 2012", "issued"),
            "effective": _day("risk directory 2012", "in_force"),
            "effective_verified": False,
            "effective_source": "notice 安监总安健〔2012〕73号 of 国家安全监管总局 dated 2012-05-31 ('现予公布'; copies at pharmahashtags.com law library, 555qipai.net, mishuketang.com); no separate day of entry into force is stated in the part seen; replaced by 国卫办职健发〔2021〕5号 (2021-03-12)",
            "industry_classification": "GB/T 4754-2011",
            "official_count": None,
            "entries_shipped": 0,
            "known_gaps": [
                "the 2012 edition (三级: 一般/较重/严重, by GB/T 4754-2011 industry) is not shipped: public copies of the notice were found, but none whose text includes the directory itself"
            ],
        },
        [],
    )


if __name__ == "__main__":
    main()
