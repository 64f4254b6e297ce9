"""`sourcelint scan`: read every file, analyse it, report, and decide the exit status."""

from __future__ import annotations

import glob
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from sourcelint import nlp
from sourcelint.api import analyze
from sourcelint.config import Settings, load_config_file, settings_for
from sourcelint.diff import changed_lines
from sourcelint.discover import STDIN, collect
from sourcelint.display import printable, printable_name
from sourcelint.document import Document
from sourcelint.errors import SourcelintError, internal_error
from sourcelint.fetch import is_url, read_url
from sourcelint.model import Analysis, Severity
from sourcelint.output import RENDERERS
from sourcelint.readers import detect_format, read_bytes, read_path
from sourcelint.suppress import filter_baseline, load_baseline, write_baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class ScanOptions:
    """What the command line asked for."""

    paths: list[str]
    output_format: str = "text"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_level: Severity | None = None
    exit_zero: bool = False
    output: Path | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    config: Path | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    diff_base: str | None = None
    stdin_filename: str | None = None
    stdin_format: str | None = None
    quiet: bool = False
    allow_private: bool = False  # fetch web addresses on this network (loopback, private)
    claim_threshold: float | None = None


_TEMPORARY_TAG = ".sourcelint-"


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files an earlier run left beside `path` (it was killed while writing): each
    holds its writer's process id, and those whose process is gone are removed."""
    folder = path.parent if str(path.parent) else Path()
    try:
        leftovers = list(folder.glob(f".{glob.escape(path.name)}{_TEMPORARY_TAG}*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        pid_text = leftover.name[len(path.name) + 1 + len(_TEMPORARY_TAG) :].split(".", 1)[0]
        if pid_text.isdigit() and not _process_alive(int(pid_text)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _output_error(error: OSError, path: Path | str) -> SourcelintError:
    # the path is escaped where the error is printed, as every SL9xx line is
    return SourcelintError(
        "SL909", f"cannot write output: {error.strerror or error}", path=str(path)
    )


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a file so that a reader sees the old content or the new, never a part; the file
    gets the permissions a plain write would give it. A target that is not a regular file (a
    device such as /dev/null, a pipe) is written in place, never replaced; any failure,
    including a full disk, is SL909."""
    chunks = [text] if isinstance(text, str) else text
    if path.exists() and not path.is_file():
        try:
            with path.open("w", encoding="utf-8", errors="replace") as stream:
                for chunk in chunks:
                    stream.write(chunk)
        except OSError as error:
            raise _output_error(error, path) from None
        return
    _remove_stale_temporaries(path)
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}{_TEMPORARY_TAG}{os.getpid()}.", suffix=".tmp", dir=folder
        )
    except OSError as error:
        raise _output_error(error, path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(path)
    except OSError as error:
        raise _output_error(error, path) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_stdout(text: str | Iterable[str]) -> None:
    """Write a report to standard output; a failed write (a full disk behind a redirection)
    is SL909, never a silent success. A closed pipe (`| head`) stops quietly."""
    try:
        for chunk in [text] if isinstance(text, str) else text:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _output_error(error, "<stdout>") from None


def settings_for_path(options: ScanOptions, path: str) -> Settings:
    """The settings for one path: --config, else the nearest configuration (from the current
    folder for standard input), with the command line's options on top."""
    if options.config is not None:
        base = load_config_file(options.config)
    elif path == STDIN or is_url(path):
        base = settings_for(Path.cwd())
    else:
        base = settings_for(Path(path))
    overrides: dict[str, Any] = {}
    for name in ("select", "ignore", "fail_level", "include", "exclude", "claim_threshold"):
        value = getattr(options, name)
        if value is not None:
            overrides[name] = value
    return replace(base, **overrides)


def read_document(
    path: str, options: ScanOptions, settings: Settings, *, format: str | None = None
) -> Document:
    """One input as a Document: standard input, a file or a web address (fetch.py), refused
    (SL907) over the size limit; `format` overrides the format the file's name implies."""
    if is_url(path):
        return read_url(path, allow_private=options.allow_private, max_bytes=settings.max_file_size)
    if path == STDIN:
        data = sys.stdin.buffer.read()
        shown = options.stdin_filename or "<stdin>"
        fmt = options.stdin_format or detect_format(options.stdin_filename, data)
        if len(data) > settings.max_file_size:
            raise SourcelintError(
                "SL907", f"input is larger than {settings.max_file_size} bytes", path=shown
            )
        return read_bytes(data, path=shown, format=fmt)
    size = Path(path).stat().st_size if Path(path).is_file() else 0
    if size > settings.max_file_size:
        raise SourcelintError(
            "SL907",
            f"file is {size:,} bytes, over the limit of {settings.max_file_size:,} (max-file-size)",
            path=path,
        )
    return read_path(
        Path(path), format=format, display=printable_path(path), max_size=settings.max_file_size
    )


def printable_path(path: str) -> str:
    """A path as reports show it: bytes of a file name that are not UTF-8 become U+FFFD.
    (Control characters are escaped where a report is printed, not here: JSON keeps the
    name.)"""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _error_line(error: SourcelintError, stream: TextIO) -> None:
    stream.write(f"error: {printable(str(error))}\n")


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        yield progress


def run_scan(options: ScanOptions) -> int:
    """Scan, print or write the report, and return the exit status."""
    stderr = sys.stderr
    # read before the scan, so that an unknown revision fails at once
    changed = changed_lines(options.diff_base) if options.diff_base else None
    files: list[str] = []
    errors: list[SourcelintError] = []
    for given in options.paths:
        try:
            folder_settings = settings_for_path(options, given)  # a folder's own configuration
        except SourcelintError as error:
            errors.append(error)
            continue
        found, problems = collect(
            [given], include=folder_settings.include, exclude=folder_settings.exclude
        )
        files += found
        errors += problems
    # a document is kept after its analysis only for the baseline, which fingerprints the
    # flagged text: a large document's text and blocks are otherwise freed before the report
    keep_documents = options.baseline is not None or options.write_baseline is not None
    results: list[tuple[Analysis, Document]] = []
    scanned: list[Analysis] = []
    fail_levels: dict[str, Severity] = {}
    show_progress = not options.quiet and stderr.isatty()
    with _progress(show_progress) as progress:
        if files and progress is not None:
            loading = progress.add_task("Loading the language model", total=None)
            nlp.sentence_pipeline()
            progress.remove_task(loading)
        for number, path in enumerate(files, start=1):
            try:
                settings = settings_for_path(options, path)
                document = read_document(path, options, settings)
                callback = None
                if progress is not None:
                    shown = escape(printable_name(document.path))  # rich reads [..] as markup
                    task = progress.add_task(
                        f"[{number}/{len(files)}] {shown}", total=max(len(document.text), 1)
                    )

                    def callback(done: int, task: Any = task) -> None:
                        progress.advance(task, done)

                analysis = analyze(document, settings=settings, progress=callback)
                if keep_documents:
                    results.append((analysis, document))
                scanned.append(analysis)
                del document
                fail_levels[analysis.path] = settings.fail_level
            except SourcelintError as error:
                if error.path is None:
                    error.path = path
                if error.code == "SL908":
                    raise
                errors.append(error)
            except Exception as error:
                errors.append(internal_error(error, path=path))
    for problem in errors:
        _error_line(problem, stderr)

    if options.write_baseline is not None:
        write_atomic(options.write_baseline, write_baseline(results))
        count = sum(len(analysis.findings) for analysis, _ in results)
        if not options.quiet:
            stderr.write(f"wrote a baseline of {count} finding(s) to {options.write_baseline}\n")
        return EXIT_ERROR if errors else EXIT_CLEAN

    analyses = scanned
    if options.baseline is not None:
        known = load_baseline(options.baseline)
        analyses = [
            replace(analysis, findings=tuple(filter_baseline(analysis, document, known)))
            for analysis, document in results
        ]
    del results, scanned
    if changed is not None:
        analyses = [
            replace(
                analysis,
                findings=tuple(
                    f for f in analysis.findings if changed.touches(analysis.path, f.line)
                ),
            )
            for analysis in analyses
        ]
    report = RENDERERS[options.output_format](analyses)
    if options.output is not None:
        write_atomic(options.output, report)
    else:
        write_stdout(report)

    if errors:
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_CLEAN
    failing = any(
        finding.severity.rank >= fail_levels.get(analysis.path, Severity.WARNING).rank
        for analysis in analyses
        for finding in analysis.findings
    )
    return EXIT_FINDINGS if failing else EXIT_CLEAN
