"""Typed reading of YAML values: each misfit becomes a Problem for the file's author, and reading goes on.

Both the site config and the content use it, so a wrong type reads the same everywhere.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from kiosk.localtext import LocalText, placeholders
from kiosk.problems import did_you_mean
from kiosk.yamldoc import YamlDoc, YamlPath

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")

TYPE_NAMES = {
    bool: "yes/no (true or false)",
    int: "a whole number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a set of 'name: value' lines",
    type(None): "empty",
}


def describe(value: Any) -> str:
    return TYPE_NAMES.get(type(value), type(value).__name__)


class Fields:
    """Reads values out of one YamlDoc, reporting problems into it."""

    def __init__(self, doc: YamlDoc, languages: Iterable[str] = ("en",), known_languages: Iterable[str] = ()):
        """`languages` must all be present in every text; `known_languages` may be (a disabled language). Given as
        content's {code: the language's own name}, the names are used in what authors are told."""
        self.doc = doc
        self.languages = tuple(languages)
        self.known_languages = tuple(dict.fromkeys([*self.languages, *known_languages]))
        self.language_names = dict(known_languages) if isinstance(known_languages, Mapping) else {}

    def language_words(self, code: str) -> str:
        """A language as authors know it: "Español ('es')", or "'es'" where content has not named it."""
        return f"{self.language_names[code]} ('{code}')" if code in self.language_names else f"'{code}'"

    def problem(self, path: YamlPath, message: str, fix: str = "") -> None:
        self.doc.problem(path, message, fix)

    def mapping(self, value: Any, path: YamlPath, *, required: Iterable[str] = (),
                optional: Iterable[str] = (), what: str = "this entry", any_keys: bool = False) -> dict | None:
        """A dict with exactly the known keys (any keys with any_keys); unknown and missing keys are problems."""
        if not isinstance(value, dict):
            self.problem(path, f"{what} should be {TYPE_NAMES[dict]}, but it is {describe(value)}",
                         "Write it as indented 'name: value' lines.")
            return None
        if any_keys:
            return value
        required = list(required)
        known = required + list(optional)
        for key in value:
            if key not in known:
                self.problem(path + (key,), f"'{key}' is not a setting the kiosk knows here{did_you_mean(key, known)}",
                             f"Use one of: {', '.join(known)}; or delete the line.")
        for key in required:
            if key not in value:
                self.problem(path, f"{what} is missing '{key}'", f"Add a '{key}:' line.")
        return value

    def sequence(self, value: Any, path: YamlPath, *, what: str = "this", min_items: int = 0) -> list | None:
        if not isinstance(value, list):
            self.problem(path, f"{what} should be {TYPE_NAMES[list]}, but it is {describe(value)}",
                         "Write each item on its own line starting with '- '.")
            return None
        if len(value) < min_items:
            self.problem(path, f"{what} needs at least {min_items} item{'s' if min_items != 1 else ''}, "
                               f"but it has {len(value)}", "Add the missing items.")
        return value

    def string(self, value: Any, path: YamlPath, *, what: str = "this", allow_empty: bool = False) -> str | None:
        if isinstance(value, bool):
            self.problem(path, f"{what} was read as yes/no ({value}), not as text",
                         f"Put it in double quotes, like \"{'yes' if value else 'no'}\".")
            return None
        if isinstance(value, (int, float)):
            self.problem(path, f"{what} was read as a number ({value}), not as text",
                         f"Put it in double quotes, like \"{value}\".")
            return None
        if not isinstance(value, str):
            self.problem(path, f"{what} should be text, but it is {describe(value)}", "Write the text in double quotes.")
            return None
        if not allow_empty and not value.strip():
            self.problem(path, f"{what} is empty", "Write the text, or delete the line if it is optional.")
            return None
        return value

    def ident(self, value: Any, path: YamlPath, *, what: str = "this id") -> str | None:
        if isinstance(value, bool):
            word = "yes" if value else "no"
            self.problem(path, f"{what} was read as yes/no ({value}), not as the id '{word}' "
                               "(YAML treats bare yes, no, on and off as true/false)",
                         f"Put the id in double quotes: \"{word}\".")
            return None
        if isinstance(value, (int, float)):
            self.problem(path, f"{what} was read as a number ({value}), not as an id",
                         f"Put the id in double quotes: \"{value}\".")
            return None
        text = self.string(value, path, what=what)
        if text is None:
            return None
        if not ID_PATTERN.match(text):
            self.problem(path, f"{what} '{text}' has characters an id cannot have",
                         "Use only lowercase letters a-z, digits and '_', like cramp_where.")
            return None
        return text

    def integer(self, value: Any, path: YamlPath, *, what: str = "this", low: int | None = None,
                high: int | None = None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, f"{what} should be {TYPE_NAMES[int]}, but it is {describe(value)} ({value!r})",
                         "Write a whole number without quotes, like 60.")
            return None
        return value if self._in_bounds(value, path, what, low, high) else None

    def number(self, value: Any, path: YamlPath, *, what: str = "this", low: float | None = None,
               high: float | None = None) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, f"{what} should be {TYPE_NAMES[float]}, but it is {describe(value)} ({value!r})",
                         "Write a number without quotes, like 1.5.")
            return None
        return float(value) if self._in_bounds(value, path, what, low, high) else None

    def _in_bounds(self, value: float, path: YamlPath, what: str, low: float | None, high: float | None) -> bool:
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            self.problem(path, f"{what} is {value}, but it must be {bounds}", f"Use a number {bounds}.")
            return False
        return True

    def boolean(self, value: Any, path: YamlPath, *, what: str = "this") -> bool | None:
        if not isinstance(value, bool):
            self.problem(path, f"{what} should be true or false, but it is {describe(value)} ({value!r})",
                         "Write true or false, without quotes.")
            return None
        return value

    def choice(self, value: Any, path: YamlPath, options: Iterable[str], *, what: str = "this") -> str | None:
        options = list(options)
        text = self.string(value, path, what=what)
        if text is None:
            return None
        if text not in options:
            self.problem(path, f"{what} is '{text}', which is not one of the choices{did_you_mean(text, options)}",
                         f"Use one of: {', '.join(options)}.")
            return None
        return text

    def text(self, value: Any, path: YamlPath, *, what: str = "this text",
             allowed_placeholders: Iterable[str] = (), exact: bool = False) -> LocalText | None:
        """A {language: text} mapping with every enabled language present and only known {placeholders}
        (with `exact`, every one of them: a page label without {page} would be no use)."""
        if isinstance(value, str):
            lines = " and ".join(f"'{language}: \"...\"'" for language in self.languages)
            self.problem(path, f"{what} is written once, but it needs one line per language",
                         f"Write it as {lines} lines under this key.")
            return None
        mapping = self.mapping(value, path, what=what, optional=self.known_languages)
        if mapping is None:
            return None
        allowed = set(allowed_placeholders)
        texts: dict[str, str] = {}
        for language in self.languages:
            if language not in mapping:
                words = self.language_words(language)
                self.problem(path, f"{what} has no {words} text",
                             f"Add a '{language}:' line with the {words} wording. Every enabled language needs its "
                             "own text.")
                continue
            text = self.string(mapping[language], path + (language,), what=f"the '{language}' text")
            if text is None:
                continue
            if not self._placeholders_ok(text, path + (language,), allowed):
                continue
            texts[language] = text
        if len(texts) != len(self.languages):
            return None
        used = {language: placeholders(text) for language, text in texts.items()}
        first = self.languages[0]
        for language, names in used.items():
            if names != used[first]:
                missing = sorted(used[first] - names) or sorted(names - used[first])
                self.problem(path + (language,), f"the '{language}' text does not use the same placeholders as "
                                                 f"the '{first}' text ({{{missing[0]}}})",
                             "Every language must use the same {placeholders}, so the kiosk can fill them in.")
                return None
        missing_names = sorted(allowed - used[first]) if exact else []
        if missing_names:
            self.problem(path + (first,), f"{what} must use {{{missing_names[0]}}}",
                         "Put back " + ", ".join("{" + name + "}" for name in missing_names) + "; the kiosk fills "
                         "them in.")
            return None
        return LocalText(MappingProxyType(texts))

    def _placeholders_ok(self, text: str, path: YamlPath, allowed: set[str]) -> bool:
        try:
            found = placeholders(text)
        except ValueError:
            self.problem(path, "this text has a '{' or '}' that is not part of a {name} placeholder",
                         "Remove the stray brace, or write the placeholder as {name}.")
            return False
        unknown = found - allowed
        if unknown:
            name = sorted(unknown)[0]
            hint = f"Use only {', '.join('{' + a + '}' for a in sorted(allowed))}." if allowed else \
                "This text cannot use placeholders; remove it."
            self.problem(path, f"'{{{name}}}' is not a placeholder the kiosk fills in here"
                               f"{did_you_mean(name, allowed)}", hint)
            return False
        return True
