"""Which files a scan reads: explicit paths as given, folders recursed with globs."""

from __future__ import annotations

import os
import stat
from fnmatch import fnmatch
from pathlib import Path

from sourcelint.config import DEFAULT_EXCLUDE
from sourcelint.errors import SourcelintError
from sourcelint.fetch import is_url

STDIN = "-"


def _matches(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(name, pattern) or fnmatch(relative, pattern) for pattern in patterns)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # a broken link or a vanished file: reading it reports why


def collect(
    paths: list[str], *, include: tuple[str, ...], exclude: tuple[str, ...]
) -> tuple[list[str], list[SourcelintError]]:
    """The files to scan, in a stable order, and the errors for paths that cannot be used.

    A file named explicitly, and a web address, is always scanned; a folder is walked (hidden
    folders, virtualenvs and node_modules skipped) for files matching `include` and not
    `exclude`.
    """
    files: list[str] = []
    errors: list[SourcelintError] = []
    for given in paths:
        if given == STDIN or is_url(given):
            files.append(given)
            continue
        path = Path(given)
        if not path.exists():
            errors.append(SourcelintError("SL901", "no such file or directory", path=given))
            continue
        if not path.is_dir():
            files.append(given)
            continue
        found: list[str] = []
        unreadable: list[OSError] = []
        for folder, subfolders, names in os.walk(path, onerror=unreadable.append):
            relative_folder = os.path.relpath(folder, path)
            subfolders[:] = sorted(
                name
                for name in subfolders
                if name not in DEFAULT_EXCLUDE
                and not name.startswith(".")
                and not _matches(os.path.normpath(Path(relative_folder) / name), name, exclude)
            )
            for name in sorted(names):
                relative = os.path.normpath(Path(relative_folder) / name)
                if _matches(relative, name, include) and not _matches(relative, name, exclude):
                    if _regular(Path(folder) / name):
                        found.append(str(Path(folder) / name))
                    else:  # a pipe would block the walk, a device never end
                        errors.append(
                            SourcelintError(
                                "SL901",
                                "not a regular file (a pipe, device or socket); skipped",
                                path=str(Path(folder) / name),
                            )
                        )
        errors += [
            SourcelintError(
                "SL901",
                f"cannot read this folder: {problem.strerror or problem}",
                path=str(problem.filename or given),
            )
            for problem in unreadable
        ]
        if not found and not unreadable:
            errors.append(
                SourcelintError(
                    "SL905",
                    f"no file to scan in this directory (looked for {', '.join(include)})",
                    path=given,
                )
            )
        files.extend(found)
    return files, errors
