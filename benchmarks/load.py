"""A bounded load test of the web app (`sourcelint serve`) on the loopback interface.

Starts `sourcelint serve` on 127.0.0.1 on a free port as a subprocess and waits for it, then:

1. sends 200 requests at concurrency 20, half pasted text (`POST /api/scan`, JSON) and half
   uploads (`POST /api/scan/file`, multipart), of five small documents written below (quotations,
   figures, [n] markers, a References section). Every response must be 200 and carry the same
   document as `sourcelint scan --format json` gives for the same file (all fields but the path
   label, which must be the name this script sent), so no response mixes two requests. Prints
   p50/p95/p99 latency.
2. while one ~1.9 MB document (a paragraph repeated) is being scanned, sends small requests from
   two senders, each starting one at most every 0.1 s, and prints their p95: the target is
   under one second on a 2-core machine. The big document's response is checked against the
   CLI too.

Fixed request counts and a time limit (TIME_LIMIT seconds for the whole run); nothing leaves
127.0.0.1. Prints a summary and exits 1 when any check fails.

Run: `.venv/bin/python benchmarks/load.py`.
"""

from __future__ import annotations

import json
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from run_info import versions

HOST = "127.0.0.1"
REQUESTS = 200
CONCURRENCY = 20
SMALL_CONCURRENCY = 2  # phase 2: small requests in flight at once beside the big scan
SMALL_PACE = 0.1  # phase 2: each sender starts a request at most every this many seconds
SMALL_MAX = 1000  # phase 2: at most this many small requests
BIG_BYTES = 1_900_000
P95_TARGET = 1.0  # seconds, phase 2
TIME_LIMIT = 420.0  # seconds, the whole run including the server's start
START_LIMIT = 90.0  # seconds for the server to answer

# Five small documents written for this script (invented places, people and figures).
DOCUMENTS: dict[str, str] = {
    "harbour.txt": (
        "Harbour traffic rises\n\n"
        "The port of Calder handled 3.2 million containers in 2023, up 8% on the year "
        "before.[1] “We have never been busier,” harbour master Ellen Rask said on Monday.\n\n"
        "Freight rates fell by a third over the same period, according to the shipping "
        "council.[2] Some 140 ships waited more than two days at anchor.\n\n"
        "References\n\n"
        "[1] Calder Port Authority, Annual traffic report, 2024.\n"
        "[2] Northern Shipping Council, Rates bulletin, March 2024.\n"
    ),
    "meals.md": (
        "# School meals study\n\n"
        "About 41% of pupils in the survey ate breakfast at school, and 2,300 families took "
        "part.[1]\n\n"
        "“The numbers surprised us,” said lead author Tomas Berg. He added that the sample was "
        "“large enough to trust” and that a follow-up would start in 2025.\n\n"
        "## References\n\n"
        "[1] Berg, T. and Lind, A. School meals survey. Education Review, 2022.\n"
    ),
    "jobs.txt": (
        "City jobs plan\n\n"
        "Unemployment in Norrvik doubled to 14% last year.[3] Officials said the rise would "
        "“slow down by spring”, but gave no figures. The city will spend $45 million on the "
        "programme over four years.[1]\n\n"
        "“Every one of these jobs matters,” Mayor Ana Pell told reporters.\n\n"
        "References\n\n"
        "[1] Norrvik City Council, Budget 2024, p. 12.\n"
    ),
    "wind.md": (
        "# Wind farm approved\n\n"
        "The council approved 12 turbines on Tuesday, which will supply about 18,000 homes.[1] "
        "Construction is expected to cost €60 million.[2]\n\n"
        "“This is a good day for the valley,” councillor Mira Holt said. Opponents collected "
        "1,450 signatures against the plan.\n\n"
        "## References\n\n"
        "[1] Valley Council, Planning minutes, 14 May 2024.\n"
        "[2] Holt Energy, Project summary, 2024.\n"
    ),
    "river.txt": (
        "River levels\n\n"
        "The Aske rose 2.4 metres in 36 hours, the highest level since 1998.[1] Around 600 "
        "residents were moved to the school hall, where volunteers served 1,200 meals.\n\n"
        "“We had water in the kitchen by midnight,” said Jonas Falk, who lives by the bridge. "
        "Insurers expect claims of £8 million.[2]\n\n"
        "References\n\n"
        "[1] Aske Water Board, Gauge readings, October 2023.\n"
        "[2] Insurers' Association, Flood claims note, 2023.\n"
    ),
}
BIG_NAME = "big.txt"
BIG_PARAGRAPH = (
    "The port of Calder handled 3.2 million containers in 2023, up 8% on the year before.[1] "
    "“We have never been busier,” harbour master Ellen Rask said on Monday. Freight rates fell "
    "by a third, and 140 ships waited more than two days at anchor.[2]\n\n"
)
BIG_REFERENCES = (
    "References\n\n"
    "[1] Calder Port Authority, Annual traffic report, 2024.\n"
    "[2] Northern Shipping Council, Rates bulletin, March 2024.\n"
)
FORMATS = {".txt": "txt", ".md": "md"}


def big_document() -> str:
    """About BIG_BYTES of UTF-8: the paragraph repeated, then the references."""
    count = (BIG_BYTES - len(BIG_REFERENCES.encode())) // len(BIG_PARAGRAPH.encode())
    return BIG_PARAGRAPH * count + BIG_REFERENCES


@dataclass(frozen=True)
class Result:
    """One request's outcome."""

    name: str
    kind: str  # "json" or "upload"
    status: int
    seconds: float
    problem: str | None  # None when the response passed every check


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def without_path(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "path"}


def expected_documents(folder: Path, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """What `sourcelint scan --format json` gives for each text, by file name."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    command = [sourcelint_command(), "scan", "--format", "json", "--quiet", *texts]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: findings
        raise SystemExit(f"sourcelint scan failed ({done.returncode}): {done.stderr[-2000:]}")
    payload = json.loads(done.stdout)
    found = {Path(document["path"]).name: document for document in payload["documents"]}
    missing = set(texts) - set(found)
    if missing:
        raise SystemExit(f"sourcelint scan gave no result for {sorted(missing)}")
    return found


def sourcelint_command() -> str:
    script = Path(sys.executable).with_name("sourcelint")
    return str(script) if script.exists() else "sourcelint"


@contextmanager
def server(log: Path) -> Iterator[str]:
    """`sourcelint serve` on a free loopback port; yields its base URL once it answers."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sourcelint_command(), "serve", "--host", HOST, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_LIMIT
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the server exited ({process.returncode}):\n{tail(log)}")
            if time.monotonic() > deadline:
                raise SystemExit(f"the server did not answer in {START_LIMIT:.0f} s:\n{tail(log)}")
            try:
                if httpx.get(f"{base}/api/rules", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(log: Path, chars: int = 3000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-chars:]


def send(
    client: httpx.Client,
    base: str,
    name: str,
    text: str,
    kind: str,
    expected: dict[str, Any],
    timeout: float,
) -> Result:
    """One scan request, timed and checked against the CLI's result."""
    started = time.perf_counter()
    try:
        if kind == "json":
            body = {"text": text, "format": FORMATS[Path(name).suffix], "path": name}
            response = client.post(f"{base}/api/scan", json=body, timeout=timeout)
        else:
            upload = {"file": (name, text.encode("utf-8"), "text/plain")}
            response = client.post(f"{base}/api/scan/file", files=upload, timeout=timeout)
    except httpx.HTTPError as error:
        seconds = time.perf_counter() - started
        return Result(name, kind, 0, seconds, f"{type(error).__name__}: {error}")
    seconds = time.perf_counter() - started
    return Result(name, kind, response.status_code, seconds, problem(response, name, expected))


def problem(response: httpx.Response, name: str, expected: dict[str, Any]) -> str | None:
    if response.status_code != 200:
        return f"status {response.status_code}: {response.text[:200]}"
    try:
        documents = response.json()["documents"]
    except (ValueError, KeyError, TypeError):
        return "not the JSON contract"
    if len(documents) != 1:
        return f"{len(documents)} documents in one response"
    (document,) = documents
    if document.get("path") != name:
        return f"path label {document.get('path')!r}, not {name!r}"
    if without_path(document) != without_path(expected):
        differing = sorted(
            key
            for key in set(document) | set(expected)
            if key != "path" and document.get(key) != expected.get(key)
        )
        return f"differs from the CLI's result in {', '.join(differing)}"
    return None


def latency_line(label: str, results: list[Result]) -> str:
    seconds = [result.seconds for result in results]
    if not seconds:
        return f"{label}: no requests"
    return (
        f"{label}: {len(seconds)} requests, p50 {percentile(seconds, 50):.3f} s, "
        f"p95 {percentile(seconds, 95):.3f} s, p99 {percentile(seconds, 99):.3f} s, "
        f"max {max(seconds):.3f} s"
    )


def phase_one(base: str, expected: dict[str, dict[str, Any]], deadline: float) -> list[Result]:
    """REQUESTS small requests at CONCURRENCY, pasted text and uploads mixed."""
    names = list(DOCUMENTS)
    jobs = [
        (names[i % len(names)], "json" if (i // len(names)) % 2 == 0 else "upload")
        for i in range(REQUESTS)
    ]
    random.Random(19).shuffle(jobs)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    with (
        httpx.Client(limits=limits) as client,
        ThreadPoolExecutor(max_workers=CONCURRENCY) as pool,
    ):
        timeout = max(1.0, deadline - time.monotonic())
        futures = [
            pool.submit(send, client, base, name, DOCUMENTS[name], kind, expected[name], timeout)
            for name, kind in jobs
        ]
        return [future.result() for future in futures]


def phase_two(
    base: str, expected: dict[str, dict[str, Any]], big: str, deadline: float
) -> tuple[Result, list[Result]]:
    """Small requests, SMALL_CONCURRENCY at a time, while the big document is scanned."""
    big_result: list[Result] = []

    def scan_big() -> None:
        with httpx.Client() as client:
            timeout = max(1.0, deadline - time.monotonic())
            big_result.append(
                send(client, base, BIG_NAME, big, "json", expected[BIG_NAME], timeout)
            )

    runner = threading.Thread(target=scan_big)
    runner.start()
    time.sleep(0.5)  # the body is on the server and its analysis under way
    names = list(DOCUMENTS)
    small: list[Result] = []
    lock = threading.Lock()

    def sender(offset: int) -> None:
        with httpx.Client() as client:
            index = offset
            while runner.is_alive() and time.monotonic() < deadline and index < SMALL_MAX:
                name = names[index % len(names)]
                kind = "json" if (index // len(names)) % 2 == 0 else "upload"
                timeout = max(1.0, deadline - time.monotonic())
                result = send(client, base, name, DOCUMENTS[name], kind, expected[name], timeout)
                with lock:
                    small.append(result)
                index += SMALL_CONCURRENCY
                time.sleep(max(0.0, SMALL_PACE - result.seconds))

    senders = [threading.Thread(target=sender, args=(i,)) for i in range(SMALL_CONCURRENCY)]
    for thread in senders:
        thread.start()
    for thread in senders:
        thread.join()
    runner.join(timeout=max(0.0, deadline - time.monotonic()))
    if not big_result:
        return Result(BIG_NAME, "json", 0, TIME_LIMIT, "no answer within the time limit"), small
    return big_result[0], small


def main() -> int:
    started = time.monotonic()
    deadline = started + TIME_LIMIT
    failures: list[str] = []
    big = big_document()
    print("Command: `.venv/bin/python benchmarks/load.py`")
    print(f"Versions: {versions('sourcelint', 'fastapi', 'starlette', 'uvicorn', 'httpx')}")
    print(f"Machine: {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="sourcelint-load-") as temporary:
        folder = Path(temporary)
        expected = expected_documents(folder, {**DOCUMENTS, BIG_NAME: big})
        print(f"CLI reference results: {time.monotonic() - started:.1f} s")
        with server(folder / "server.log") as base:
            print(f"Server: {base}, answering after {time.monotonic() - started:.1f} s")
            wall = time.perf_counter()
            results = phase_one(base, expected, deadline)
            wall = time.perf_counter() - wall
            bad = [result for result in results if result.problem]
            print(
                f"\nPhase 1: {REQUESTS} requests at concurrency {CONCURRENCY} "
                f"({sum(r.kind == 'json' for r in results)} pasted, "
                f"{sum(r.kind == 'upload' for r in results)} uploads) in {wall:.1f} s, "
                f"{REQUESTS / wall:.1f} requests/s"
            )
            print(latency_line("  all", results))
            for kind in ("json", "upload"):
                print(latency_line(f"  {kind}", [r for r in results if r.kind == kind]))
            print(f"  responses failing a check: {len(bad)}")
            failures += [f"phase 1 {r.kind} {r.name}: {r.problem}" for r in bad]

            big_result, small = phase_two(base, expected, big, deadline)
            print(
                f"\nPhase 2: one {len(big.encode()):,}-byte document scanned in "
                f"{big_result.seconds:.1f} s (status {big_result.status}, "
                f"{'matches the CLI' if big_result.problem is None else big_result.problem})"
            )
            print(latency_line(f"  small requests beside it, {SMALL_CONCURRENCY} at a time", small))
            if big_result.problem:
                failures.append(f"phase 2 big document: {big_result.problem}")
            failures += [f"phase 2 {r.kind} {r.name}: {r.problem}" for r in small if r.problem]
            if len(small) < 10:
                failures.append(f"phase 2: only {len(small)} small requests ran beside the big one")
            else:
                p95 = percentile([r.seconds for r in small], 95)
                verdict = "met" if p95 < P95_TARGET else "MISSED"
                print(f"  target p95 < {P95_TARGET:.1f} s: {verdict}")
                if p95 >= P95_TARGET:
                    failures.append(f"phase 2: small-request p95 {p95:.3f} s >= {P95_TARGET} s")
            if time.monotonic() > deadline:
                failures.append(f"the run took longer than {TIME_LIMIT:.0f} s")
            log = tail(folder / "server.log", 100_000)
        if "Traceback" in log:
            failures.append("the server logged a traceback")
    print(f"\nTotal: {time.monotonic() - started:.1f} s")
    if failures:
        print(f"FAILED ({len(failures)} problems):")
        for failure in failures[:20]:
            print(f"  {failure}")
        return 1
    print("OK: every response matched the CLI's result")
    return 0


if __name__ == "__main__":
    sys.exit(main())
