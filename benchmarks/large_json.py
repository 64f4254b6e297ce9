"""A quotation-heavy document through the command line, text report then JSON report, each in
a subprocess of this run: wall time and peak memory. Run with `make bench`.

The document repeats one paragraph of quotations to about 5.7 MB (112,752 quotations); its
JSON report is about 91 MB, which is what memory goes to. Peak memory is the largest of the
subprocesses so far, so the smaller report (text) runs first.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "“Exports rose to 18,000 tonnes,” Deputy Minister Ana Ruiz said on Tuesday. “We expect "
    "more.” Critics called the figures “a fairy tale told by officials”, and she replied: "
    "“Check them.”\n\n"
)
MEGABYTES = 5


def scan(path: Path, output_format: str) -> tuple[float, float, int]:
    """Wall time (s), peak memory so far (MB) and report size (bytes) of one scan."""
    report = path.with_suffix(f".{output_format}")
    command = [sys.executable, "-m", "sourcelint.cli", "scan", str(path), "-q"]
    start = time.perf_counter()
    subprocess.run(
        [*command, "--format", output_format, "-o", str(report)], check=False, capture_output=True
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak, report.stat().st_size


def main() -> None:
    """Print both scans."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quotations.txt"
        path.write_text(PARAGRAPH * (MEGABYTES * 1024 * 1024 // len(PARAGRAPH) + 1))
        print(f"document: {path.stat().st_size / 1e6:.1f} MB")
        for output_format in ("text", "json"):
            elapsed, peak, size = scan(path, output_format)
            print(
                f"{output_format:>5}: {elapsed:5.1f} s, peak memory so far {peak:6.0f} MB, "
                f"report {size / 1e6:5.1f} MB"
            )


if __name__ == "__main__":
    main()
