"""Spec §4 layout, on real handouts from the shipped content: get_help_now one bordered box never split across
pages; no section split when it fits on a page; no page more than two-thirds empty but the last; footer text of
12 pt or more with the day's handout number on every page; numbered stretch pictures; writing lines in every
language; and the number reaching the documents when a visit's handout is spooled."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from kiosk.config import Clinic, SiteConfig
from kiosk.handout.builder import build_handout
from kiosk.handout.render import MAX_PAGES, render_handout, render_handout_with_layout
from kiosk.handout.styles import HANDOUT_LOOKS
from kiosk.survey.outcome import compute_outcome
from kiosk.survey.sample import SAMPLE_ANSWERS, SKIPPED
from tests.handout.patients import BASELINE, EVERYTHING

CLINIC = Clinic(name="Demo Pain Clinic", phone="555-0100", address="100 Example Street, Springfield",
                website="https://example.org")
SAMPLE = {key: value for key, value in SAMPLE_ANSWERS.items() if value != SKIPPED}
PATIENTS = {
    "baseline": BASELINE,
    "urgent_swollen_leg": {**BASELINE, "red_flags": ("one_leg_swollen",), "cramp_any": "yes", "cramp_nights": 2},
    "metformin_only": {**BASELINE, "medicines": ("metformin",)},
    "pregnant": {**BASELINE, "pregnant": "yes", "cramp_any": "yes", "cramp_nights": 4},
    "sample": SAMPLE,
    "every_section": EVERYTHING,
}
CASES = [(name, language, paper) for name in PATIENTS for language in ("en", "es") for paper in ("letter", "a4")]


def spec_for(content, name, language, paper="letter", number=17):
    answers = PATIENTS[name]
    outcome = compute_outcome(content.survey, answers)
    return build_handout(content, answers, outcome, language=language, clinic=CLINIC, today=date(2026, 9, 30),
                         paper=paper, number=number)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def rendered(shipped_content):
    cache = {}

    def get(name, language, paper="letter"):
        key = (name, language, paper)
        if key not in cache:
            spec = spec_for(shipped_content, name, language, paper)
            pdf, fill = render_handout_with_layout(spec)
            cache[key] = (spec, pdf, fill, page_texts(pdf))
        return cache[key]
    return get


def page_of(texts: list[str], needle: str) -> int:
    needle = squash(needle)
    pages = [index for index, text in enumerate(texts) if needle in text]
    assert pages, needle
    return pages[0]


@pytest.mark.parametrize("name,language,paper", CASES, ids=["-".join(case) for case in CASES])
def test_get_help_now_is_never_split_and_no_section_that_fits_is_split(rendered, name, language, paper):
    spec, pdf, fill, texts = rendered(name, language, paper)
    assert len(texts) <= MAX_PAGES
    for section in spec.sections:
        strings = [section.title] + [text for block in section.blocks
                                     for text in (getattr(block, "items", ()) or (getattr(block, "text", ""),))
                                     if text]
        first, last = page_of(texts, strings[0]), page_of(texts, strings[-1][-40:])
        assert first == last, f"{section.id} runs from page {first + 1} to {last + 1}"


@pytest.mark.parametrize("name,language,paper", CASES, ids=["-".join(case) for case in CASES])
def test_no_page_but_the_last_is_more_than_two_thirds_empty(rendered, name, language, paper):
    _, _, fill, texts = rendered(name, language, paper)
    assert len(fill.shares) == len(texts)
    assert [share for share in fill.shares[:-1] if share < 1 / 3] == [], fill


def test_the_page_fill_measure_agrees_with_where_the_words_are(rendered, tmp_path):
    """The renderer's own measure (marks after each section) against poppler's word boxes."""
    spec, pdf, fill, _ = rendered("sample", "en")
    path = tmp_path / "h.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for number, page in enumerate(html.split("<page ")[1:]):
        words = [(float(y1), word) for y1, word in re.findall(r'yMax="([\d.]+)">([^<]+)</word>', page)]
        footer_top = max(y for y, word in words if word == "information,") - 12  # the footer's first line
        body_bottom = max(y for y, _ in words if y < footer_top)
        body_top = HANDOUT_LOOKS[0].margin_top
        assert abs((body_bottom - body_top) / (footer_top - body_top) - fill.shares[number]) < 0.12


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_footer_is_12_pt_or_more_with_the_handout_number_on_every_page(rendered, language):
    spec, pdf, _, texts = rendered("every_section", language)
    assert spec.number_label == {"en": "Handout 17", "es": "Hoja número 17"}[language]
    sizes = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes[text.strip()] = min(sizes.get(text.strip(), 99), size * scale)

    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        assert squash(spec.footer) in texts[number - 1]
        assert f"{spec.number_label} · {spec.page_label.format(page=number, pages=len(texts))}" in texts[number - 1]
        sizes.clear()
        page.extract_text(visitor_text=visit)
        footer_bits = [size for text, size in sizes.items() if text in spec.footer or spec.number_label in text]
        assert footer_bits and min(footer_bits) >= 12 - 0.01, sizes


def test_without_a_number_the_footer_has_none(shipped_content):
    spec = spec_for(shipped_content, "baseline", "en", number=None)
    texts = page_texts(render_handout(spec))
    assert spec.number_label is None and not any("Handout " in text for text in texts)


@pytest.mark.parametrize("language", ["en", "es"])
def test_writing_lines_under_every_doctor_question_in_every_look(shipped_content, language):
    assert all(look.writing_lines >= 1 for look in HANDOUT_LOOKS)
    for name in ("baseline", "every_section"):
        spec = spec_for(shipped_content, name, language)
        pdf = render_handout(spec)
        # each writing line is a stroked rule; at least one per question is drawn
        questions = next(s for s in spec.sections if s.id == "questions_for_your_doctor").blocks[-1].items
        assert 3 <= len(questions) <= 6
        drawn = sum(len(re.findall(rb"\sl\sS", page.get_contents().get_data()))
                    for page in PdfReader(io.BytesIO(pdf)).pages)
        assert drawn >= len(questions)


def test_the_stretch_picture_numbers_its_panels_1_2_3(rendered):
    _, pdf, _, texts = rendered("sample", "en")
    page = page_of(texts, "Before bed")
    text = texts[page]
    assert re.search(r"\b1\s*2\s*3\b", text), text[:300]


def test_a_long_get_help_box_moves_whole_to_the_next_page(shipped_content):
    """Push the box down a page by a long name and every section: its title and its last line stay together."""
    spec = spec_for(shipped_content, "every_section", "es", "a4")
    texts = page_texts(render_handout(spec))
    box = next(s for s in spec.sections if s.id == "get_help_now")
    assert page_of(texts, box.title) == page_of(texts, box.blocks[-1].text[-40:])


# --- the number reaches the documents ---------------------------------------------------------------------

def test_documents_rendered_again_with_the_number_carry_it_on_every_page_and_on_the_summary(shipped_content):
    from kiosk.handout.documents import make_documents

    documents = make_documents(shipped_content, SiteConfig(), SAMPLE, "es", datetime(2026, 12, 7, 10, 0))
    assert documents.number is None and "Hoja número" not in " ".join(page_texts(documents.handout))
    numbered = documents.numbered(23)
    texts = page_texts(numbered.handout)
    assert numbered.number == 23 and all("Hoja número 23 ·" in text for text in texts)
    summary = " ".join(page_texts(numbered.summary))
    assert "Handout number 23" in summary
    assert "Yes" in summary and "Not sure" in " ".join(page_texts(make_documents(
        shipped_content, SiteConfig(), {**SAMPLE, "mnsi_15": "not_sure"}, "en", datetime(2026, 12, 7)).summary))


def test_the_desk_takes_the_number_before_spooling_and_the_handout_prints_it(shipped_content, tmp_path):
    """FrontDesk.reserve_number, then submit_handout(number=): the spooled PDF says the number the patient is told."""
    from kiosk.handout.documents import make_documents
    from kiosk.printing.desk import FrontDesk
    from kiosk.printing.folder import FolderPrinter

    config = SiteConfig(spool_dir=tmp_path / "spool")
    desk = FrontDesk(config, FolderPrinter(tmp_path / "out")).open()
    first = desk.reserve_number()
    documents = make_documents(shipped_content, config, SAMPLE, "en", datetime(2026, 12, 7)).numbered(first + 1)
    spooled = desk.submit_handout(documents.handout, documents.summary, "en", "en", number=first + 1)
    assert spooled.number == first + 1
    printed = desk.spool.pdf_path(spooled.jobs[0]).read_bytes()
    assert f"Handout {first + 1} ·" in page_texts(printed)[0]


@pytest.mark.parametrize("name", list(PATIENTS))
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_numbered_handout_is_laid_out_as_the_preview_showed_it(shipped_content, name, language):
    """The number is given at print time; the footer kept room for it, so no line moves and no page is added."""
    from kiosk.handout.documents import make_documents

    preview = make_documents(shipped_content, SiteConfig(), PATIENTS[name], language, datetime(2026, 9, 30))
    printed = preview.numbered(999)
    before, after = page_texts(preview.handout), page_texts(printed.handout)
    assert len(before) == len(after)
    label = {"en": "Handout 999 · ", "es": "Hoja número 999 · "}[language]
    assert [text.replace(label, "") for text in after] == before
