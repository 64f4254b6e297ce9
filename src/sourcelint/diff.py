"""`--diff-base REF`: which lines of which files changed since a git revision, so that a pull
request's check reports only the findings on lines it touched.

The changes come from `git diff --unified=0 --find-renames REF` (the working tree against
REF; a renamed file is followed to its new name, so only its edited lines count) and from
`git ls-files --others --exclude-standard` (a new file not yet added: every line is new). A
changed PDF or Word file counts as changed whole: its lines in git are not those it is read as.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sourcelint.errors import SourcelintError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_NEW_FILE = re.compile(r"^\+\+\+ (?:b/(.*)|/dev/null)$")
# a changed PDF or Word file has no lines to compare: all of it counts as changed
_BINARY = re.compile(r"^Binary files (?:a/.*|/dev/null) and b/(.*) differ$")
_PAGED = frozenset({".pdf", ".docx"})


@dataclass(frozen=True)
class ChangedLines:
    """The changed lines per file (resolved absolute paths); None means the whole file."""

    files: dict[Path, frozenset[int] | None]

    def touches(self, path: str, line: int) -> bool:
        """Whether `line` (1-based) of `path` is new or changed."""
        try:
            key = Path(path).resolve()
        except (OSError, RuntimeError):
            return False
        if key not in self.files:
            return False
        lines = self.files[key]
        return lines is None or line in lines


def _git(arguments: list[str], cwd: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotePath=false", *arguments],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
            env={**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C"},
        )
    except OSError as error:
        raise SourcelintError(
            "SL900", f"--diff-base needs git: {error.strerror or error}"
        ) from None
    if completed.returncode != 0:
        reason = (completed.stderr.strip().splitlines() or ["git failed"])[-1]
        raise SourcelintError("SL900", f"--diff-base: {reason}")
    return completed.stdout


def changed_lines(base: str, cwd: Path | None = None) -> ChangedLines:
    """The lines changed since `base` in the repository holding `cwd` (the current folder by
    default). SL900 when git is missing, `cwd` is not in a repository or `base` is unknown."""
    where = cwd or Path.cwd()
    if base.startswith("-"):
        raise SourcelintError("SL900", f"--diff-base: {base!r} is not a revision")
    root = Path(_git(["rev-parse", "--show-toplevel"], where).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], where)
    diff = _git(
        ["diff", "--unified=0", "--find-renames", "--no-color", "--no-ext-diff", base, "--"],
        root,
    )
    files: dict[Path, frozenset[int] | None] = {}
    current: Path | None = None
    lines: set[int] = set()
    for row in diff.splitlines():
        if row.startswith("+++ "):
            if current is not None:
                files[current] = frozenset(lines)
            match = _NEW_FILE.match(row)
            current = (root / match.group(1)).resolve() if match and match.group(1) else None
            lines = set()
        elif binary := _BINARY.match(row):
            if current is not None:
                files[current] = frozenset(lines)
            current = None
            files[(root / binary.group(1)).resolve()] = None
        elif current is not None and (hunk := _HUNK.match(row)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or "1")
            lines.update(range(start, start + count))
    if current is not None:
        files[current] = frozenset(lines)
    for path in files:
        if path.suffix.lower() in _PAGED:
            files[path] = None  # its lines in git are not the lines a finding names
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for name in filter(None, untracked.split("\0")):
        files[(root / name).resolve()] = None
    return ChangedLines(files)
