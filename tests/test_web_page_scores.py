"""Web-page reading scores as regression floors, on real pages read from ../shared/data
(skipped without it): the article's main text on the article-extraction benchmark and the
dates and titles of the blind-annotated pages (tests/fixtures/page_dates). The floors sit a
little under the scores in docs/benchmarks.md, so a change that loses article text, dates or
titles fails here before it reaches a user."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

main_text: ModuleType = importlib.import_module("main_text")
page_dates: ModuleType = importlib.import_module("page_dates")

pytestmark = pytest.mark.skipif(not main_text.DATA.is_dir(), reason="no shared benchmark data")


def test_main_text_keeps_its_f1_on_the_article_extraction_benchmark() -> None:
    pages = [
        main_text.page_counts(body, main_text.sourcelint_text(html))
        for _, _, html, body in main_text.load_pages()
    ]
    precision, recall, f1 = main_text.score(pages)
    assert precision >= 0.95
    assert recall >= 0.96
    assert f1 >= 0.96


def test_page_dates_and_titles_keep_their_accuracy() -> None:
    rows = page_dates.load_gold()
    readings = [page_dates.sourcelint_reading(row["html"]) for row in rows]
    dates = sum(found == row["date"] for (found, _), row in zip(readings, rows, strict=True))
    titles = sum(
        title is not None and page_dates.title_sha1(title) == row["title_sha1"]
        for (_, title), row in zip(readings, rows, strict=True)
    )
    assert dates / len(rows) >= 0.95
    assert titles / len(rows) >= 0.95
