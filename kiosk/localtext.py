"""Text that exists once per language."""

from __future__ import annotations

import string
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

@dataclass(frozen=True)
class LocalText:
    """One piece of patient-facing text in every enabled language: ``text["es"]``."""

    by_language: Mapping[str, str]

    @classmethod
    def of(cls, **by_language: str) -> "LocalText":
        return cls(MappingProxyType(dict(by_language)))

    def __getitem__(self, language: str) -> str:
        return self.by_language[language]

    def languages(self) -> set[str]:
        return set(self.by_language)


def placeholders(text: str) -> set[str]:
    """The {names} in a string; raises ValueError for unbalanced braces."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
