"""Errors that stop a scan. Each carries a stable SL9xx code and prints as one line."""

from __future__ import annotations

import os
import traceback


class SourcelintError(Exception):
    """An error the user can act on: a code from the SL9xx table and a one-line message."""

    def __init__(self, code: str, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code} {self.message}"


def internal_error(error: BaseException, *, path: str | None = None) -> SourcelintError:
    """An unexpected exception as SL999: one line for the user; the traceback on stderr only
    when SOURCELINT_DEBUG is set."""
    if os.environ.get("SOURCELINT_DEBUG"):
        traceback.print_exception(error)
    return SourcelintError(
        "SL999",
        f"internal error ({type(error).__name__}: {error}); "
        "set SOURCELINT_DEBUG=1 for details and please report it",
        path=path,
    )
