"""A 50 MB plain-text article through the command line, against a 5 MB one in the same run:
wall time, peak memory, and the time ratio (10 means linear). Run with `make bench`.

The text is the paragraph tests/test_cli.py uses for its 50 MB test: a marker and an
author-year citation in every paragraph.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "The ministry said grain exports rose to 18,000 tonnes in October.[4] Critics argued the "
    "figures were inflated (Smith et al., 2019). Officials did not comment on Tuesday.\n\n"
)


def run(folder: Path, megabytes: int) -> tuple[float, float]:
    """Scan a generated file of about this size; its wall time (s) and peak memory (MB)."""
    path = folder / f"article-{megabytes}mb.txt"
    with path.open("w") as stream:
        stream.write(PARAGRAPH * (megabytes * 1024 * 1024 // len(PARAGRAPH) + 1))
        stream.write("References\n\n[4] Ministry of Agriculture, Bulletin, 2024.\n")
    command = [sys.executable, "-m", "sourcelint.cli", "scan", str(path), "-q", "--select", "SL101"]
    start = time.perf_counter()
    subprocess.run([*command, "-o", str(folder / "out.txt")], check=False, capture_output=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak


def main() -> None:
    """Print both runs and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        small_time, small_peak = run(Path(folder), 5)
        large_time, large_peak = run(Path(folder), 50)
    print(f"5 MB:  {small_time:6.1f} s, peak memory so far {small_peak:7.0f} MB")
    print(f"50 MB: {large_time:6.1f} s, peak memory so far {large_peak:7.0f} MB")
    print(f"time ratio 50 MB / 5 MB: {large_time / small_time:.1f} (10 is linear)")


if __name__ == "__main__":
    main()
