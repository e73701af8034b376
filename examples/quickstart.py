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
    assess_demo()


def identifiers_demo() -> None:
    section("Identifiers: normalise what people type, say exactly what is wrong")
    from ohsreg.identifiers import division, uscc

    print(uscc.validate("９１１１ ００００ ６０００ ３７３４ １ｌ"), uscc.parts("91110000600037341L"))
    try:
        uscc.validate("91110000600037341M")
    except ohsreg.OhsregError as err:
        print(err.rule, "|", err.message("en"))
    print(repr(division.lookup("330103")))


def assess_demo() -> None:
    section("Assess an exposure: C_TWA against PC-TWA, with the clause and a zh/en explanation (#6)")
    import ohsreg.assess as oa

    r = oa.twa([(300, 1.5), (200, 2), (180, 2.5)], limit=200)  # ethyl acetate, mg/m³ x h
    print("en:", r.explain("en"))
    print("zh:", r.explain("zh_CN"))
    print("level:", oa.exposure_level(r).explain("en"))


if __name__ == "__main__":
    main()
