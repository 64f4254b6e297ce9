"""sourcelint: a linter for the evidence in prose."""

from sourcelint._version import __version__
from sourcelint.api import analyze, scan
from sourcelint.config import Settings
from sourcelint.model import Analysis, Finding, Severity
from sourcelint.notebook import ScanResult

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
