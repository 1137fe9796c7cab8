"""What the handout says: safe (spec §4 "never"), plain (spec §5), and the same in both languages."""

from __future__ import annotations

import re

import pytest
import textstat

from kiosk.content.readability import inflesz
from kiosk.content.text_export import handout_lines, section_sentences

VALUES = {"clinic_name": "Demo Pain Clinic", "clinic_phone": "555-0100", "clinic_address": "100 Example Street",
          "clinic_website": "https://example.org"}
SAFETY_SENTENCE = {"en": "Do not stop or change any medicine on your own.",
                   "es": "No deje de tomar ni cambie ninguna medicina por su cuenta."}
NEVER = {"en": [r"quinine", r"tonic", r"magnesium"], "es": [r"quinina", r"t[óo]nic", r"magnesio"]}
# A sentence that names a medicine and an action on it is advice to stop, start or change a medicine.
MEDICINE = {"en": r"\b(medicines?|medications?|pills?|statins?|doses?|drugs?|metformin|insulin)\b",
            "es": r"\b(medicinas?|medicamentos?|pastillas?|estatinas?|dosis|metformina|insulina)\b"}
ACTION = {"en": r"\b(stop|stopping|start|starting|change|changing|switch|quit|skip|lower|raise|take less|take more)\b",
          "es": r"\b(deje|dejar|suspenda|empiece|empezar|comience|cambie|cambiar|baje|suba|tome menos|tome más)\b"}


def sentences(lines):
    for line in lines:
        yield from (part.strip() for part in re.split(r"(?<=[.!?:])\s+", line) if part.strip())


def all_sentences(content, language):
    return list(sentences(handout_lines(content, language, VALUES)))


def medicine_advice(sentence, language):
    return bool(re.search(MEDICINE[language], sentence, re.I) and re.search(ACTION[language], sentence, re.I))


@pytest.mark.parametrize("language", ["en", "es"])
def test_never_quinine_tonic_water_or_magnesium(shipped_content, language):
    text = " ".join(handout_lines(shipped_content, language, VALUES))
    for word in NEVER[language]:
        assert not re.search(word, text, re.I), word


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_advice_to_stop_start_or_change_a_medicine(shipped_content, language):
    advice = [s for s in all_sentences(shipped_content, language)
              if medicine_advice(s, language) and s != SAFETY_SENTENCE[language]]
    assert advice == []


@pytest.mark.parametrize("language,sentence", [
    ("en", "Stop taking your statin if cramps get worse."), ("en", "You can start a magnesium pill."),
    ("en", "Change your water pill dose."), ("es", "Deje la estatina si tiene calambres."),
    ("es", "Cambie la dosis de su medicina."),
])
def test_the_medicine_check_catches_advice(language, sentence):
    assert medicine_advice(sentence, language) or re.search("|".join(NEVER[language]), sentence, re.I)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_medicines_section_carries_the_safety_sentence(shipped_content, language):
    section = next(s for s in shipped_content.handout.sections if s.id == "medicines")
    assert SAFETY_SENTENCE[language] in list(sentences(section_sentences(section, language, VALUES)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_never_a_diagnosis(shipped_content, language):
    words = {"en": r"\byou have (neuropathy|diabetes|pad|restless)|\bdiagnos(is|ed) with",
             "es": r"\busted tiene (neuropat|diabetes|piernas inquietas)|\bdiagnosticad"}[language]
    assert not [s for s in all_sentences(shipped_content, language) if re.search(words, s, re.I)]


def reading_text(section, language, survey=None):
    if isinstance(section, _WithSurvey):
        section, survey = section.section, section.survey
    lines = section_sentences(section, language, VALUES, survey)
    return " ".join(line if line.rstrip().endswith((".", "!", "?", ":")) else line + "." for line in lines)


def section_ids(content):
    return [section.id for section in content.handout.sections]


@pytest.fixture(scope="module")
def sections(shipped_content):
    """Each section's text with the words its warning_signs and chosen blocks can print (from the survey)."""
    return {section.id: _WithSurvey(section, shipped_content.survey) for section in shipped_content.handout.sections}


class _WithSurvey:
    def __init__(self, section, survey):
        self.section, self.survey = section, survey


SECTION_IDS = ["tell_the_desk", "about_cramps", "during_a_cramp", "bedtime_routine", "drink_water", "foot_care",
               "blood_sugar", "medicines", "ask_about_b12", "alcohol", "blood_flow", "good_shoes", "move_more",
               "pregnancy", "tell_your_doctor", "questions_for_your_doctor", "get_help_now", "about_the_clinic"]


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_english_reads_at_grade_6_or_below(sections, section_id):
    textstat.set_lang("en")
    assert textstat.flesch_kincaid_grade(reading_text(sections[section_id], "en")) <= 6.0


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_spanish_reads_at_szigriszt_pazos_65_or_above(sections, section_id):
    """INFLESZ with a Spanish syllable counter (kiosk.content.readability): textstat's flatters by 4 to 11."""
    assert inflesz(reading_text(sections[section_id], "es")) >= 65.0


def test_the_doctor_questions_read_plainly_too(shipped_content):
    textstat.set_lang("en")
    text = " ".join(q.text["en"] for q in shipped_content.handout.doctor_questions)
    assert textstat.flesch_kincaid_grade(text) <= 6.0


def test_footer_is_the_spec_sentence(shipped_content):
    assert shipped_content.handout.text("footer", "en") == \
        "This handout is general information, not a diagnosis. Talk with your care team."
