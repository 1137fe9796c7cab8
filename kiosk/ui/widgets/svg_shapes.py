"""The outlines of named SVG shapes as QPainterPaths, so a tap can be tested against the real shape.

Covers what our drawings use: path (M L H V C Q Z, absolute and relative), rect, circle, ellipse, polygon.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

TOKEN = re.compile(r"[MmLlHhVvCcQqZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Q": 4, "Z": 0}


@lru_cache(maxsize=8)
def _parsed(path: Path) -> ElementTree.Element:
    return ElementTree.parse(path).getroot()


def view_box(svg_file: Path) -> QRectF:
    x, y, width, height = (float(part) for part in _parsed(svg_file).get("viewBox").replace(",", " ").split())
    return QRectF(x, y, width, height)


def shapes_by_id(svg_file: Path, ids: tuple[str, ...]) -> dict[str, QPainterPath]:
    found = {}
    for element in _parsed(svg_file).iter():
        element_id = element.get("id")
        if element_id in ids:
            found[element_id] = element_shape(element)
    return found


def element_shape(element: ElementTree.Element) -> QPainterPath:
    tag = element.tag.rsplit("}", 1)[-1]
    number = lambda name: float(element.get(name, 0))  # noqa: E731
    shape = QPainterPath()
    if tag == "path":
        return path_from_d(element.get("d", ""))
    if tag == "rect":
        shape.addRect(QRectF(number("x"), number("y"), number("width"), number("height")))
    elif tag == "circle":
        shape.addEllipse(QPointF(number("cx"), number("cy")), number("r"), number("r"))
    elif tag == "ellipse":
        shape.addEllipse(QPointF(number("cx"), number("cy")), number("rx"), number("ry"))
    elif tag == "polygon":
        values = [float(v) for v in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)", element.get("points", ""))]
        shape.addPolygon(QPolygonF([QPointF(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]))
        shape.closeSubpath()
    else:
        raise ValueError(f"cannot hit-test <{tag}>")
    return shape


def path_from_d(d: str) -> QPainterPath:
    tokens = TOKEN.findall(d)
    shape = QPainterPath()
    position = start = QPointF(0, 0)
    command, index = None, 0
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
        if command is None:
            raise ValueError("path data must start with a command")
        upper, relative = command.upper(), command.islower()
        if upper not in ARGUMENTS:
            raise ValueError(f"unsupported path command {command!r}")
        count = ARGUMENTS[upper]
        numbers = tokens[index:index + count]
        if len(numbers) < count or any(token.isalpha() for token in numbers):
            raise ValueError(f"path command {command!r} needs {count} numbers")
        args = [float(value) for value in numbers]
        if count == 0 and index < len(tokens) and not tokens[index].isalpha():
            raise ValueError(f"numbers after {command!r}, which takes none")   # it would never move on
        index += count
        base = position if relative else QPointF(0, 0)
        point = lambda i: QPointF(args[i] + base.x(), args[i + 1] + base.y())  # noqa: E731
        if upper == "M":
            position = start = point(0)
            shape.moveTo(position)
            command = "l" if relative else "L"   # further pairs are line-tos
        elif upper == "L":
            position = point(0)
            shape.lineTo(position)
        elif upper == "H":
            position = QPointF(args[0] + (position.x() if relative else 0), position.y())
            shape.lineTo(position)
        elif upper == "V":
            position = QPointF(position.x(), args[0] + (position.y() if relative else 0))
            shape.lineTo(position)
        elif upper == "C":
            shape.cubicTo(point(0), point(2), point(4))
            position = point(4)
        elif upper == "Q":
            shape.quadTo(point(0), point(2))
            position = point(2)
        elif upper == "Z":
            shape.closeSubpath()
            position = start
    return shape
