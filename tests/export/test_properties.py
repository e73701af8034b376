"""Property tests: any text survives CSV, JSON Lines, XLSX and Arrow round trips of nested records."""

from __future__ import annotations

import importlib.util
import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ohsreg.export.csv import from_csv, to_csv
from ohsreg.export.json import dumps_jsonl, load_many

# stripped, non-empty text (records strip strings), any characters but surrogates and NUL
TEXT = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=10)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(TEXT, min_size=1, max_size=4),
    tags=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=6).map(
            str.strip
        ),
        max_size=3,
    ),
    extra=st.dictionaries(
        st.text("abcxyz", min_size=1, max_size=3),
        st.one_of(
            TEXT,
            st.integers(-(2**40), 2**40),
            st.booleans(),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        max_size=3,
    ),
    headcount=st.integers(0, 10**18),
)
def test_round_trips(
    m: Any, names: list[str], tags: list[str], extra: dict[str, Any], headcount: int
) -> None:
    sites = [
        m.Site(
            code=f"S{i}",
            name=name,
            headcount=headcount,
            tags=tags,
            extra=extra,
            posts=[m.Post(name=name, lead=m.Worker(name=name))],
        )
        for i, name in enumerate(names)
    ]
    text = to_csv(sites, unmask=True)
    assert text is not None
    assert from_csv(text.encode(), m.Site) == sites
    assert load_many(dumps_jsonl(sites, unmask=True), m.Site) == sites
    if importlib.util.find_spec("openpyxl") and importlib.util.find_spec("xlsxwriter"):
        from ohsreg.export.xlsx import from_xlsx, to_xlsx

        buf = io.BytesIO()
        to_xlsx(sites, buf, unmask=True)
        assert from_xlsx(buf.getvalue(), m.Site) == sites
