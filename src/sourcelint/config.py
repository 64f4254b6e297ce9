"""Settings: defaults, `[tool.sourcelint]` in pyproject.toml or sourcelint.toml, CLI flags.

The configuration for a file is the nearest one found walking up from the file's folder:
sourcelint.toml (top-level keys) wins over pyproject.toml ([tool.sourcelint]) in the same
folder; a pyproject.toml without that table is passed over.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from sourcelint.errors import SourcelintError
from sourcelint.model import Severity
from sourcelint.rules.registry import ALL_CODES

DEFAULT_INCLUDE = (
    "*.txt",
    "*.text",
    "*.md",
    "*.markdown",
    "*.html",
    "*.htm",
    "*.pdf",
    "*.docx",
)
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")
DEFAULT_MAX_FILE_SIZE = 200 * 1024 * 1024
_KEYS = {
    "select",
    "ignore",
    "fail-level",
    "include",
    "exclude",
    "max-file-size",
    "claim-threshold",
    "claim-sources",
}
CLAIM_SOURCES = ("sentence", "paragraph")


@dataclass(frozen=True)
class Settings:
    """What to check and how to judge it."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_level: Severity = Severity.WARNING
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    claim_threshold: float | None = None  # None: the model's default (precision 0.8 on articles)
    claim_sources: str = "sentence"  # "paragraph": a source anywhere in the paragraph counts
    source: str | None = field(default=None, compare=False)

    def enabled(self, code: str, *, default: bool = True) -> bool:
        """Whether a code is on: the most specific matching prefix wins, ignore on a tie. A
        rule that is off by default needs its code or a prefix of it, not `ALL`."""
        selected = _match_length(code, self.select)
        if not default and selected <= 0:
            return False
        return selected > _match_length(code, self.ignore)


def _match_length(code: str, prefixes: tuple[str, ...]) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def parse_codes(values: object, *, where: str) -> tuple[str, ...]:
    """Codes and prefixes from a list or a comma-separated string, checked against the table."""
    if not isinstance(values, str) and not (
        isinstance(values, list | tuple) and all(isinstance(value, str) for value in values)
    ):
        raise SourcelintError("SL900", f"codes in {where} must be a string or a list of strings")
    items = (
        values.split(",")
        if isinstance(values, str)
        else [part for value in values for part in str(value).split(",")]
    )
    codes = []
    for item in items:
        code = item.strip().upper()
        if not code:
            continue
        if code != "ALL" and not any(known.startswith(code) for known in ALL_CODES):
            raise SourcelintError(
                "SL900", f"unknown rule code or prefix {item.strip()!r} in {where}"
            )
        codes.append(code)
    return tuple(codes)


def parse_severity(value: str, *, where: str) -> Severity:
    """A severity name, or SL900."""
    try:
        return Severity(value.lower())
    except ValueError:
        raise SourcelintError(
            "SL900", f"{where}: fail level must be info, warning or error, not {value!r}"
        ) from None


def _from_table(table: dict[str, Any], path: Path) -> Settings:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise SourcelintError(
            "SL906",
            f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})",
            path=str(path),
        )
    settings = Settings(source=str(path))
    where = str(path)
    try:
        if "select" in table:
            settings = replace(settings, select=parse_codes(table["select"], where=where))
        if "ignore" in table:
            settings = replace(settings, ignore=parse_codes(table["ignore"], where=where))
        if "fail-level" in table and not isinstance(table["fail-level"], str):
            raise SourcelintError("SL906", "fail-level must be a string", path=where)
        if "fail-level" in table:
            settings = replace(
                settings, fail_level=parse_severity(str(table["fail-level"]), where=where)
            )
        for key in ("include", "exclude"):
            if key in table:
                value = table[key]
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise SourcelintError(
                        "SL906", f"{key} must be a list of glob strings", path=where
                    )
                if key == "include":
                    settings = replace(settings, include=tuple(value))
                else:
                    settings = replace(settings, exclude=tuple(value))
        if "max-file-size" in table:
            size = table["max-file-size"]
            if not isinstance(size, int) or size <= 0:
                raise SourcelintError(
                    "SL906", "max-file-size must be a positive number of bytes", path=where
                )
            settings = replace(settings, max_file_size=size)
        if "claim-threshold" in table:
            settings = replace(
                settings, claim_threshold=parse_threshold(table["claim-threshold"], where=where)
            )
        if "claim-sources" in table:
            value = table["claim-sources"]
            if value not in CLAIM_SOURCES:
                raise SourcelintError(
                    "SL906", f"claim-sources must be one of {', '.join(CLAIM_SOURCES)}", path=where
                )
            settings = replace(settings, claim_sources=str(value))
    except SourcelintError as error:
        raise SourcelintError("SL906", error.message, path=where) from None
    return settings


def parse_threshold(value: object, *, where: str) -> float:
    """A check-worthiness threshold: a number between 0 and 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise SourcelintError("SL906", "claim-threshold must be a number from 0 to 1", path=where)
    return float(value)


def _read_toml(path: Path) -> dict[str, Any]:
    """A configuration file's TOML, parsed once per version of the file (SL906 if it cannot
    be read): scanning a folder asks for the same file once per document."""
    try:
        stat = path.stat()
        return _parsed_toml(str(path), stat.st_mtime_ns, stat.st_size)
    except (OSError, UnicodeDecodeError) as error:
        raise SourcelintError(
            "SL906", f"cannot read configuration: {error}", path=str(path)
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SourcelintError("SL906", f"invalid TOML: {error}", path=str(path)) from None


@lru_cache(maxsize=64)
def _parsed_toml(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


def load_config_file(path: Path) -> Settings:
    """Settings from one file: sourcelint.toml (top level) or pyproject.toml ([tool.sourcelint])."""
    data = _read_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise SourcelintError("SL906", "'tool' must be a table", path=str(path))
    table = tool.get("sourcelint", {} if path.name == "pyproject.toml" else data)
    if not isinstance(table, dict):
        raise SourcelintError("SL906", "[tool.sourcelint] must be a table", path=str(path))
    return _from_table(table, path)


def _config_in(folder: Path) -> Path | None:
    candidate = folder / "sourcelint.toml"
    if candidate.is_file():
        return candidate
    candidate = folder / "pyproject.toml"
    if candidate.is_file():
        try:
            tool = _read_toml(candidate).get("tool", {})
        except SourcelintError:
            return candidate  # let load_config_file report it
        if not isinstance(tool, dict) or "sourcelint" in tool:
            return candidate
    return None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a file or a folder, which need not
    exist: a missing file's folder is where the search begins)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_folder in (folder, *folder.parents):
        found = _config_in(candidate_folder)
        if found:
            return found
    return None


def settings_for(path: Path) -> Settings:
    """The settings that apply to a file: its nearest configuration, or the defaults."""
    found = find_config(path)
    return load_config_file(found) if found else Settings()
