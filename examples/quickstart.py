"""Quickstart: what ohsreg does, on built-in example data. Run with ``python3 scripts/dev.py demo``."""

from __future__ import annotations

import ohsreg


def section(title: str) -> None:
    print(f"\n== {title}")


def main() -> None:
    print(f"ohsreg {ohsreg.__version__}")

    section("Errors carry a stable rule code, the field, and zh/en messages")
    err = ohsreg.InvalidChecksum(
        "check character should be {expected!r}", rule="uscc.checksum", field="uscc", expected="3"
    )
    print(f"rule={err.rule} field={err.field}")
    print("en:", err.message("en"))
    print("zh:", err.message("zh_CN"))
    identifiers_demo()
    units_and_vocab()
    catalogue_demo()


def identifiers_demo() -> None:
    section("Identifiers: normalise what people type, say exactly what is wrong")
    from ohsreg.identifiers import division, uscc

    print(uscc.validate("９１１１ ００００ ６０００ ３７３４ １ｌ"), uscc.parts("91110000600037341L"))
    try:
        uscc.validate("91110000600037341M")
    except ohsreg.OhsregError as err:
        print(err.rule, "|", err.message("en"))
    print(repr(division.lookup("330103")))


def units_and_vocab() -> None:
    section("Units, sound levels and vocabularies")
    from pydantic import BaseModel

    from ohsreg.units import Concentration, lex_8h, ppm_to_mg_m3
    from ohsreg.vocab import LimitType

    class Limit(BaseModel):
        type: LimitType
        value: Concentration

    limit = Limit(type="时间加权平均容许浓度", value="０．５ mg/m3")
    print(limit.type.code, limit.type.label("en"), "=", limit.value, "=", limit.value.to("μg/m³"))
    print("1 ppm at M = 100 g/mol:", round(ppm_to_mg_m3(1, 100), 2), "mg/m³ (20 °C, 101.3 kPa)")
    print("94 dB(A) for 2 h: L_EX,8h =", round(lex_8h([94], [2]), 1), "dB(A)")


def catalogue_demo() -> None:
    import datetime as dt

    from ohsreg import catalogue

    section("Catalogue: limits by edition and date, with what is shipped and verified")
    benzene = catalogue.hazards.lookup("benzene")
    for when in (dt.date(2021, 1, 1), dt.date(2024, 1, 1)):
        lim = catalogue.limits_for(benzene, as_of=when)
        print(f"{benzene.name_zh} on {when}: PC-TWA {lim.pc_twa}, PC-STEL {lim.pc_stel} ({lim.edition})")
    for row in catalogue.coverage():
        print(" ", row.line())


if __name__ == "__main__":
    main()
