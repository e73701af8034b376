#!/usr/bin/env python3
"""Write the PPE reference files under ``src/ohsreg/catalogue/data/ppe/`` (run by hand; output committed).

Separate from ``scripts/build_catalogue.py`` on purpose: the PPE factors are a small hand-verified table
whose every row states the public source it was checked against (searched 2026-12-03). A factor found in
no public source is *not* written (it is listed under ``not_shipped`` with the reason), so selection
says "not shipped" instead of using a recalled number.

    python3 scripts/build_ppe_data.py          # rewrite both files
    python3 scripts/build_ppe_data.py --check  # exit 1 if a committed file differs
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "ohsreg" / "catalogue" / "data" / "ppe"
FORMAT = "ohsreg.catalogue/1"

# The standards' dates and whether they are verified have one home: the registry of ohsreg.instruments.
_INSTRUMENTS = {
    r["id"]: r
    for r in json.loads(
        (ROOT / "src" / "ohsreg" / "instruments" / "data" / "instruments.json").read_text("utf-8")
    )["records"]
}


def _dates(instrument: str) -> dict[str, Any]:
    """The header's issue and in-force dates of ``instrument``, from the registry."""
    rec = _INSTRUMENTS[instrument]
    return {"issued": rec["issued"], "effective": rec["in_force"], "effective_verified": rec["verified"]}


GBT18664 = "GB/T 18664-2002 呼吸防护用品的选择、使用与维护"
GBT23466 = "GB/T 23466-2009 护听器的选择指南"

# Public copies the factors were checked against (the official texts are sold, not published).
E_OHS_REPORT = (
    "github CovD831/ohs-report knowledge/protection_rule_loader.py (an evaluation-report generator's "
    "check table citing GB/T 18664: '面罩指定防护因数：半面罩APF=10…'; '所选呼吸防护装备APF大于实际危害因数')"
)
E_DEHSM = (
    "dehsm.com/article-214.html (vendor guide to selection by 危害因数: '危害因数是小于10…半面罩'; "
    "'大于10但是又小于100…全面罩'; '指定的防护因数必须要高于…危害因数')"
)
E_18664_TEXT = (
    "code-corpus HTML page quoting GB/T18664-2002 (识别有害环境性质; IDLH 判定 a)-d); "
    "'危害因数=空气污染物浓度/国家职业卫生标准规定浓度'; 取数值最大的作为危害因数; classification "
    "过滤式: 自吸过滤式(半面罩/全面罩), 送风过滤式; 隔绝式: 供气式(正压式/负压式), 携气式(正压式/负压式))"
)
E_DATES_18664 = (
    "chinesestandards.org and chinesestandard.us (issue 2002-03-12, implementation 2002-10-01); "
    "gb-gbt.cn (same dates; 起草单位 3M China Ltd.)"
)
E_DATES_23466 = (
    "chinesestandards.org/standards/GB/T 23466-2009 (issue 2009-04-01, implementation 2009-12-01); one "
    "source only, so the dates are unverified"
)
E_SUCCESSORS = (
    "github CovD831/ohs-report tools/fix_std_23466.py: a 2026 filed report cites GB 18664-2025 "
    "《呼吸防护装备的选择、使用和维护》 and GB 23466-2025 《听力防护装备的选择、使用和维护》 as replacing "
    "the 2002/2009 editions (their dates in force were not found)"
)
E_CIOSH = (
    "m.ciosh.com/news/449.html (劳保会 2025: 'GB/T23466-2009…根据现场C声级噪声Lc…Lc减去护听器SNR值'; "
    "'使用护听器后，接触噪声的最佳范围是75~80dB'; the 1999 卫生部《工业企业职工听力保护规范》 instead "
    "asks SNR×0.6 > L_A−85 dB)"
)
E_HML_IMPL = (
    "independent public implementations of the ISO 4869-2 HML method agree: "
    "PNR = M − (H−M)/4·(L_C−L_A−2) for L_C−L_A ≤ 2 dB, PNR = M − (M−L)/8·(L_C−L_A−2) above; "
    "L'A = L_A − PNR (higseg.ar atenua README and apphml.js; a streamlit HML logger; an Argentine HML page "
    "citing 'Método HML (ISO 4869-2)')"
)
E_SNR_IMPL = "the same implementations: SNR method L'A = L_C − SNR (ISO 4869-2 8.3)"


def _apf_record(
    respirator_class: str,
    facepiece: str,
    pressure: str,
    name_zh: str,
    apf: float,
    *,
    verified: bool,
    evidence: list[str],
    notes: str,
) -> dict[str, Any]:
    return {
        "id": f"{respirator_class}/{facepiece}/{pressure}",
        "respirator_class": respirator_class,
        "facepiece": facepiece,
        "pressure": pressure,
        "name_zh": name_zh,
        "apf": apf,
        "source": {
            "document": GBT18664,
            "edition": "GB/T 18664-2002",
            "table": "表1",
            "row": f"{name_zh}",
            "transcription": "hand-entered from the public copies in evidence (official text not reached)",
        },
        "verified": verified,
        "verified_by": "; ".join(evidence) if verified else None,
        "evidence": evidence,
        "notes": notes,
    }


def apf_document() -> dict[str, Any]:
    records = [
        _apf_record(
            "SELF_PRIMING_FILTER",
            "HALF_MASK",
            "NEGATIVE",
            "自吸过滤式 半面罩（负压式）",
            10,
            verified=True,
            evidence=[E_OHS_REPORT, E_DEHSM],
            notes="two independent secondary sources agree on APF 10",
        ),
        _apf_record(
            "SELF_PRIMING_FILTER",
            "FULL_FACEPIECE",
            "NEGATIVE",
            "自吸过滤式 全面罩（负压式）",
            100,
            verified=False,
            evidence=[E_DEHSM],
            notes=(
                "one secondary source only (dehsm.com); the ohs-report check table names 全面罩 but its "
                "text is cut before the value: verified=false"
            ),
        ),
    ]
    return {
        "format": FORMAT,
        "kind": "respirator_apf",
        "document": GBT18664,
        "edition": "GB/T 18664-2002",
        **_dates("GB/T 18664-2002"),
        "effective_source": E_DATES_18664,
        "successor": "GB 18664-2025 呼吸防护装备的选择、使用和维护",
        "successor_source": E_SUCCESSORS,
        "successor_effective": None,
        "table": "表1 各类呼吸防护用品的 APF",
        "official_count": None,
        "count_unit": "APF cells of 表1 (class × facepiece × pressure); the official count was not seen",
        "entries_shipped": len(records),
        "rules": {
            "hazard_ratio": {
                "text": "危害因数 = 空气污染物浓度 / 国家职业卫生标准规定浓度; several contaminants: the largest ratio",
                "clause": "GB/T 18664-2002 4.2（危害因数；款号未核实）",
                "verified": True,
                "evidence": [E_18664_TEXT],
            },
            "selection": {
                "text": "select equipment whose APF is greater than the hazard ratio",
                "clause": "GB/T 18664-2002 4.2（APF 大于危害因数；款号未核实）",
                "verified": True,
                "evidence": [E_OHS_REPORT, E_DEHSM],
            },
            "idlh": {
                "text": (
                    "unknown atmosphere, oxygen deficiency (or not known), or a concentration unknown or at/above "
                    "IDLH: treat as IDLH (selection by APF does not apply)"
                ),
                "clause": "GB/T 18664-2002 4.2（IDLH 判定；款号未核实）",
                "verified": True,
                "evidence": [E_18664_TEXT],
            },
        },
        "not_shipped": [
            {
                "respirator_class": cls,
                "name_zh": zh,
                "reason": (
                    "its 表1 APF values were not found in any public copy searched (pages, code and docs "
                    "corpora, 2026-12-03); not shipped rather than recalled"
                ),
            }
            for cls, zh in (
                ("POWERED_FILTER", "送风过滤式"),
                ("SUPPLIED_AIR", "供气式"),
                ("SELF_CONTAINED", "携气式"),
            )
        ],
        "known_gaps": [
            "送风过滤式, 供气式 and 携气式 APF values (表1) not shipped: no public copy found",
            "the IDLH equipment rules of 4.2 and the selection by operating conditions (4.3) and operator (4.4) "
            "are not encoded",
        ],
        "records": records,
    }


def hearing_document() -> dict[str, Any]:
    def factor(
        fid: str,
        name_zh: str,
        value: float,
        unit: str,
        clause: str,
        evidence: list[str],
        verified: bool,
        notes: str,
    ) -> dict[str, Any]:
        return {
            "id": fid,
            "name_zh": name_zh,
            "value": value,
            "unit": unit,
            "source": {
                "document": GBT23466,
                "edition": "GB/T 23466-2009",
                "table": clause,
                "row": None,
                "transcription": "hand-entered from the public copies in evidence (official text not reached)",
            },
            "verified": verified,
            "verified_by": "; ".join(evidence) if verified else None,
            "evidence": evidence,
            "notes": notes,
        }

    hml = "HML 法（ISO 4869-2 / GB/T 7584.2 的方法；GB/T 23466-2009 中的条号未核实）"
    records = [
        factor(
            "hml_breakpoint",
            "HML 法分段点 L_C − L_A",
            2.0,
            "dB",
            hml,
            [E_HML_IMPL],
            True,
            "PNR uses H and M at or below the breakpoint, M and L above it",
        ),
        factor(
            "hml_high_divisor",
            "HML 法 (H−M) 除数",
            4.0,
            "1",
            hml,
            [E_HML_IMPL],
            True,
            "PNR = M − (H−M)/4·(ΔL−2)",
        ),
        factor(
            "hml_low_divisor",
            "HML 法 (M−L) 除数",
            8.0,
            "1",
            hml,
            [E_HML_IMPL],
            True,
            "PNR = M − (M−L)/8·(ΔL−2)",
        ),
        factor(
            "snr_derating",
            "SNR 法折减",
            0.0,
            "dB",
            "SNR 法 L'A = L_C − SNR（条号未核实）",
            [E_CIOSH, E_SNR_IMPL],
            False,
            (
                "no derating found for GB/T 23466-2009: the one description found (ciosh.com) applies L_C − SNR "
                "as is; whether the standard itself prescribes a correction was not seen, so verified=false; "
                "callers with a policy pass derating="
            ),
        ),
        factor(
            "target_low",
            "佩戴后最佳接触范围下限",
            75.0,
            "dB(A)",
            "佩戴护听器后的最佳范围（条号未核实）",
            [E_CIOSH],
            False,
            "one secondary source ('最佳范围是75~80dB'); informative, not a limit",
        ),
        factor(
            "target_high",
            "佩戴后最佳接触范围上限",
            80.0,
            "dB(A)",
            "佩戴护听器后的最佳范围（条号未核实）",
            [E_CIOSH],
            False,
            "one secondary source; informative, not a limit",
        ),
    ]
    return {
        "format": FORMAT,
        "kind": "hearing_protection_factors",
        "document": GBT23466,
        "edition": "GB/T 23466-2009",
        **_dates("GB/T 23466-2009"),
        "effective_source": E_DATES_23466,
        "successor": "GB 23466-2025 听力防护装备的选择、使用和维护",
        "successor_source": E_SUCCESSORS,
        "successor_effective": None,
        "official_count": None,
        "count_unit": "method constants",
        "entries_shipped": len(records),
        "known_gaps": [
            "the octave-band method and the HML check method are not encoded",
            "the protection-rating bands of the standard (insufficient / acceptable / good / too much) were not "
            "seen; only the 75-80 dB(A) best range of one secondary source is shipped (informative)",
        ],
        "records": records,
    }


FILES = {"gbt18664_2002_apf.json": apf_document, "gbt23466_2009_hearing.json": hearing_document}


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, build in FILES.items():
        path, text = DATA / name, render(build())
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale PPE data files (run scripts/build_ppe_data.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
