"""What reading a large web page costs: sourcelint's whole HTML reader (parse, read every
visible block, trafilatura's choice, blocks kept, title, dates, the dropped-text check) beside
its two largest parts run alone in the same process: lxml's parse and trafilatura's
extraction. Pages: the five largest of the article-extraction benchmark (0.7 to 1.5 MB of
HTML). Each time is the median of `--repeat` runs after one warm-up.

Run: `.venv/bin/python benchmarks/html_read_cost.py [--repeat 5]`.
"""

from __future__ import annotations

import argparse
import gzip
import sys

from run_info import ROOT, versions
from timing import median_seconds

DATA = ROOT.parent / "shared" / "data" / "html" / "article-extraction-benchmark" / "html"
LIMIT_SECONDS = 0.3  # the budget for a 1 MB page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}", file=sys.stderr)
        return 2
    import lxml.html
    import trafilatura

    from sourcelint.readers import read_bytes
    from sourcelint.readers.main_text import article_text

    pages = sorted(
        ((gzip.decompress(path.read_bytes()), path.name[:10]) for path in DATA.glob("*.html.gz")),
        key=lambda item: len(item[0]),
    )[-5:]
    print("Reading the five largest pages (median of runs, seconds)")
    print("| page | MB | sourcelint read | lxml parse | trafilatura | read / trafilatura |")
    print("|---|---|---|---|---|---|")
    worst_per_mb = 0.0
    for raw, name in pages:
        markup = raw.decode("utf-8", "replace")
        ours = median_seconds(
            lambda raw=raw: read_bytes(raw, path="page.html", format="html"), arguments.repeat
        )
        parse = median_seconds(
            lambda markup=markup: lxml.html.document_fromstring(markup), arguments.repeat
        )
        extract = median_seconds(lambda markup=markup: article_text(markup), arguments.repeat)
        megabytes = len(raw) / 1_000_000
        worst_per_mb = max(worst_per_mb, ours / megabytes)
        print(
            f"| {name} | {megabytes:.2f} | {ours:.3f} | {parse:.3f} | {extract:.3f} | "
            f"{ours / extract:.2f} |"
        )
    verdict = "within" if worst_per_mb <= LIMIT_SECONDS else "OVER"
    print(
        f"Slowest per MB: {worst_per_mb:.3f} s, {verdict} the {LIMIT_SECONDS} s budget for 1 MB "
        f"(trafilatura {trafilatura.__version__})"
    )
    print(versions("lxml", "trafilatura"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
