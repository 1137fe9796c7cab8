"""Reads content/ui.yaml: the language names and every UI string of kiosk.content.ui_keys."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from kiosk.content.model import UiStrings
from kiosk.content.ui_keys import UI_KEYS
from kiosk.fields import Fields
from kiosk.problems import did_you_mean


def read_language_names(fields: Fields, data: Any) -> dict[str, str] | None:
    """The `languages:` block (code -> the language's own name), read before anything else."""
    if not isinstance(data, dict) or "languages" not in data:
        return None
    block = fields.mapping(data["languages"], ("languages",), what="languages", any_keys=True)
    if block is None:
        return None
    names: dict[str, str] = {}
    for code, name in block.items():
        text = fields.string(name, ("languages", code), what=f"the name of '{code}'")
        if text:
            names[code] = text
    return names


def read_ui(fields: Fields, data: Any, language_names: dict[str, str]) -> UiStrings | None:
    top = fields.mapping(data, (), required=("languages", "strings"), optional=("staff_language",), what="ui.yaml")
    if top is None or "strings" not in top:
        return None
    staff_language = None
    if "staff_language" in top:
        staff_language = fields.choice(top["staff_language"], ("staff_language",), language_names,
                                       what="staff_language")
    strings_block = fields.mapping(top["strings"], ("strings",), what="strings", any_keys=True)
    if strings_block is None:
        return None
    strings = {}
    for key, value in strings_block.items():
        path = ("strings", key)
        if key not in UI_KEYS:
            fields.problem(path, f"'{key}' is not a string the kiosk uses{did_you_mean(key, UI_KEYS)}",
                           "Fix the spelling, or delete it.")
            continue
        text = fields.text(value, path, what=f"'{key}'", allowed_placeholders=UI_KEYS[key])
        if text is not None:
            strings[key] = text
    for key in UI_KEYS:
        if key not in strings_block:
            fields.problem(("strings",), f"the string '{key}' is missing",
                           f"Add '{key}:' under strings, with a line for each language.")
    return UiStrings(MappingProxyType(dict(language_names)), MappingProxyType(strings), staff_language)
