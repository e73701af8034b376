"""The thread-safety promise (docs: Stability and pinning): 32 threads using ohsreg for the first time at
once, in mixed locales, get exactly the answers one thread gets.

Run in a fresh interpreter, so the lazy loads (catalogue tables, message catalogues, the unit registry,
the identifier tables, the instruments registry) really happen under contention.
"""

from __future__ import annotations

import json
import subprocess
import sys

_CODE = r"""
import datetime as dt, json, sys, threading

N = 32
barrier = threading.Barrier(N)
results = [None] * N
errors = []

def work(i):
    import ohsreg
    from ohsreg import catalogue
    from ohsreg.assess import twa
    from ohsreg.identifiers import uscc, resident_id
    from ohsreg.models import finding
    from ohsreg.units import parse_quantity
    from ohsreg.vocab import Severity

    locale = ("zh_CN", "en")[i % 2]
    barrier.wait()  # every thread starts its first use at the same moment
    try:
        benzene = catalogue.hazards.lookup(("苯", "benzene", "71-43-2")[i % 3])
        r = twa([(4.5, 3), (1.2, 5)], hazard=benzene, as_of=dt.date(2021, 1, 1))
        f = finding("demo.late", Severity.WARNING, "示例 第1条", "{what} is late", what="report")
        results[i] = [
            locale,
            benzene.id,
            r.verdict.code,
            r.explain(locale),
            f.message(locale),
            Severity.ERROR.label(locale),
            uscc.validate("91110000600037341l"),
            resident_id.masked("11010519491231002X"),
            str(parse_quantity("1.5 mg/m3")),
            ohsreg.__version__,
        ]
    except Exception as exc:  # reported, not raised: the parent test shows it
        errors.append(f"{type(exc).__name__}: {exc}")

threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
json.dump({"results": results, "errors": errors}, sys.stdout, ensure_ascii=False)
"""


def test_32_threads_first_use_mixed_locales() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _CODE], check=True, capture_output=True, text=True, timeout=300
    )
    data = json.loads(out.stdout)
    assert data["errors"] == []
    results = data["results"]
    assert all(r is not None for r in results)
    by_locale: dict[str, list[object]] = {}
    for r in results:
        expected = by_locale.setdefault(r[0], r)
        assert r == expected  # every thread of a locale got the same answers
    zh, en = by_locale["zh_CN"], by_locale["en"]
    assert zh[4] != en[4]  # and the locales did not leak into each other
    assert en[4] == "report is late"
    assert zh[5] != en[5]
