"""What a benchmark ran on: Python, package versions and the commit of the working tree, for
the line each benchmark prints under its table."""

from __future__ import annotations

import importlib.metadata
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def versions(*names: str) -> str:
    """Python, the versions of the named packages that are installed, and the commit."""
    found = []
    for name in names:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return f"Python {platform.python_version()}; " + ", ".join(found) + f"; commit {commit}"
