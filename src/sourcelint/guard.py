"""Guards that keep one odd detail from costing a whole document.

Every extractor and every rule runs under `Guard.run`. An unexpected exception there becomes
one `Failure` (the stage or rule named, the offset the stage was working at) and the stage's
empty result; the other stages go on, and the scan reports the failure as an SL999 finding at
that place. Stages say where they are with `at(offset)`: a context variable, so threads of the
web app each keep their own.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

from sourcelint.errors import SourcelintError

T = TypeVar("T")

_POSITION: ContextVar[int] = ContextVar("sourcelint_position", default=0)


def at(offset: int) -> None:
    """Record the document offset the running stage is working at."""
    _POSITION.set(offset)


@dataclass(frozen=True, slots=True)
class Failure:
    """An unexpected error in one stage of one document's analysis."""

    stage: str
    error: str  # "ValueError: message"
    offset: int

    @property
    def message(self) -> str:
        """The SL999 finding's message."""
        return (
            f"internal error in {self.stage} ({self.error}); the rest of the document was "
            "analysed; set SOURCELINT_DEBUG=1 for details and please report it"
        )


def describe(error: BaseException) -> str:
    """An exception as 'Type: message', cut to one short line."""
    text = " ".join(str(error).split())
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass
class Guard:
    """Runs stages, collecting the failures of those that raise."""

    failures: list[Failure] = field(default_factory=list)

    def run(self, stage: str, work: Callable[[], T], fallback: T) -> T:
        """`work()`, or `fallback` (and one recorded failure) when it raises."""
        at(0)
        try:
            return work()
        except SourcelintError:
            raise  # a coded error the user can act on (SL908: no model) stops the scan
        except Exception as error:  # the guard's purpose: any bug becomes one finding
            if os.environ.get("SOURCELINT_DEBUG"):
                traceback.print_exception(error)
            self.failures.append(Failure(stage, describe(error), _POSITION.get()))
            return fallback
