"""The evidence map's layout: tables are shown as tables, their text escaped."""

from __future__ import annotations

import re

from sourcelint.api import analyze
from sourcelint.output.html import render_html
from sourcelint.readers import read_bytes

DOCUMENT = """# Ferry fares

Fares rise in April.[^1]

| Ticket | From April |
|---|---|
| Adult (<12 & up) | 13.50 euros[^1] |
| Child | 6.50 euros |

The council meets on 28 March.

[^1]: Fare table published by the operator.
"""


def _main(page: str) -> str:
    found = re.search(r'<main id="text"[^>]*>(.*?)</main>', page, re.DOTALL)
    assert found is not None
    return found.group(1)


def test_a_table_is_shown_as_rows_of_cells_with_its_markers() -> None:
    document = read_bytes(DOCUMENT.encode(), path="fares.md")
    main = _main(render_html(document, analyze(document)))
    (table,) = re.findall(r'<table class="doc-table">(.*?)</table>', main, re.DOTALL)
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    assert len(rows) == 3
    assert [len(re.findall(r"<td>", row)) for row in rows] == [2, 2, 2]
    assert re.search(r"<td>13.50 euros<span [^>]*k-marker[^>]*>\[\^1\]</span></td>", rows[1])
    assert "<td>Adult (&lt;12 &amp; up)</td>" in rows[1]
    before, after = main.split("<table", 1)
    assert "Fares rise in April." in before and "The council meets" in after
