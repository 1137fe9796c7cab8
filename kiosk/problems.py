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
