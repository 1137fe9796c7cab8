"""Can the kiosk hit-test a body map? The same rules as kiosk/ui/widgets/svg_shapes.py, without Qt.

The body map finds the region a patient tapped from each region's outline, read from the SVG by svg_shapes.py.
A drawing it cannot read (no viewBox, a <line> or <g> as a region, an arc in path data, a number with a unit)
throws every patient who reaches the question back to the welcome screen, so `kiosk check` refuses it here
first. tests/test_check_svg.py holds the two readers to the same verdicts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

# As in svg_shapes.py: the commands and numbers it reads, and how many numbers each command takes.
TOKEN = re.compile(r"[MmLlHhVvCcQqZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGUMENTS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Q": 4, "Z": 0}
SHAPES = ("path", "rect", "circle", "ellipse", "polygon")
NUMBER = re.compile(r"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$")
SEPARATORS = re.compile(r"[\s,]+")
REDRAW_FIX = ("Redraw the region as a plain path, rect, circle, ellipse or polygon (in Inkscape: Path > Object "
              "to Path, then save as plain SVG).")


class ShapeError(ValueError):
    """What makes a drawing unusable for hit-testing, in words for the content author."""


def view_box(root: ElementTree.Element) -> tuple[float, float, float, float]:
    text = root.get("viewBox")
    if text is None:
        raise ShapeError("the picture has no viewBox, so the kiosk cannot tell where a tap lands")
    parts = SEPARATORS.split(text.strip())
    if len(parts) != 4 or not all(NUMBER.match(part) for part in parts):
        raise ShapeError(f"the picture's viewBox '{text}' is not four numbers")
    x, y, width, height = (float(part) for part in parts)
    if width <= 0 or height <= 0:
        raise ShapeError(f"the picture's viewBox '{text}' has no width or height")
    return x, y, width, height


def path_points(d: str) -> list[tuple[float, float]]:
    """Every point the path data names (end and control points), or ShapeError where svg_shapes.path_from_d
    would raise or quietly misread it."""
    leftover = SEPARATORS.sub("", TOKEN.sub("", d))
    if leftover:
        letter = next((char for char in leftover if char.isalpha()), leftover[0])
        raise ShapeError(f"the path data has '{letter}', which the kiosk cannot hit-test "
                         "(it reads only M, L, H, V, C, Q and Z)")
    tokens = TOKEN.findall(d)
    if not tokens or tokens[0].upper() != "M":
        raise ShapeError("the path data does not start with M (a move to the first point)")
    points: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    index, command = 0, None
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
        upper, relative = command.upper(), command.islower()
        count = ARGUMENTS[upper]
        numbers = tokens[index:index + count]
        if len(numbers) < count or any(token.isalpha() for token in numbers):
            raise ShapeError(f"the path data's '{command}' needs {count} numbers")
        values = [float(value) for value in numbers]
        index += count
        if upper == "Z":
            x, y = start_x, start_y
            if index < len(tokens) and not tokens[index].isalpha():
                raise ShapeError("the path data has numbers after Z")
            continue
        if upper == "H":
            x = values[0] + (x if relative else 0)
        elif upper == "V":
            y = values[0] + (y if relative else 0)
        else:
            base_x, base_y = (x, y) if relative else (0.0, 0.0)
            pairs = [(values[i] + base_x, values[i + 1] + base_y) for i in range(0, count, 2)]
            points.extend(pairs[:-1])
            x, y = pairs[-1]
        points.append((x, y))
        if upper == "M":
            start_x, start_y = x, y
            command = "l" if relative else "L"
    return points


def region_problem(element: ElementTree.Element, transformed: bool) -> str | None:
    """Why this element cannot be a tappable region, or None."""
    tag = element.tag.rsplit("}", 1)[-1]
    if tag not in SHAPES:
        return f"the region is a <{tag}>, which the kiosk cannot hit-test"
    if transformed:
        return "the region has a transform (or sits in a group with one), which the kiosk's hit-testing ignores"
    try:
        if tag == "path":
            points = path_points(element.get("d", ""))
        elif tag == "polygon":
            values = _numbers(element, "points")
            points = [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
        else:
            return _plain_shape_problem(element, tag)
    except ShapeError as error:
        return str(error)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    if len(points) < 3 or max(xs) - min(xs) <= 0 or max(ys) - min(ys) <= 0:
        return "the region has no area, so no tap can land in it"
    return None


def _numbers(element: ElementTree.Element, name: str) -> list[float]:
    text = element.get(name, "")
    parts = [part for part in SEPARATORS.split(text.strip()) if part]
    if not all(NUMBER.match(part) for part in parts):
        raise ShapeError(f"the region's {name} '{text[:40]}' is not plain numbers")
    return [float(part) for part in parts]


def _plain_shape_problem(element: ElementTree.Element, tag: str) -> str | None:
    sizes = {"rect": ("width", "height"), "circle": ("r",), "ellipse": ("rx", "ry")}[tag]
    for name in {"rect": ("x", "y"), "circle": ("cx", "cy"), "ellipse": ("cx", "cy")}[tag] + sizes:
        value = element.get(name, "0")
        if not NUMBER.match(value):
            return f"the region's {name} '{value}' is not a plain number (no units or percentages)"
    if any(float(element.get(name, "0")) <= 0 for name in sizes):
        return "the region has no area, so no tap can land in it"
    return None


def body_map_problems(file: Path, region_ids: tuple[str, ...]) -> tuple[str | None, dict[str, str]]:
    """(a problem with the whole picture or None, {region id: its problem}) for the regions that exist."""
    try:
        root = ElementTree.parse(file).getroot()
        view_box(root)
    except ElementTree.ParseError as error:
        return f"the picture is not a readable SVG ({error})", {}
    except ShapeError as error:
        return str(error), {}
    found: dict[str, str] = {}
    stack = [(root, False)]
    while stack:
        element, transformed = stack.pop()
        transformed = transformed or element.get("transform") is not None
        if element.get("id") in region_ids:
            problem = region_problem(element, transformed)
            if problem:
                found[element.get("id")] = problem
        stack.extend((child, transformed) for child in element)
    return None, found


def check_body_map(fields, name: str, path: tuple, assets: Path, choices) -> bool:
    """Report into `fields` everything that keeps the body map picture `name` (under `assets`) from working for
    these choices: where it lives, whether it reads, a region for every choice, and each region's shape.
    True when the picture can be used."""
    from kiosk.content.check_assets import asset_problem

    located = asset_problem(assets, name)
    if located:
        fields.problem(path, *located)
        return False
    file = assets / name
    try:
        element_ids = {element.get("id") for element in ElementTree.parse(file).iter() if element.get("id")}
    except ElementTree.ParseError as error:
        fields.problem(path, f"the picture 'assets/{name}' is not a readable SVG ({error})", "Fix or replace it.")
        return False
    ok = True
    for index, choice in enumerate(choices):
        if choice.id not in element_ids:
            fields.problem(path[:-1] + ("choices", index, "id"),
                           f"the body map picture has no region with the id '{choice.id}'",
                           f"Give a shape in assets/{name} the id=\"{choice.id}\", or fix the choice id.")
            ok = False
    whole, regions = body_map_problems(file, tuple(choice.id for choice in choices))
    if whole:
        fields.problem(path, f"assets/{name}: {whole}", "Save the picture with a viewBox=\"0 0 WIDTH HEIGHT\" on "
                                                        "its <svg> element (in Inkscape: Document Properties).")
        return False
    for index, choice in enumerate(choices):
        if choice.id in regions:
            fields.problem(path[:-1] + ("choices", index, "id"), f"in assets/{name}, '{choice.id}': "
                                                                 f"{regions[choice.id]}", REDRAW_FIX)
            ok = False
    return ok
