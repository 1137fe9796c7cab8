"""The explainer says what spec §1 asks, plainly (spec §5), safely, in both languages, with pictures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
import textstat

from kiosk import paths
from kiosk.content.readability import inflesz
from kiosk.content.text_export import chapter_sentences, explainer_lines

VALUES = {"clinic_name": "Demo Pain Clinic", "clinic_phone": "555-0100"}
CHAPTER_IDS = ["what_is_a_cramp", "common_causes", "nerves_and_muscles", "nerve_damage_and_cramps",
               "causes_of_neuropathy", "blood_flow", "what_helps", "see_a_specialist"]


def reading_text(chapter, language):
    lines = chapter_sentences(chapter, language, VALUES)
    return " ".join(line if line.rstrip().endswith((".", "!", "?", ":")) else line + "." for line in lines)


def test_chapters_are_the_eight_of_the_spec_in_order(shipped_content):
    assert [chapter.id for chapter in shipped_content.explainer.chapters] == CHAPTER_IDS


@pytest.mark.parametrize("index", range(8), ids=CHAPTER_IDS)
def test_english_reads_at_grade_6_or_below(shipped_content, index):
    textstat.set_lang("en")
    grade = textstat.flesch_kincaid_grade(reading_text(shipped_content.explainer.chapters[index], "en"))
    assert grade <= 6.0


@pytest.mark.parametrize("index", range(8), ids=CHAPTER_IDS)
def test_spanish_reads_at_szigriszt_pazos_65_or_above(shipped_content, index):
    """INFLESZ with a Spanish syllable counter (kiosk.content.readability): textstat's flatters by 4 to 11."""
    assert inflesz(reading_text(shipped_content.explainer.chapters[index], "es")) >= 65.0


def test_the_readability_check_can_fail():
    textstat.set_lang("en")
    hard = ("Peripheral neuropathy, characterised by dysfunctional neuronal transmission secondary to "
            "metabolic derangements, precipitates involuntary musculoskeletal contractions nocturnally.")
    assert textstat.flesch_kincaid_grade(hard) > 6.0


# Each fact of spec §1, as patterns that must match in each language's chapter text (case-insensitive).
FACTS = {
    "what_is_a_cramp": {"en": ["calf", "foot", "thigh", "toes", "night", "nocturnal", "sore", "wake"],
                        "es": ["pantorrilla", "pie", "muslo", "dedos", "noche", "nocturnos", "adolorido",
                               "despierte"]},
    "common_causes": {"en": ["exercise", "standing", "stretching", "potassium", "calcium", "magnesium", "pinched",
                             "statins", "water pills", "diuretic", "beta-blockers", "blood pressure", "kidney",
                             "diabetes", "pregnan", "thyroid", r"no one knows"],
                      "es": ["ejercicio", "de pie", "estirarse", "potasio", "calcio", "magnesio", "nervio apretado",
                             "estatinas", "diurético", "orinar", "betabloqueadores", "presión", "riñones",
                             "diabetes", "embarazo", "tiroides", "no se sabe"]},
    "nerves_and_muscles": {"en": ["brain", "spinal cord", "peripheral neuropathy", "outside the brain"],
                           "es": ["cerebro", "médula", "neuropatía periférica", "fuera del cerebro"]},
    "nerve_damage_and_cramps": {"en": ["motor nerve", "motor neuron disease", "like ALS", "rare", "heat|cold",
                                       "pressure", "hyper-excitability", "proprioception", "electrolytes",
                                       "diabetes", "kidney", "weak", "blood flow"],
                                "es": ["nervio motor", "neurona motora", "poco común", "ELA", "calor", "presión",
                                       "hiperexcitabilidad", "propiocepción", "electrolitos", "diabetes",
                                       "riñones", "débiles", "circulación"]},
    "causes_of_neuropathy": {"en": ["diabetes", "70 percent", "alcohol", "B1", "B6", "B12", r"\bE\b",
                                    "Guillain-Barré", "lupus", "rheumatoid", "shingles", "Epstein-Barr",
                                    "car", "fall", "lead", "arsenic", "mercury", "chemotherapy",
                                    "Charcot-Marie-Tooth", "vitamins"],
                             "es": ["diabetes", "70 por ciento", "alcohol", "B1", "B6", "B12", r"\bE\b",
                                    "Guillain-Barré", "lupus", "reumatoide", "herpes zóster", "Epstein-Barr",
                                    "accidente", "caída", "plomo", "arsénico", "mercurio", "quimioterapia",
                                    "Charcot-Marie-Tooth", "vitaminas"]},
    "blood_flow": {"en": ["oxygen", "food", "blood vessels", "worse", "diabetes", "autoimmune",
                          "atherosclerosis", "peripheral artery disease", "vitamins"],
                   "es": ["oxígeno", "alimento", "vasos sanguíneos", "empeora", "diabetes", "autoinmunes",
                          "aterosclerosis", "enfermedad arterial periférica", "vitaminas"]},
    "what_helps": {"en": ["weight", "toxins", "food", "vitamins", "exercise", "blood sugar", "water", "stretch",
                          "exercise bike", "shoes", "covers", "electrolytes", "warm, not hot", "calves and feet",
                          "pillow"],
                   "es": ["peso", "tóxicos", "comer", "vitaminas", "ejercicio", "azúcar", "agua", "estire",
                          "bicicleta de ejercicio", "zapatos", "cobijas", "electrolitos", "agua tibia",
                          "pantorrillas", "almohada"]},
    "see_a_specialist": {"en": ["specialist", "Demo Pain Clinic", "555-0100", "conservative", "routine visits",
                                "minimally invasive", "lifestyle", "front desk"],
                         "es": ["especialista", "Demo Pain Clinic", "555-0100", "conservador", "control",
                                "mínimamente invasivos", "hábitos", "recepción"]},
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("chapter_id", CHAPTER_IDS)
def test_every_fact_of_the_spec_is_in_its_chapter(shipped_content, chapter_id, language):
    chapter = next(c for c in shipped_content.explainer.chapters if c.id == chapter_id)
    text = " ".join(chapter_sentences(chapter, language, VALUES))
    missing = [fact for fact in FACTS[chapter_id][language] if not re.search(fact, text, re.IGNORECASE)]
    assert missing == []


def test_the_nine_tips_have_their_pictograms_in_order(shipped_content):
    tips = shipped_content.explainer.chapters[6].blocks[-1].items
    assert [item.icon for item in tips] == [f"illustrations/tip-{name}.svg" for name in (
        "water", "stretch", "bike", "shoes", "loose-covers", "ask-electrolytes", "warm-bath", "massage", "pillow")]


FORBIDDEN = [r"quinine", r"tonic water", r"quinina", r"agua tónica", r"\byou have (a |an )?\w+ (disease|neuropathy)",
             r"take magnesium", r"tome magnesio", r"stop taking", r"deje de tomar (su|el|la)"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_unsafe_advice(shipped_content, language):
    text = "\n".join(explainer_lines(shipped_content, language, VALUES))
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text, re.IGNORECASE), pattern


def test_clinic_name_comes_from_config_never_from_content():
    raw = (paths.bundle_root() / "content" / "explainer.yaml").read_text(encoding="utf-8")
    assert "{clinic_name}" in raw and "{clinic_phone}" in raw
    assert "Wellness and Pain" not in raw


def all_illustrations():
    return sorted((paths.assets_dir() / "illustrations").glob("*.svg"))


def test_there_are_at_least_ten_illustrations_and_every_chapter_has_one(shipped_content):
    assert len(all_illustrations()) >= 10
    assert all(chapter.illustration.file for chapter in shipped_content.explainer.chapters)


@pytest.mark.parametrize("path", all_illustrations(), ids=lambda p: p.name)
def test_each_illustration_has_a_title_and_no_words(path):
    root = ElementTree.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    title = root.find(f"{ns}title")
    assert title is not None and title.text and title.text.strip()
    assert root.find(f".//{ns}text") is None, "no words baked into drawings"
    for banned in ("style", "filter", "mask", "image", "foreignObject"):
        assert root.find(f".//{ns}{banned}") is None, f"<{banned}> does not render the same in Qt and svglib"
