"""YAML files read into plain data, keeping the line of every value for problem reports.

PyYAML's composer gives nodes with marks; we build the Python values ourselves so that each value's
path (``questions[3].show_if.question``) maps to its line, and so that duplicate keys, which PyYAML
would silently drop, become problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from kiosk.problems import Problem

# libyaml's parser when PyYAML has it (about 14x faster here); the same nodes and marks either way.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PathPart = Union[str, int]
_SIMPLE_KEY = re.compile(r"^[A-Za-z0-9_]+$")
YamlPath = tuple[PathPart, ...]


def format_path(path: YamlPath) -> str:
    """('questions', 3, 'show_if') -> 'questions[3].show_if'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _SIMPLE_KEY.match(part):
            text += f'["{part}"]'
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class YamlDoc:
    """One loaded file: its data, the line of each path, and where to report problems."""

    label: str
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: YamlPath) -> int | None:
        """The line of the path, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def problem(self, path: YamlPath, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.label, format_path(path), message, fix, self.line_of(path)))


def load_yaml_text(text: str, label: str) -> YamlDoc:
    doc = YamlDoc(label, None)
    try:
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "it is not valid YAML"
        source_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        doc.problems.append(
            Problem(label, "", f"the file is not valid YAML: {reason}", _syntax_fix(reason, source_line), line)
        )
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(Problem(label, "", f"the file is not valid YAML: {error}", "", None))
        return doc
    if root is not None:
        doc.data = _build(root, (), doc, loader)
    return doc


def load_yaml_file(path: Path, label: str | None = None) -> YamlDoc:
    label = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        doc = YamlDoc(label, None)
        doc.problems.append(Problem(label, "", "the file does not exist", "Create it, or point to the right folder."))
        return doc
    except UnicodeDecodeError as error:
        doc = YamlDoc(label, None)
        doc.problems.append(
            Problem(label, "", f"the file is not UTF-8 text ({error.reason})", "Save the file as UTF-8.")
        )
        return doc
    except OSError as error:
        doc = YamlDoc(label, None)
        doc.problems.append(Problem(label, "", f"the file cannot be read: {error.strerror}", "Check its permissions."))
        return doc
    return load_yaml_text(text, label)


def _syntax_fix(reason: str, source_line: str) -> str:
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or "'\\t'" in reason:
        return "Indent with spaces, not tabs."
    if "mapping values" in reason:
        return "Put text that contains ': ' in double quotes, and check the indentation."
    return "Check the indentation and the quotes on this line and the one above it."


def _build(node: yaml.Node, path: YamlPath, doc: YamlDoc, loader) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, bool, float)) or key is None:
                doc.lines[path + (str(key),)] = key_node.start_mark.line + 1
                doc.problem(path + (str(key),), "this key is not a plain name", "Use a simple word as the key.")
                continue
            child_path = path + (key if isinstance(key, str) else str(key),)
            if key in result:
                doc.lines[child_path] = key_node.start_mark.line + 1
                doc.problem(child_path, f"'{key}' is given twice here", "Keep one of the two and delete the other.")
                continue
            result[key] = _build(value_node, child_path, doc, loader)
            doc.lines[child_path] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), doc, loader) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
