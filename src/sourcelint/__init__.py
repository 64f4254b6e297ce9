"""sourcelint: a linter for the evidence in prose.

The names below are imported when first used: importing a submodule (spaCy loads
`sourcelint.spacy_component` through its entry point whenever any pipeline loads) does not
pull in the whole analysis.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sourcelint._version import __version__

if TYPE_CHECKING:
    from sourcelint.api import analyze, scan
    from sourcelint.config import Settings
    from sourcelint.model import Analysis, Finding, Severity
    from sourcelint.notebook import ScanResult

_WHERE = {
    "analyze": "sourcelint.api",
    "scan": "sourcelint.api",
    "Settings": "sourcelint.config",
    "Analysis": "sourcelint.model",
    "Finding": "sourcelint.model",
    "Severity": "sourcelint.model",
    "ScanResult": "sourcelint.notebook",
}

__all__ = [
    "Analysis",
    "Finding",
    "ScanResult",
    "Settings",
    "Severity",
    "__version__",
    "analyze",
    "scan",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'sourcelint' has no attribute {name!r}")
