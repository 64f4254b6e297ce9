"""How fast the web app returns a 2,000-word article's evidence map on a warm server.

The app runs in this process (FastAPI's TestClient, so no network stack is timed); the first
request warms it (the spaCy pipeline and the check-worthiness model load once per process).
The article is the project's own test prose (tests/fixtures/quotes_gold and
checkworthy_gold), cut to 2,000 words. Prints the time of each of ten requests to POST /map
and to POST /api/scan, and their medians. Target: under one second.

Run: `.venv/bin/python benchmarks/web_speed.py`.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from run_info import versions
from sourcelint.web import create_app

ROOT = Path(__file__).resolve().parents[1]


def article(words: int = 2000) -> str:
    """About `words` words of the project's own article prose, whole paragraphs."""
    paragraphs: list[str] = []
    count = 0
    for folder in ("quotes_gold", "checkworthy_gold"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.[mt][dx]*")):
            if path.name == "README.md" or path.suffix not in (".md", ".txt"):
                continue
            for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
                if count >= words:
                    return "\n\n".join(paragraphs)
                paragraphs.append(paragraph)
                count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def main() -> None:
    """Warm the app, then time ten requests of each kind."""
    client = TestClient(create_app())
    text = article()
    client.post("/api/scan", json={"text": "Warm-up."})
    timings: dict[str, list[float]] = {"POST /map": [], "POST /api/scan": []}
    for _ in range(10):
        started = time.perf_counter()
        response = client.post("/map", data={"text": text, "format": "md"})
        timings["POST /map"].append(time.perf_counter() - started)
        assert response.status_code == 200
        started = time.perf_counter()
        response = client.post("/api/scan", json={"text": text, "format": "md"})
        timings["POST /api/scan"].append(time.perf_counter() - started)
        assert response.status_code == 200
    print("Command: `.venv/bin/python benchmarks/web_speed.py`  ")
    print(f"Versions: {versions('sourcelint', 'fastapi', 'starlette')}  ")
    print(f"Article: {len(text.split())} words, {len(text):,} characters\n")
    print("| request | median (s) | fastest (s) | slowest (s) |")
    print("|---|---:|---:|---:|")
    for name, values in timings.items():
        print(
            f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} |"
        )


if __name__ == "__main__":
    main()
