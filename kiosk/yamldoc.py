"""YAML files read into plain data, keeping the line of every value for problem reports.

PyYAML's composer gives nodes with marks; we build the Python values ourselves so that each value's
path (``questions[3].show_if.question``) maps to its line, and so that duplicate keys, which PyYAML
would silently drop, become problems.

Every file the kiosk reads as YAML (content, the site config, answers files) is plain data, so before any node
is built a scan of the parser's events refuses what plain data never needs: tags (`!!int "abc"`, `!custom`),
anchors and aliases (`a: &a [*a]`, and alias bombs that expand 340 bytes into gigabytes), nesting deeper than
MAX_DEPTH and files over MAX_DOCUMENT_CHARS. The scan is linear in the file's size; nothing is expanded.
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
# The shipped content nests 12 levels deep at most and its biggest file is 25 KB: generous bounds, still small
# enough that building the values can neither recurse too deep nor take long.
MAX_DEPTH = 32
MAX_DOCUMENT_CHARS = 1_000_000
# A file with dozens of tags or aliases needs the same fix everywhere: a few lines say so.
MAX_REFUSALS = 10
YAML_TAG_PREFIX = "tag:yaml.org,2002:"   # how the parser spells `!!int`


def format_path(path: YamlPath) -> str:
    """('questions', 3, 'show_if') -> 'questions[3].show_if'."""
    text = ""
    for part in path:
        if not isinstance(part, (int, str)) or isinstance(part, bool):
            part = str(part)   # a key YAML read as a number or yes/no, like `1.5:`; shown as written
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
        # Keys YAML read as numbers or yes/no are recorded under their text (see _build)
        path = tuple(part if isinstance(part, (int, str)) and not isinstance(part, bool) else str(part)
                     for part in path)
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def problem(self, path: YamlPath, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.label, format_path(path), message, fix, self.line_of(path)))


def load_yaml_text(text: str, label: str) -> YamlDoc:
    doc = YamlDoc(label, None)
    if len(text) > MAX_DOCUMENT_CHARS:
        doc.problems.append(Problem(label, "", f"the file is too big for the kiosk ({len(text):,} characters; at "
                                               f"most {MAX_DOCUMENT_CHARS:,})",
                                    "Check that this is the right file; content, config and answers files are "
                                    "a few pages of text.", None))
        return doc
    try:
        refusals = [] if _plain_data_only(text) else _scan_for_non_plain_data(text, label)
        if refusals:
            doc.problems.extend(refusals)
            return doc
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


class _PathTracker:
    """The YAML path of each node as the parser's events go by (a stack of open lists and mappings)."""

    def __init__(self):
        self.stack: list[dict] = []

    @property
    def depth(self) -> int:
        return len(self.stack)

    def path_of_next(self, key_text: str | None = None) -> YamlPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top["kind"] == "seq":
            return top["path"] + (top["index"],)
        if top["expect_key"]:
            return top["path"] + (key_text if key_text is not None else "?",)
        return top["path"] + (top["key"],)

    def node_done(self, key_text: str | None = None) -> None:
        if not self.stack:
            return
        top = self.stack[-1]
        if top["kind"] == "seq":
            top["index"] += 1
        elif top["expect_key"]:
            top["key"], top["expect_key"] = key_text if key_text is not None else "?", False
        else:
            top["expect_key"] = True

    def open(self, kind: str, path: YamlPath) -> None:
        self.stack.append({"kind": kind, "path": path, "index": 0, "key": None, "expect_key": True})

    def close(self) -> None:
        if self.stack:
            self.stack.pop()
        self.node_done()


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_OPENS, _CLOSES = (yaml.MappingStartEvent, yaml.SequenceStartEvent), (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _plain_data_only(text: str) -> bool:
    """True when the parser's events hold no tag, anchor or alias and nest at most MAX_DEPTH deep: every good
    file. The bare minimum per event, because this runs on every file at startup: the full scan below, which
    tracks each value's path for its problems, took ~15 ms of the content's ~40 ms. Anything else (a syntax error
    too) returns False, and the full scan finds it and reports it exactly as before."""
    loader = SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is _SCALAR or kind in _OPENS:
                if event.anchor is not None or event.tag is not None:
                    return False
                if kind is not _SCALAR:
                    if depth >= MAX_DEPTH:
                        return False
                    depth += 1
            elif kind in _CLOSES:
                depth -= 1
            elif kind is _ALIAS:
                return False
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return True


def _scan_for_non_plain_data(text: str, label: str) -> list[Problem]:
    """Tags, anchors, aliases and too deep nesting, found from the parser's events alone (nothing is built).
    Raises yaml.MarkedYAMLError for a syntax error met on the way, like the composer would."""
    problems: list[Problem] = []
    tracker = _PathTracker()
    loader = SafeLoader(text)
    try:
        while loader.check_event() and len(problems) < MAX_REFUSALS:
            event = loader.get_event()
            if isinstance(event, (yaml.CollectionEndEvent)):
                tracker.close()
                continue
            if not isinstance(event, (yaml.NodeEvent)):
                continue  # stream and document start/end
            key_text = event.value if isinstance(event, yaml.ScalarEvent) else None
            path = tracker.path_of_next(key_text)
            line = event.start_mark.line + 1
            problems.extend(_refusals(event, path, line, label))
            if isinstance(event, yaml.CollectionStartEvent):
                if tracker.depth >= MAX_DEPTH:
                    problems.append(Problem(label, format_path(path), f"the lists and settings here are nested more "
                                                                      f"than {MAX_DEPTH} levels deep",
                                            "Check the indentation and the brackets: content is never nested "
                                            "this deep.", line))
                    break
                tracker.open("seq" if isinstance(event, yaml.SequenceStartEvent) else "map", path)
            else:
                tracker.node_done(key_text)
    finally:
        loader.dispose()
    return problems


def _refusals(event, path: YamlPath, line: int, label: str) -> list[Problem]:
    where = format_path(path)
    found = []
    if isinstance(event, yaml.AliasEvent):
        found.append(Problem(label, where, f"'*{event.anchor}' repeats a part of the file by reference (a YAML "
                                           "alias); the kiosk reads plain values only",
                             f"Write the value out in full here instead of '*{event.anchor}'.", line))
        return found
    if event.anchor is not None:
        found.append(Problem(label, where, f"'&{event.anchor}' names a part of the file for reuse (a YAML anchor); "
                                           "the kiosk reads plain values only",
                             f"Delete '&{event.anchor}', and write out in full wherever '*{event.anchor}' is used.",
                             line))
    if event.tag is not None:
        tag = "!!" + event.tag.removeprefix(YAML_TAG_PREFIX) if event.tag.startswith(YAML_TAG_PREFIX) else event.tag
        found.append(Problem(label, where, f"'{tag}' is a YAML tag; the kiosk reads plain values only and "
                                           "never converts them",
                             "Delete the tag (the word starting with '!'); put text in double quotes.", line))
    return found


def load_yaml_file(path: Path, label: str | None = None) -> YamlDoc:
    label = label or str(path)
    try:
        # Looked at before reading: a FIFO would block for ever, a huge file would be read whole for nothing
        # (UTF-8 takes at most 4 bytes a character).
        if path.exists() and not path.is_file():
            return _unreadable(label, "it is not a regular file", "Point to the YAML file itself.")
        if path.exists() and path.stat().st_size > 4 * MAX_DOCUMENT_CHARS:
            return _unreadable(label, f"the file is too big for the kiosk ({path.stat().st_size:,} bytes)",
                               "Check that this is the right file; content, config and answers files are a few "
                               "pages of text.")
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


def _unreadable(label: str, message: str, fix: str) -> YamlDoc:
    doc = YamlDoc(label, None)
    doc.problems.append(Problem(label, "", message, fix))
    return doc


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
            key, ok = _scalar(key_node, loader) if isinstance(key_node, yaml.ScalarNode) else (None, False)
            if not ok or not isinstance(key, (str, int, bool, float)):
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
    value, ok = _scalar(node, loader)
    if not ok:
        doc.problem(path, f"the value '{_shorten(node.value)}' cannot be read ({value})",
                    "Put it in double quotes if it is text; write numbers with at most a few digits.")
        return None
    return value


def _scalar(node: yaml.ScalarNode, loader) -> tuple[Any, bool]:
    """The plain value of a scalar, or (the reason, False): an impossible date like 2024-13-45, an int of
    thousands of digits, YAML's '<<' and '=' keys all make PyYAML's constructor raise."""
    try:
        return loader.construct_object(node, deep=True), True
    except yaml.constructor.ConstructorError as error:
        return error.problem or "YAML cannot build it", False
    except (ValueError, OverflowError, TypeError) as error:
        return _shorten(str(error)), False


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
