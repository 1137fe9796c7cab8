"""Reads content/explainer.yaml: the chapters, their text blocks and illustrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.check_assets import asset_problem
from kiosk.content.model import BulletList, Chapter, Explainer, Illustration, ListItem, Paragraph
from kiosk.fields import Fields
from kiosk.yamldoc import YamlPath

# Chapter text may name the clinic; the values come from the site config, never from content.
CLINIC_PLACEHOLDERS = ("clinic_name", "clinic_phone")
MAX_BLOCKS = 5


def read_explainer(fields: Fields, data: Any, assets: Path) -> Explainer | None:
    top = fields.mapping(data, (), required=("chapters",), what="explainer.yaml")
    if top is None or "chapters" not in top:
        return None
    items = fields.sequence(top["chapters"], ("chapters",), what="chapters", min_items=1)
    if items is None:
        return None
    chapters: list[Chapter] = []
    for index, item in enumerate(items):
        chapter = _read_chapter(fields, item, ("chapters", index), assets)
        if chapter and any(other.id == chapter.id for other in chapters):
            fields.problem(("chapters", index, "id"), f"the chapter id '{chapter.id}' is used twice",
                           "Give each chapter its own id.")
        elif chapter:
            chapters.append(chapter)
    return Explainer(tuple(chapters))


def _read_chapter(fields: Fields, item: Any, path: YamlPath, assets: Path) -> Chapter | None:
    data = fields.mapping(item, path, required=("id", "title", "highlight", "illustration", "blocks"),
                          what="this chapter")
    if data is None:
        return None
    chapter_id = fields.ident(data.get("id"), path + ("id",), what="the chapter id")
    title = fields.text(data.get("title"), path + ("title",), what="the chapter title")
    highlight = fields.text(data.get("highlight"), path + ("highlight",), what="the highlight")
    illustration = _read_illustration(fields, data.get("illustration"), path + ("illustration",), assets)
    blocks = _read_blocks(fields, data.get("blocks"), path + ("blocks",), assets)
    if None in (chapter_id, title, highlight, illustration, blocks):
        return None
    return Chapter(chapter_id, title, highlight, illustration, blocks)


def _read_illustration(fields: Fields, value: Any, path: YamlPath, assets: Path) -> Illustration | None:
    data = fields.mapping(value, path, required=("file", "alt"), what="the illustration")
    if data is None:
        return None
    file = check_asset(fields, data.get("file"), path + ("file",), assets)
    alt = fields.text(data.get("alt"), path + ("alt",), what="the picture description (alt)")
    return Illustration(file, alt) if file and alt else None


def _read_blocks(fields: Fields, value: Any, path: YamlPath, assets: Path) -> tuple | None:
    items = fields.sequence(value, path, what="blocks", min_items=1)
    if items is None:
        return None
    if len(items) > MAX_BLOCKS:
        fields.problem(path, f"a chapter has {len(items)} blocks; at most {MAX_BLOCKS} fit one page",
                       "Merge blocks, or split the chapter in two.")
    blocks = []
    for index, item in enumerate(items):
        where = path + (index,)
        data = fields.mapping(item, where, optional=("paragraph", "list"), what="this block")
        if data is None:
            continue
        if len(data) != 1:
            fields.problem(where, "a block is either one 'paragraph' or one 'list'",
                           "Start each block with '- paragraph:' or '- list:'.")
            continue
        if "paragraph" in data:
            text = fields.text(data["paragraph"], where + ("paragraph",), what="this paragraph",
                               allowed_placeholders=CLINIC_PLACEHOLDERS)
            if text:
                blocks.append(Paragraph(text))
        elif "list" in data:
            bullet_list = _read_list(fields, data["list"], where + ("list",), assets)
            if bullet_list:
                blocks.append(bullet_list)
    return tuple(blocks)


def _read_list(fields: Fields, value: Any, path: YamlPath, assets: Path) -> BulletList | None:
    items = fields.sequence(value, path, what="the list", min_items=1)
    if items is None:
        return None
    entries = []
    for index, item in enumerate(items):
        where = path + (index,)
        data = fields.mapping(item, where, required=("text",), optional=("icon",), what="this list item")
        if data is None:
            continue
        text = fields.text(data.get("text"), where + ("text",), what="this list item",
                           allowed_placeholders=CLINIC_PLACEHOLDERS)
        icon = check_asset(fields, data["icon"], where + ("icon",), assets) if "icon" in data else None
        if text:
            entries.append(ListItem(text, icon))
    return BulletList(tuple(entries))


def check_asset(fields: Fields, value: Any, path: YamlPath, assets: Path) -> str | None:
    """A file name under assets/ that exists (check_assets.py); SVG or PNG."""
    name = fields.string(value, path, what="the file name")
    if name is None:
        return None
    if not name.lower().endswith((".svg", ".png")):
        fields.problem(path, f"'{name}' is not an SVG or PNG picture", "Use an .svg (best) or .png file.")
        return None
    located = asset_problem(assets, name)   # absolute paths, '..', symbolic links, missing files
    if located:
        fields.problem(path, *located)
        return None
    return name
