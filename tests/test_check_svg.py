"""Body-map pictures the kiosk cannot hit-test are found by `kiosk check` (issue 16 item 7): no viewBox, a <line>
region, path data svg_shapes.py cannot read. The pure check and the Qt reader agree on every sample."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from kiosk.content.check_svg import body_map_problems, path_points, region_problem

SVG = '<svg xmlns="http://www.w3.org/2000/svg" {box}>{regions}</svg>'
GOOD_PATHS = ["M0 0 L10 0 L10 10 Z", "m0,0 10,0 0,10 z", "M0 0 H10 V10 Z", "M0 0 C5 0 10 5 10 10 Q5 10 0 0 Z",
              "M1e1 0 l-5 5 l-5 -5z", "M0 0 10 0 10 10", "M 34,116 Q36,106 48,106 C138,200 132,270 126,326 Z"]
BAD_PATHS = ["", "L10 10 L0 10 Z", "M0 0 A5 5 0 0 1 10 10 Z", "M0 0 L10", "M0 0 L10 10", "M0 0 S5 5 10 10 Z",
             "M0 0 L10 0 L10 10 T 5 5", "M0 0 L10 0 L10px 10 Z", "10 10 L0 0",
             "M0 0 L10 0 L10 10 Z 5"]   # numbers after Z: svg_shapes.path_from_d looped for ever on it


@pytest.mark.parametrize("d", GOOD_PATHS)
def test_path_data_the_kiosk_reads(d):
    assert len(path_points(d)) >= 3


@pytest.mark.parametrize("d", BAD_PATHS)
def test_path_data_the_kiosk_cannot_hit_test(d):
    element = ElementTree.Element("path", {"id": "calf", "d": d})
    assert region_problem(element, transformed=False)


@pytest.mark.parametrize("d", GOOD_PATHS + BAD_PATHS)
def test_the_pure_check_agrees_with_the_qt_reader(d):
    """What the check accepts, svg_shapes.py reads into a shape with an inside; what it refuses, svg_shapes.py
    raises on or reads as an empty shape, or reads wrongly: an arc's (or S's, T's) numbers taken as line ends,
    '10px' as '10', a path that does not start with M (SVG requires one; the drawing would not match)."""
    from kiosk.ui.widgets.svg_shapes import path_from_d

    try:
        polygon = path_from_d(d).toFillPolygon()
        corners = [(polygon[i].x(), polygon[i].y()) for i in range(polygon.size())]
        area = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1]))) / 2
        qt_reads_a_region = area > 0
    except (ValueError, IndexError):
        qt_reads_a_region = False
    if d in GOOD_PATHS:
        assert qt_reads_a_region
    else:
        assert not qt_reads_a_region or any(letter in d for letter in "AST") or "px" in d or d.startswith("L")


def _svg(tmp_path, box='viewBox="0 0 100 100"', regions=""):
    file = tmp_path / "map.svg"
    file.write_text(SVG.format(box=box, regions=regions))
    return file


@pytest.mark.parametrize("box, words", [("", "no viewBox"), ('viewBox="0 0 100"', "not four numbers"),
                                        ('viewBox="0 0 0 100"', "no width"), ('viewBox="a b c d"', "not four")])
def test_a_picture_without_a_usable_viewbox(tmp_path, box, words):
    whole, _ = body_map_problems(_svg(tmp_path, box=box), ("calf",))
    assert words in whole


@pytest.mark.parametrize("region, words", [
    ('<line id="calf" x1="0" y1="0" x2="10" y2="10"/>', "<line>"),
    ('<g id="calf"><path d="M0 0 L10 0 L10 10 Z"/></g>', "<g>"),
    ('<path id="calf" d="M0 0 A5 5 0 0 1 10 10 Z"/>', "'A'"),
    ('<rect id="calf" x="0" y="0" width="10px" height="10"/>', "not a plain number"),
    ('<rect id="calf" x="0" y="0" width="0" height="10"/>', "no area"),
    ('<circle id="calf" cx="5" cy="5"/>', "no area"),
    ('<polygon id="calf" points="0,0 10,10"/>', "no area"),
    ('<path id="calf" d="M0 0 L10 0 L10 10 Z" transform="scale(2)"/>', "transform"),
    ('<g transform="translate(5 5)"><path id="calf" d="M0 0 L10 0 L10 10 Z"/></g>', "transform"),
])
def test_regions_the_kiosk_cannot_hit_test(tmp_path, region, words):
    whole, regions = body_map_problems(_svg(tmp_path, regions=region), ("calf",))
    assert whole is None and words in regions["calf"]


def test_regions_it_can(tmp_path):
    regions = ('<path id="a" d="M0 0 L10 0 L10 10 Z"/><rect id="b" x="0" y="0" width="5" height="5"/>'
               '<circle id="c" cx="5" cy="5" r="2"/><ellipse id="d" cx="5" cy="5" rx="2" ry="1"/>'
               '<polygon id="e" points="0,0 10,0 10,10"/><g><path id="f" d="M0 0 H10 V10 Z"/></g>')
    assert body_map_problems(_svg(tmp_path, regions=regions), tuple("abcdef")) == (None, {})


def test_the_shipped_body_map_passes():
    from kiosk import paths

    file = paths.assets_dir() / "illustrations" / "body-map.svg"
    ids = tuple(element.get("id") for element in ElementTree.parse(file).iter() if element.tag.endswith("path")
                and element.get("id"))
    assert len(ids) >= 10
    assert body_map_problems(file, ids) == (None, {})
