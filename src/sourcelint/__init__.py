"""sourcelint: a linter for the evidence in prose."""

from sourcelint._version import __version__
from sourcelint.api import analyze, scan
from sourcelint.model import Analysis, Finding, Severity

__all__ = ["Analysis", "Finding", "Severity", "__version__", "analyze", "scan"]
