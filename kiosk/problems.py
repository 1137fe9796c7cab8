"""A problem found in a content or config file, written for the person who edits that file.

Loading never stops at the first problem: every stage collects all it finds, so a clinic's content
author fixes a file in one pass (the pyxform way).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str
    fix: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{text}\n    How to fix: {self.fix}" if self.fix else text


# How a problem begins when a reader met something it did not expect and the loader's safety net caught the
# error: the author still gets the file and a way forward, and the fuzzer (benchmarks/fuzz_loaders.py) counts
# every such problem as a bug to fix.
INTERNAL_ERROR = "the kiosk could not finish reading this file"


def internal_error(file: str, error: BaseException) -> Problem:
    """A reader's unexpected error as a problem: its type only (the message may quote a patient's answer)."""
    return Problem(file, "", f"{INTERNAL_ERROR} (an internal error: {type(error).__name__})",
                   "Check this file against the content guide (content/README.md) or the example config; if it "
                   "looks right, report this line to the kiosk's developers.")


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """' (did you mean 'diabetes'?)' when one candidate is close, else ''."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def format_report(problems: list[Problem]) -> str:
    count = len(problems)
    heading = f"{count} problem{'s' if count != 1 else ''} found:"
    return "\n".join([heading, *(f"- {problem}" for problem in problems)])
