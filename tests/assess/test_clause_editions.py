"""The clause a result cites names the edition whose limit was applied (GBZ 2.1-2007 for 2007-era dates)."""

from __future__ import annotations

import datetime as dt

import ohsreg.assess as oa
from ohsreg.assess.twa import TWA_CLAUSE

OLD, NEW = dt.date(2019, 6, 1), dt.date(2023, 6, 1)


def test_twa_cites_the_edition_of_its_limit() -> None:
    old = oa.twa([(1.0, 8)], hazard="苯胺", as_of=OLD)
    assert old.limit is not None
    assert old.limit.edition == "GBZ 2.1-2007"
    assert old.clause == "GBZ 2.1-2007, PC-TWA (8 h working day)"
    assert oa.twa([(1.0, 8)], hazard="苯胺", as_of=NEW).clause == TWA_CLAUSE


def test_long_shift_factor_keeps_its_2019_citation() -> None:
    result = oa.twa([(1.0, 10)], hazard="苯胺", as_of=OLD, shift_hours=10, adjust_long_shift=True)
    assert result.clause == "GBZ 2.1-2007, PC-TWA (8 h working day); GBZ 2.1-2019 A.7.3 (reduction factor)"


def test_explicit_limit_keeps_the_default_citation() -> None:
    assert oa.twa([(1.0, 8)], limit=3.0).clause == TWA_CLAUSE


def test_shift_table_cites_the_same_edition_as_the_scalar_rule() -> None:
    table = oa.shift_table(
        {
            "shift_id": ["old", "new"],
            "hazard": ["苯胺", "苯胺"],
            "concentration": [1.0, 1.0],
            "duration": [8.0, 8.0],
            "date": [OLD.isoformat(), NEW.isoformat()],
        }
    )
    assert table.column("clause").tolist() == [
        oa.twa([(1.0, 8)], hazard="苯胺", as_of=OLD).clause,
        oa.twa([(1.0, 8)], hazard="苯胺", as_of=NEW).clause,
    ]
    assert table.column("clause").tolist()[0].startswith("GBZ 2.1-2007, PC-TWA")
