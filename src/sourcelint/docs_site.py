"""The documentation site's Markdown: `python -m sourcelint.docs_site OUTDIR` (`make docs-site`).

It assembles OUTDIR for `mkdocs build --strict` (mkdocs.yml reads it as its docs_dir):

- the hand-written user-guide pages of docs/site/, with their directives expanded:
  `<!-- include FILE "HEADING" [intro] [heading] -->` copies a section of a repository file
  (README.md), `<!-- docstring MODULE -->` a module's docstring, and
  `<!-- generate cli-reference -->` the help of every subcommand, so text already written in
  the README and the code is not written twice;
- docs/*.md (security, benchmarks, annotation guidelines) and docs/screenshots, copied;
- the rules reference, generated from the rules: an index, one page per rule (its docstring,
  severity, default, and its passing and failing examples) and the SL9xx errors.

docs/rules.md (`make docs`) is replaced by the rules pages. Links to repository files are
rewritten to the site's pages. The module is also mkdocs.yml's hook: `on_config` lists the
rule pages under "Rules" in the navigation, so a new rule needs no edit of mkdocs.yml.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import posixpath
import re
import shlex
import shutil
import sys
import unicodedata
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import Any

from sourcelint.cli import build_parser, rule_markdown
from sourcelint.rules.base import Example, Rule
from sourcelint.rules.registry import ERRORS, RULES

ROOT = Path(__file__).resolve().parents[2]
"""The repository (a source checkout: README.md, docs/ and docs/site/ live here)."""

MARKER = ".sourcelint-docs-src"
"""A file the generator leaves in OUTDIR: only a folder holding it is ever emptied."""

LANGUAGES = {"txt": "text", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}
"""An example's format -> the language of its fenced code block."""

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DIRECTIVE = re.compile(r"^<!--\s*(include|docstring|generate)\s+(.*?)\s*-->\s*$")
_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")
_HELP_WIDTH = 92


def _code_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included)."""
    flags = []
    fence = ""
    for line in lines:
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            flags.append(True)
        else:
            fence = opened.group(1) if opened else ""
            flags.append(bool(opened))
    return flags


def _headings(lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """(line index, level, text) of each ATX heading outside fenced code blocks."""
    found = []
    for index, (line, code) in enumerate(zip(lines, _code_lines(lines), strict=True)):
        heading = None if code else _HEADING.match(line)
        if heading:
            found.append((index, len(heading.group(1)), heading.group(2)))
    return found


def markdown_section(text: str, title: str, *, intro: bool = False, heading: bool = False) -> str:
    """The section of Markdown `text` under the heading `title`, moved to the top of a page.

    Without `heading` the body alone, its subheadings promoted so the first level below the
    section's is `##`; with it, the heading too, as `##`. `intro`: only the text before the
    first subheading. Raises LookupError when no heading reads `title`."""
    lines = text.splitlines()
    headings = _headings(lines)
    matches = [position for position, found in enumerate(headings) if found[2] == title]
    if not matches:
        raise LookupError(f"no heading {title!r}")
    position = matches[0]
    start, level, _ = headings[position]
    end = len(lines)
    for index, other_level, _ in headings[position + 1 :]:
        if intro or other_level <= level:
            end = index
            break
    shift = level - 2 if heading else level - 1
    inner = {index: other_level for index, other_level, _ in headings}
    body = []
    for index in range(start if heading else start + 1, end):
        line = lines[index]
        if index in inner:
            new_level = max(inner[index] - shift, 2)
            line = "#" * new_level + line.lstrip("#")
        body.append(line)
    return "\n".join(body).strip("\n") + "\n"


def site_link(target: str, source_dir: str) -> str:
    """A link of a repository file (in `source_dir`, relative to the repository) as a link of
    a top-level page of the site: docs/X becomes X, docs/rules.md the rules index."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith(("#", "/")):
        return target
    path, hash_mark, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(source_dir, path))
    if resolved == "docs/rules.md":
        code = anchor.split("-", 1)[0].upper()
        return f"rules/{code}.md" if re.fullmatch(r"SL\d{3}", code) else "rules/index.md"
    if resolved.startswith("docs/"):
        return resolved.removeprefix("docs/") + hash_mark + anchor
    return target


def rewrite_links(text: str, source_dir: str) -> str:
    """Every inline link and image of Markdown `text` made a link of the site (`site_link`)."""
    return _LINK.sub(
        lambda match: match.group(1) + site_link(match.group(2), source_dir) + match.group(3), text
    )


def separate_lists(text: str) -> str:
    """A blank line put before a list that starts right under a paragraph line: GitHub reads
    such a list as a list, Python-Markdown (MkDocs) as more of the paragraph."""
    lines = text.splitlines()
    out: list[str] = []
    for line, code in zip(lines, _code_lines(lines), strict=True):
        if (
            not code
            and _LIST_ITEM.match(line)
            and out
            and out[-1].strip()
            and not _LIST_ITEM.match(out[-1])
            and not out[-1].startswith((" ", "\t", "#", "|", ">", "```", "~~~"))
        ):
            out.append("")
        out.append(line)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def site_markdown(text: str, source_dir: str) -> str:
    """Markdown of a repository file (in `source_dir`) made ready for the site: links
    rewritten (`rewrite_links`) and lists separated from paragraphs (`separate_lists`)."""
    return separate_lists(rewrite_links(text, source_dir))


def cli_reference() -> str:
    """The `--help` of `sourcelint` and each of its subcommands, as Markdown."""
    parser = build_parser()
    formatter = functools.partial(argparse.HelpFormatter, width=_HELP_WIDTH)
    parsers = [("sourcelint", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            parsers += [(f"sourcelint {name}", sub) for name, sub in action.choices.items()]
    parts = []
    for name, command in parsers:
        command.formatter_class = formatter
        parts.append(f"### `{name}`\n\n```text\n{command.format_help().rstrip()}\n```\n")
    return "\n".join(parts)


def module_docstring(name: str) -> str:
    """The docstring of module `name`, dedented."""
    return inspect.cleandoc(importlib.import_module(name).__doc__ or "") + "\n"


def expand(page: str, root: Path = ROOT) -> str:
    """A hand-written page with its directives replaced by what they name."""
    out = []
    for line in page.splitlines():
        directive = _DIRECTIVE.match(line)
        if directive is None:
            out.append(line)
            continue
        kind, arguments = directive.group(1), shlex.split(directive.group(2))
        if kind == "include":
            path, title, *flags = arguments
            unknown = set(flags) - {"intro", "heading"}
            if unknown:
                raise ValueError(f"unknown include flag {sorted(unknown)} in {line!r}")
            text = (root / path).read_text(encoding="utf-8")
            try:
                section = markdown_section(
                    text, title, intro="intro" in flags, heading="heading" in flags
                )
            except LookupError as error:
                raise LookupError(f"{path}: {error} (included by {line!r})") from None
            out.append(site_markdown(section, posixpath.dirname(path)))
        elif kind == "docstring":
            out.append(module_docstring(arguments[0]))
        elif arguments == ["cli-reference"]:
            out.append(cli_reference())
        else:
            raise ValueError(f"unknown directive {line!r}")
    return "\n".join(out).rstrip("\n") + "\n"


def _unsafe(character: str) -> bool:
    """A character that would be invisible or act on the page: controls, format characters
    (bidirectional overrides, zero-width), separators other than space, surrogates."""
    if character in "\n\t":
        return False
    return unicodedata.category(character) in {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def example_text(example: Example) -> tuple[str, str, str]:
    """How an example is shown: (code-block language, text, note). Bytes appear as a Python
    bytes literal and invisible or control characters as `\\uXXXX` escapes; the note says so."""
    if isinstance(example.content, bytes):
        return "text", repr(example.content), "raw bytes, shown as a Python bytes literal"
    language = LANGUAGES.get(example.format, "text")
    if any(_unsafe(character) for character in example.content):
        shown = "".join(
            f"\\u{ord(character):04x}" if _unsafe(character) else character
            for character in example.content
        )
        return language, shown, "invisible and control characters shown as \\uXXXX escapes"
    return language, example.content, ""


def _example_block(example: Example, label: str) -> str:
    """One example as a titled fenced code block."""
    if not example.content:
        return f"{label} (`.{example.format}`): an empty file (0 bytes).\n"
    language, shown, note = example_text(example)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * max(3, longest + 1)
    title = f"{label} (.{example.format}{', ' + note if note else ''})"
    body = shown if shown.endswith("\n") else shown + "\n"
    return f'{fence}{language} title="{title}"\n{body}{fence}\n'


def rule_page(rule: Rule) -> str:
    """A rule's page: its `sourcelint rule` text under a page title, whether it runs by
    default, then its failing and passing examples."""
    text = rule_markdown(rule).removeprefix("## ")
    severity_line = f"Severity: {rule.severity.value}."
    if rule.default:  # rule_markdown only says so when a rule is off by default
        text = text.replace(severity_line, f"{severity_line} On by default.", 1)
    parts = [f"# {text.rstrip()}\n"]
    for kind, examples, meaning in (
        ("Failing", rule.failing, f"documents {rule.code} reports"),
        ("Passing", rule.passing, f"documents {rule.code} leaves alone"),
    ):
        parts.append(f"## {kind} examples\n\nThe {meaning}; the tests run each of them.\n")
        parts += [
            _example_block(example, f"{kind} example {number}")
            for number, example in enumerate(examples, 1)
        ]
    return "\n".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_index() -> str:
    """The rules index: a table linking every rule's page."""
    rows = [
        f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity.value} | "
        f"{'on' if rule.default else 'off'} | {_cell(rule.summary)} |"
        for rule in RULES
    ]
    return (
        "# Rules\n\n"
        "Generated from the rules' docstrings and examples; `sourcelint rules` prints the same "
        "table and `sourcelint rule CODE` a rule's text.\n\n"
        "| code | name | severity | default | summary |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\nThe default column says which rules run when nothing is selected. A rule that is "
        "off runs only when selected by its code or a prefix of it (`--select ALL,SL2`); why "
        "each is off is in [Benchmarks](../benchmarks.md). Errors that stop a scan are on "
        "[Errors](errors.md).\n"
    )


def errors_page() -> str:
    """The SL9xx errors that stop a scan, and the SL9xx rules that are findings instead."""
    rows = [f"| {error.code} | `{error.name}` | {_cell(error.summary)} |" for error in ERRORS]
    findings = ", ".join(
        f"[{rule.code}]({rule.code}.md)" for rule in RULES if rule.code.startswith("SL9")
    )
    return (
        "# Errors\n\n"
        "These stop the scan of a file (or the whole run) with exit status 2. Each is one line "
        "on standard error with its code, never a traceback.\n\n"
        "| code | name | meaning |\n|---|---|---|\n" + "\n".join(rows) + "\n\n"
        f"Problems with an input that still lets it be read are findings, not errors: {findings}."
        "\n"
    )


def generate(outdir: Path, root: Path = ROOT) -> list[Path]:
    """Write the site's Markdown into `outdir` (emptied first when it is a previous output)
    and return the pages written."""
    if outdir.exists() and any(outdir.iterdir()):
        if not (outdir / MARKER).exists():
            raise FileExistsError(f"{outdir} is not empty and was not written by this generator")
        shutil.rmtree(outdir)
    (outdir / "rules").mkdir(parents=True)
    (outdir / MARKER).write_text("written by python -m sourcelint.docs_site\n", encoding="utf-8")
    pages: dict[str, str] = {}
    docs = root / "docs"
    for path in sorted(docs.glob("*.md")):
        if path.name != "rules.md":  # replaced by the rules pages
            pages[path.name] = site_markdown(path.read_text(encoding="utf-8"), "docs")
    for path in sorted((docs / "site").glob("*.md")):
        pages[path.name] = expand(path.read_text(encoding="utf-8"), root)
    pages["rules/index.md"] = rules_index()
    pages["rules/errors.md"] = errors_page()
    for rule in RULES:
        pages[f"rules/{rule.code}.md"] = rule_page(rule)
    if (docs / "screenshots").is_dir():
        shutil.copytree(docs / "screenshots", outdir / "screenshots")
    written = []
    for name, text in pages.items():
        target = outdir / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def rule_nav() -> list[str | dict[str, str]]:
    """The "Rules" section of the site's navigation: the index, each rule, the errors."""
    return [
        "rules/index.md",
        *[{f"{rule.code} {rule.name}": f"rules/{rule.code}.md"} for rule in RULES],
        "rules/errors.md",
    ]


def on_config(config: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """MkDocs hook: fill the "Rules" section of mkdocs.yml's `nav` with every rule's page."""
    nav = config.get("nav")
    if nav is None:
        return config
    for entry in nav:
        if isinstance(entry, dict) and "Rules" in entry:
            entry["Rules"] = rule_nav()
            break
    else:
        nav.append({"Rules": rule_nav()})
    return config


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m sourcelint.docs_site OUTDIR`: write the site's Markdown into OUTDIR."""
    parser = argparse.ArgumentParser(
        prog="python -m sourcelint.docs_site", description=(__doc__ or "").split("\n", 1)[0]
    )
    parser.add_argument("outdir", type=Path, help="where to write (e.g. build/docs-src)")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the repository (default: this checkout)"
    )
    arguments = parser.parse_args(argv)
    try:
        pages = generate(arguments.outdir, arguments.root)
    except (OSError, LookupError, ValueError) as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    sys.stdout.write(f"{len(pages)} pages written to {arguments.outdir}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
