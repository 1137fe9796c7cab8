"""The alert slip and the printer test page: real PDFs, read back with poppler (pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime

import pytest
from reportlab.pdfbase.pdfmetrics import getAscentDescent

from kiosk.handout.fonts import register_fonts
from kiosk.handout import slips
from kiosk.handout.slips import AlertSlip, render_alert_slip, render_test_page, when_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

WHEN = datetime(2026, 11, 23, 10, 42)
WHEN_TEXT = "10:42, Monday 23 November 2026"
# Eight texts of about 60 characters, as many as the safety question has; one in Spanish with accents.
LONG = ("Chest pain or trouble breathing that started in the last hour",
        "A leg or foot that is suddenly cold, pale or blue, and hurts",
        "New trouble controlling your bladder or bowels, or numbness",
        "One leg or calf that is newly swollen, warm, red or very sore",
        "An open sore, blister or wound on a foot that will not heal",
        "New weakness in a leg, a foot that drags, or new falls at home",
        "Very bad muscle pain with dark urine, the color of cola drinks",
        "Debilidad repentina en una pierna, o caídas recientes en casa")
SIZES = {"letter": (612, 792), "a4": (595.28, 841.89)}


def slip(**changes) -> AlertSlip:
    base = AlertSlip(number=3, raised_at=WHEN, level="emergency",
                     symptoms=("Chest pain or trouble breathing", "Debilidad repentina en una pierna"),
                     kiosk_name="Lobby kiosk", paper="letter")
    return replace(base, **changes)


def printer_test(**changes) -> slips.TestPage:
    """slips.TestPage, not imported by name: pytest would take a class called Test... for tests."""
    return replace(slips.TestPage("Lobby kiosk", "cups:FrontDesk", WHEN, "letter"), **changes)


def _poppler(tool: str, pdf: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, check=True).stdout


def text_of(pdf: bytes, tmp_path) -> str:
    """All whitespace collapsed: lines wrap wherever the width says."""
    return re.sub(r"\s+", " ", _poppler("pdftotext", pdf, tmp_path)).strip()


def info(pdf: bytes, tmp_path) -> dict[str, str]:
    rows = _poppler("pdfinfo", pdf, tmp_path).splitlines()
    return {key.strip(): value.strip() for key, _, value in (row.partition(":") for row in rows)}


def words(pdf: bytes, tmp_path) -> list[tuple[str, float, float, float, float]]:
    """(word, x_min, y_min, x_max, y_max) in points from the top-left corner."""
    html = _poppler("pdftotext", pdf, tmp_path, "-bbox")
    return [(escaped, *map(float, box)) for *box, escaped in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def line_height(points: float) -> float:
    """How tall poppler draws a word's box at this size (the font's ascent plus descent)."""
    ascent, descent = getAscentDescent(register_fonts().regular, points)
    return ascent - descent


# ------------------------------------------------------------------------------------------------- alert slip

def test_the_slip_says_which_alert_when_where_and_what(tmp_path):
    text = text_of(render_alert_slip(slip(number=17, kiosk_name="Lobby 2 & <west>")), tmp_path)
    for expected in ("EMERGENCY", "Go to the patient at the kiosk now", "Safety alert from the kiosk", "Alert 17",
                     WHEN_TEXT, "Lobby 2 & <west>", "The patient marked:", "Chest pain or trouble breathing",
                     "Debilidad repentina en una pierna", "What to do: Go to the patient at the kiosk now.",
                     "call 911", "Then acknowledge the alert in the staff panel (hold the top-left corner of the "
                                 "kiosk screen)."):
        assert expected in text, expected
    assert "Alert 3" not in text and "updated" not in text.lower() and "URGENT" not in text


def test_urgent_says_so_and_an_unknown_level_is_refused(tmp_path):
    text = text_of(render_alert_slip(slip(level="urgent")), tmp_path)
    assert "URGENT" in text and "Talk with the patient before they leave today" in text
    assert "EMERGENCY" not in text and "at the kiosk now" not in text
    with pytest.raises(ValueError, match="severe"):
        render_alert_slip(slip(level="severe"))


def _header_darkness(pdf: bytes, tmp_path) -> float:
    """How much of the slip's top band (below the margin, 1.3 inch tall) is ink, 0 to 1, from a 30 dpi render."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    ppm = subprocess.run(["pdftoppm", "-r", "30", "-gray", "-singlefile", str(path)], capture_output=True,
                         check=True).stdout
    header, _, pixels = ppm.partition(b"\n255\n")
    width = int(header.split()[1])
    top, bottom = round(0.8 * 30), round(2.0 * 30)
    band = pixels[top * width:bottom * width]
    return sum(1 for value in band if value < 128) / len(band)


def test_emergency_and_urgent_slips_never_look_alike(tmp_path):
    """By shape and words, not colour: the emergency slip opens with a solid band, the urgent one with an
    outlined box; their first words and their icons differ."""
    emergency = _header_darkness(render_alert_slip(slip(level="emergency")), tmp_path)
    urgent = _header_darkness(render_alert_slip(slip(level="urgent")), tmp_path)
    assert emergency > 0.5 and urgent < 0.2, (emergency, urgent)


def test_an_updated_slip_says_so_with_the_same_number_and_every_flag(tmp_path):
    pdf = render_alert_slip(slip(number=5, symptoms=("One leg swollen", "Chest pain or trouble breathing"),
                                 updated_at=datetime(2026, 11, 23, 10, 47),
                                 new_symptoms=("Chest pain or trouble breathing",)))
    text = text_of(pdf, tmp_path)
    assert "Alert 5 (updated)" in text
    assert "10:47: the same patient marked more. This slip replaces the earlier slip for alert 5." in text
    assert "One leg swollen" in text and "Chest pain or trouble breathing (new)" in text
    assert info(pdf, tmp_path)["Title"] == "Alert 5"


def test_a_slip_is_made_from_a_staff_alert_with_the_words_from_content():
    from kiosk.alerts import StaffAlert
    from kiosk.handout.slips import alert_slip

    alert = StaffAlert(2, WHEN, "emergency", ("foot_wound", "stroke_signs"), updated_at=WHEN,
                       new_symptoms=("stroke_signs",))
    made = alert_slip(alert, {"foot_wound": "A sore on a foot", "stroke_signs": "Sudden weakness on one side"},
                      "Lobby", "a4")
    assert made.symptoms == ("A sore on a foot", "Sudden weakness on one side")
    assert made.new_symptoms == ("Sudden weakness on one side",) and made.updated_at == WHEN


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_eight_long_symptoms_fit_one_page_at_full_size(paper, tmp_path):
    pdf = render_alert_slip(slip(symptoms=LONG, paper=paper))
    details = info(pdf, tmp_path)
    assert details["Pages"] == "1"
    width, height = map(float, re.match(r"([\d.]+) x ([\d.]+) pts", details["Page size"]).groups())
    assert (width, height) == pytest.approx(SIZES[paper], abs=0.01)
    text = text_of(pdf, tmp_path)
    assert [symptom for symptom in LONG if symptom not in text] == []
    boxes = {word: y_max - y_min for word, _, y_min, _, y_max in words(pdf, tmp_path)}
    # Not shrunk to fit: symptoms at 16 pt or more, the heading at 18, "What to do" at 14.
    assert boxes["breathing"] >= line_height(16) - 0.01 and boxes["caídas"] >= line_height(16) - 0.01
    assert boxes["marked:"] >= line_height(18) - 0.01
    assert boxes["acknowledge"] >= line_height(14) - 0.01


def test_far_too_many_symptoms_still_make_one_page_with_every_word(tmp_path):
    many = tuple(f"Symptom number {n}: {LONG[n % 8]}" for n in range(30))
    pdf = render_alert_slip(slip(symptoms=many))
    assert info(pdf, tmp_path)["Pages"] == "1"
    text = text_of(pdf, tmp_path)
    assert [symptom for symptom in many if symptom not in text] == []


def test_fonts_are_the_embedded_atkinson_and_never_helvetica(tmp_path):
    for pdf in (render_alert_slip(slip(symptoms=LONG)), render_test_page(printer_test())):
        rows = _poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
        assert len(rows) == 2, rows  # regular and bold, nothing else (no italics)
        assert all("AtkinsonHyperlegible" in row and "Helvetica" not in row for row in rows), rows
        assert all(re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row) for row in rows), rows


def test_same_input_gives_identical_bytes_and_other_input_does_not():
    assert render_alert_slip(slip()) == render_alert_slip(slip())
    assert render_alert_slip(slip(number=4)) != render_alert_slip(slip())
    assert render_test_page(printer_test()) == render_test_page(printer_test())
    assert render_test_page(printer_test(printer="cups:Back")) != render_test_page(printer_test())


def test_metadata_title_is_the_alert_number_and_carries_no_symptom(tmp_path):
    pdf = render_alert_slip(slip(number=9, symptoms=LONG))
    details = info(pdf, tmp_path)
    assert details["Title"] == "Alert 9"
    metadata = " ".join(value for key, value in details.items() if key in ("Title", "Subject", "Keywords",
                                                                           "Author", "Creator", "Producer"))
    assert not any(word in metadata for symptom in LONG for word in symptom.split() if len(word) > 4)


def test_time_is_written_in_english_words():
    assert when_text(WHEN) == WHEN_TEXT
    assert when_text(datetime(2027, 1, 3, 0, 5)) == "00:05, Sunday 3 January 2027"


# ------------------------------------------------------------------------------------------------- test page

@pytest.mark.parametrize("paper, paper_text", [("letter", "Letter (8.5 × 11 in)"), ("a4", "A4 (210 × 297 mm)")])
def test_the_test_page_is_one_page_with_its_words(paper, paper_text, tmp_path):
    pdf = render_test_page(printer_test(paper=paper, kiosk_name="Clinic lobby 3"))
    details = info(pdf, tmp_path)
    assert details["Pages"] == "1" and details["Title"] == "Printer test page"
    text = text_of(pdf, tmp_path)
    for expected in ("Printer test page", "If you can read this page, the kiosk can print.", "Clinic lobby 3",
                     "cups:FrontDesk", WHEN_TEXT, paper_text, "14 pt:", "18 pt:", "24 pt:", "áé ñ ¿¡", "100%"):
        assert expected in text, expected


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_word_is_inside_the_border(paper, tmp_path):
    boxes = words(render_test_page(printer_test(paper=paper)), tmp_path)
    width, height = SIZES[paper]
    border = 0.5 * 72
    assert len(boxes) > 40
    for word, x_min, y_min, x_max, y_max in boxes:
        assert border < x_min and x_max < width - border and border < y_min and y_max < height - border, word


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="legal"):
        render_test_page(printer_test(paper="legal"))
    with pytest.raises(ValueError, match="legal"):
        render_alert_slip(slip(paper="legal"))
