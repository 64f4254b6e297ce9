"""The command line: argument parsing only; the work is in runner.py and the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from sourcelint._version import __version__
from sourcelint.config import parse_codes, parse_severity, parse_threshold
from sourcelint.display import printable
from sourcelint.errors import SourcelintError, internal_error
from sourcelint.model import Severity
from sourcelint.readers import FORMATS
from sourcelint.rules.base import Rule
from sourcelint.rules.registry import ERRORS, RULES, lookup
from sourcelint.runner import EXIT_ERROR, ScanOptions, run_scan

_OUTPUT_FORMATS = ("text", "json", "sarif", "github")
_ALLOW_PRIVATE = (
    "fetch web addresses on this computer or its network (loopback, private, link-local)"
)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line with a code, exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: SL900 {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_ERROR)


def _codes(value: str) -> tuple[str, ...]:
    try:
        return parse_codes(value, where="the command line")
    except SourcelintError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _threshold(value: str) -> float:
    try:
        return parse_threshold(float(value), where="--claim-threshold")
    except (SourcelintError, ValueError):
        raise argparse.ArgumentTypeError("must be a number from 0 to 1") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(prog="sourcelint", description="A linter for the evidence in prose.")
    parser.add_argument("--version", action="version", version=f"sourcelint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    scan = commands.add_parser("scan", help="scan documents and report findings")
    scan.add_argument(
        "paths",
        nargs="*",
        default=["."],
        help="files, folders, web addresses (http, https), or - for stdin (default: .)",
    )
    scan.add_argument(
        "--format", choices=_OUTPUT_FORMATS, default="text", help="report format (default: text)"
    )
    scan.add_argument(
        "--select", type=_codes, action="append", help="codes or prefixes to check (e.g. SL1,SL903)"
    )
    scan.add_argument(
        "--ignore", type=_codes, action="append", help="codes or prefixes to leave out"
    )
    scan.add_argument(
        "--fail-level",
        choices=[level.value for level in Severity],
        help="exit 1 when a finding is at or above this severity (default: warning)",
    )
    scan.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    scan.add_argument(
        "--claim-threshold",
        type=_threshold,
        metavar="P",
        help="check-worthiness from 0 to 1 above which an unsourced claim is reported (SL401; "
        "default: the model's, set for precision 0.8 on articles)",
    )
    scan.add_argument(
        "-o", "--output", type=Path, help="write the report to this file (atomically)"
    )
    scan.add_argument("--include", action="append", metavar="GLOB", help="files to scan in folders")
    scan.add_argument("--exclude", action="append", metavar="GLOB", help="files or folders to skip")
    scan.add_argument(
        "--config", type=Path, help="use this configuration file, not the nearest one"
    )
    scan.add_argument(
        "--baseline", type=Path, help="report only findings not in this baseline file"
    )
    scan.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record current findings as a baseline"
    )
    scan.add_argument(
        "--diff-base",
        metavar="REF",
        help="report only findings on lines changed since this git revision (renames followed)",
    )
    scan.add_argument("--stdin-filename", help="the name to report for standard input")
    scan.add_argument("--stdin-format", choices=FORMATS, help="the format of standard input")
    scan.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    scan.add_argument("--allow-private", action="store_true", help=_ALLOW_PRIVATE)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    rule = commands.add_parser("rule", help="explain one rule")
    rule.add_argument("code", help="a rule code, e.g. SL101")

    report = commands.add_parser("report", help="write a document's evidence map as HTML")
    report.add_argument("path", help="a .txt, .md, .html, .pdf or .docx file, or a web address")
    report.add_argument("-o", "--output", type=Path, help="write here (default: standard output)")
    report.add_argument("--format", choices=FORMATS, help="read the file as this format")
    report.add_argument("--config", type=Path, help="use this configuration file")
    report.add_argument("--claim-threshold", type=_threshold, metavar="P")
    report.add_argument("--allow-private", action="store_true", help=_ALLOW_PRIVATE)

    text = commands.add_parser(
        "text", help="print the text a scan reads, block by block, with its title and date"
    )
    text.add_argument("path", help="a .txt, .md, .html, .pdf or .docx file, a web address, or -")
    text.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default: text)"
    )
    text.add_argument("--input-format", choices=FORMATS, help="read the file as this format")
    text.add_argument("-o", "--output", type=Path, help="write here (default: standard output)")
    text.add_argument("--config", type=Path, help="use this configuration file")
    text.add_argument("--allow-private", action="store_true", help=_ALLOW_PRIVATE)

    serve = commands.add_parser("serve", help="run the local web app (paste or upload)")
    serve.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")

    lsp = commands.add_parser("lsp", help="run the language server for editors (stdio)")
    lsp.add_argument(
        "--config", type=Path, help="use this configuration file, not each file's nearest one"
    )
    return parser


def _report(arguments: argparse.Namespace) -> int:
    from sourcelint.api import analyze
    from sourcelint.output.html import render_html
    from sourcelint.runner import read_document, settings_for_path, write_atomic, write_stdout

    options = ScanOptions(
        paths=[arguments.path],
        config=arguments.config,
        claim_threshold=arguments.claim_threshold,
        stdin_format=arguments.format,
        allow_private=arguments.allow_private,
    )
    settings = settings_for_path(options, arguments.path)
    document = read_document(arguments.path, options, settings, format=arguments.format)
    page = render_html(document, analyze(document, settings=settings))
    if arguments.output is None:
        write_stdout(page)
    else:
        write_atomic(arguments.output, page)
    return 0


def _text(arguments: argparse.Namespace) -> int:
    from sourcelint.output.reading import render_reading_json, render_reading_text
    from sourcelint.runner import read_document, settings_for_path, write_atomic, write_stdout

    options = ScanOptions(
        paths=[arguments.path],
        config=arguments.config,
        stdin_format=arguments.input_format,
        allow_private=arguments.allow_private,
    )
    settings = settings_for_path(options, arguments.path)
    document = read_document(arguments.path, options, settings, format=arguments.input_format)
    render = render_reading_json if arguments.format == "json" else render_reading_text
    reading = render(document)
    if arguments.output is None:
        write_stdout(reading)
    else:
        write_atomic(arguments.output, reading)
    return 0


def _flatten(values: list[tuple[str, ...]] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(code for group in values for code in group)


def _rules_text() -> str:
    lines = [f"{'code':<7}{'name':<28}{'severity':<10}{'default':<9}summary"]
    lines += [
        f"{rule.code:<7}{rule.name:<28}{rule.severity.value:<10}"
        f"{'on' if rule.default else 'off':<9}{rule.summary}"
        for rule in RULES
    ]
    lines += ["", "Errors (exit status 2):"]
    lines += [f"{error.code:<7}{error.name:<28}{'':<10}{error.summary}" for error in ERRORS]
    return "\n".join(lines) + "\n"


def rule_markdown(rule: Rule) -> str:
    """A rule's documentation page, from its docstring."""
    title, _, body = rule.doc.strip().partition("\n")
    summary = title.split(":", 1)[-1].strip()
    severity = rule.severity.value
    default = (
        ""
        if rule.default
        else f" Off by default: select it with `--select {rule.code}` (its findings were right"
        " less than 80% of the time on real pages)."
    )
    return f"## {rule.code} `{rule.name}`\n\n{summary}\n\nSeverity: {severity}.{default}\n{body}\n"


def rules_markdown() -> str:
    """docs/rules.md: every rule's page and the error table."""
    parts = [
        "# Rules\n\nGenerated from the rules' docstrings by `make docs`; do not edit by hand.\n",
        "| code | name | severity | default | summary |\n|---|---|---|---|---|",
        *[
            f"| {rule.code} | {rule.name} | {rule.severity.value} | "
            f"{'on' if rule.default else 'off'} | {rule.summary} |"
            for rule in RULES
        ],
        "",
        *[rule_markdown(rule) for rule in RULES],
        "## Errors\n\nThese stop the scan of a file (or the whole run) with exit status 2.\n",
        "| code | name | meaning |\n|---|---|---|",
        *[f"| {error.code} | {error.name} | {error.summary} |" for error in ERRORS],
    ]
    return "\n".join(parts) + "\n"


def _run(arguments: argparse.Namespace) -> int:
    if arguments.command == "rules":
        if arguments.format == "markdown":
            sys.stdout.write(rules_markdown())
        elif arguments.format == "json":
            payload = [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.value,
                    "default": r.default,
                    "summary": r.summary,
                }
                for r in RULES
            ]
            sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        else:
            sys.stdout.write(_rules_text())
        return 0
    if arguments.command == "report":
        return _report(arguments)
    if arguments.command == "text":
        return _text(arguments)
    if arguments.command == "serve":
        from sourcelint.web import serve

        serve(arguments.host, arguments.port)
        return 0
    if arguments.command == "lsp":
        from sourcelint.lsp import serve_stdio

        return serve_stdio(config=arguments.config)
    if arguments.command == "rule":
        found = lookup(arguments.code)
        if found is None:
            raise SourcelintError(
                "SL900", f"no rule or error with code {arguments.code!r}; see 'sourcelint rules'"
            )
        if isinstance(found, Rule):
            sys.stdout.write(rule_markdown(found))
        else:
            sys.stdout.write(f"{found.code} {found.name}: {found.summary}\n")
        return 0
    options = ScanOptions(
        paths=arguments.paths,
        output_format=arguments.format,
        select=_flatten(arguments.select),
        ignore=_flatten(arguments.ignore),
        fail_level=parse_severity(arguments.fail_level, where="--fail-level")
        if arguments.fail_level
        else None,
        exit_zero=arguments.exit_zero,
        output=arguments.output,
        include=tuple(arguments.include) if arguments.include else None,
        exclude=tuple(arguments.exclude) if arguments.exclude else None,
        config=arguments.config,
        baseline=arguments.baseline,
        write_baseline=arguments.write_baseline,
        diff_base=arguments.diff_base,
        stdin_filename=arguments.stdin_filename,
        stdin_format=arguments.stdin_format,
        quiet=arguments.quiet,
        claim_threshold=arguments.claim_threshold,
        allow_private=arguments.allow_private,
    )
    return run_scan(options)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `sourcelint` command; returns the exit status."""
    arguments = build_parser().parse_args(argv)
    try:
        return _run(arguments)
    except SourcelintError as error:
        sys.stderr.write(f"error: {printable(str(error))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:
        sys.stderr.write(f"error: {printable(str(internal_error(error)))}\n")
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
