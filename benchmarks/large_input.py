"""A plain-text article of 5, 20 and 50 MB through the command line in the same run: wall
time, peak memory, and the time ratio of 50 MB to 5 MB (10 means linear). Run with
`make bench`.

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


SIZES = (5, 20, 50)


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
    """Print each run (5, 20 and 50 MB, in that order, so "peak so far" is each run's own)
    and the time ratio of the largest to the smallest."""
    timings: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in SIZES:
            elapsed, peak = run(Path(folder), megabytes)
            timings.append((megabytes, elapsed))
            print(
                f"{megabytes} MB: {elapsed:6.1f} s, peak memory so far {peak:7.0f} MB", flush=True
            )
    (small, small_time), (large, large_time) = timings[0], timings[-1]
    print(
        f"time ratio {large} MB / {small} MB: {large_time / small_time:.1f} "
        f"({large / small:.0f} is linear)"
    )


if __name__ == "__main__":
    main()
