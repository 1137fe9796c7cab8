"""Spec §4 (what each section says, per patient), §8 (cautions) and §9 (Spanish): each rule, checked on the
handout a patient would get and on the shipped text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kiosk.config import Clinic
from kiosk.content.text_export import chapter_sentences, explainer_lines, handout_lines, survey_lines
from kiosk.handout.builder import build_general_handout, build_handout
from kiosk.handout.spec import STYLE_BOX, Bullets, Steps, block_texts
from kiosk.survey.outcome import compute_outcome
from tests.handout.patients import BASELINE, EVERYTHING

CLINIC = Clinic(name="Demo Pain Clinic", phone="555-0100", address="100 Example Street",
                website="https://example.org")
VALUES = {"clinic_name": "Demo Pain Clinic", "clinic_phone": "555-0100", "clinic_address": "100 Example Street",
          "clinic_website": "https://example.org"}
SAFETY = {"en": "Do not stop or change any medicine on your own.",
          "es": "No deje de tomar ni cambie ninguna medicina por su cuenta."}
LANGUAGES = ["en", "es"]


def handout(content, changes=None, language="en", base=BASELINE):
    answers = {**base, **(changes or {})}
    outcome = compute_outcome(content.survey, answers)
    return build_handout(content, answers, outcome, language=language, clinic=CLINIC, today=date(2026, 12, 7))


def section(spec, section_id):
    return next(s for s in spec.sections if s.id == section_id)


def texts(section_spec) -> list[str]:
    return [text for block in section_spec.blocks for text in block_texts(block)]


def joined(section_spec) -> str:
    return " ".join(texts(section_spec))


# --- §4: during_a_cramp ------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_during_a_cramp_has_the_stretch_the_light_and_the_caution(shipped_content, language):
    words = {"en": ["toward your knee", "turn on a light first", "something steady", "Gently rub",
                    "Never rub a leg that is swollen, red or warm", "Call the clinic"],
             "es": ["hacia la rodilla", "encienda la luz", "algo firme", "masaje suave",
                    "Nunca dé masaje a una pierna hinchada, roja o caliente", "llame a la clínica"]}[language]
    text = joined(section(handout(shipped_content, language=language), "during_a_cramp"))
    assert [word for word in words if word not in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("flag", ["one_leg_swollen", "fever_red_leg"])
def test_no_rubbing_step_when_a_swollen_or_red_leg_was_flagged_but_the_caution_stays(shipped_content, flag,
                                                                                     language):
    spec = section(handout(shipped_content, {"red_flags": (flag,)}, language), "during_a_cramp")
    steps = next(block for block in spec.blocks if isinstance(block, Steps))
    rub = {"en": "Gently rub", "es": "masaje suave"}[language]
    assert not [item for item in steps.items if rub in item]
    assert len(steps.items) == 2  # numbered 1 and 2, no gap
    caution = {"en": "Never rub a leg that is swollen, red or warm", "es": "Nunca dé masaje"}[language]
    assert caution in joined(spec)


def test_the_rubbing_step_stays_for_other_flags_and_in_the_general_handout(shipped_content):
    spec = section(handout(shipped_content, {"red_flags": ("foot_wound",)}), "during_a_cramp")
    assert "Gently rub the muscle." in joined(spec)
    general = build_general_handout(shipped_content, language="en", clinic=CLINIC, today=date(2026, 12, 7))
    assert "Gently rub the muscle." in joined(section(general, "during_a_cramp"))


# --- §4: bedtime_routine -----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_bedtime_steps_are_complete_and_match_the_numbered_picture(shipped_content, language):
    spec = section(handout(shipped_content, {"cramp_any": "yes"}, language), "bedtime_routine")
    steps = next(block for block in spec.blocks if isinstance(block, Steps))
    assert steps.picture is not None and steps.numbered_picture and len(steps.items) == 3
    hold = {"en": "30 seconds", "es": "30 segundos"}[language]
    assert all(hold in item for item in steps.items[1:])  # each stretch says how long to hold
    lean = {"en": "Lean toward the wall", "es": "Inclínese hacia la pared"}[language]
    assert lean in steps.items[2]
    safe = {"en": "safe for most people", "es": "seguro para la mayoría de las personas"}[language]
    assert safe in joined(spec)
    bath = {"en": "warm, not hot", "es": "tibia, no caliente"}[language]
    elbow = {"en": "elbow", "es": "codo"}[language]
    assert bath in joined(spec) and elbow in joined(spec)


def test_the_stretch_picture_has_one_panel_per_step():
    import xml.etree.ElementTree as ElementTree

    from kiosk import paths
    root = ElementTree.parse(paths.assets_dir() / "illustrations" / "calf-stretch-steps.svg").getroot()
    panels = root.find("{http://www.w3.org/2000/svg}g[@id='panels']")
    assert len(list(panels)) == 3


# --- §4: medicines, B12, alcohol, conditions ----------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_medicines_names_the_kinds_chosen_inhalers_included_and_the_safety_sentence(shipped_content, language):
    spec = handout(shipped_content, {"medicines": ("statin", "asthma_inhaler", "metformin")}, language)
    medicines = section(spec, "medicines")
    labels = shipped_content.survey.question("medicines")
    names = [b for b in medicines.blocks if isinstance(b, Bullets)][0].items
    assert names == (labels.choice("statin").label[language], labels.choice("asthma_inhaler").label[language])
    assert SAFETY[language] in joined(medicines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_b12_names_metformin_with_the_safety_sentence_only_when_taken(shipped_content, language):
    metformin = {"en": "metformin", "es": "metformina"}[language]
    with_it = joined(section(handout(shipped_content, {"medicines": ("metformin",)}, language), "ask_about_b12"))
    assert metformin in with_it and SAFETY[language] in with_it
    without = joined(section(handout(shipped_content, {"alcohol_per_week": "8_to_14"}, language), "ask_about_b12"))
    assert metformin not in without.lower() and SAFETY[language] not in without
    b6 = {"en": "Too much vitamin B6 can also hurt nerves", "es": "Demasiada vitamina B6"}[language]
    test = {"en": "whether a B12 blood test is right for you", "es": "si le conviene un análisis"}[language]
    assert b6 in without and test in without
    assert not re.search(r"\btake (vitamin )?B12\b|\btome (la )?(vitamina )?B12\b", with_it + without, re.I)


@pytest.mark.parametrize("language", LANGUAGES)
def test_alcohol_says_drinking_a_lot_and_only_15_plus_gets_the_do_not_stop_suddenly_caution(shipped_content,
                                                                                          language):
    lot = {"en": "Drinking a lot of alcohol", "es": "Beber mucho alcohol"}[language]
    sudden = {"en": "do not stop all at once", "es": "no deje de beber de golpe"}[language]
    some = joined(section(handout(shipped_content, {"alcohol_per_week": "8_to_14"}, language), "alcohol"))
    most = joined(section(handout(shipped_content, {"alcohol_per_week": "15_plus"}, language), "alcohol"))
    assert lot in some and sudden not in some
    assert lot in most and sudden in most
    assert not re.search(r"we can help|le podemos|podemos ayudarle", some + most, re.I)  # no promised service


@pytest.mark.parametrize("language", LANGUAGES)
def test_tell_your_doctor_names_the_conditions_ticked(shipped_content, language):
    spec = section(handout(shipped_content, {"conditions": ("kidney", "chemo", "circulation")}, language),
                   "tell_your_doctor")
    question = shipped_content.survey.question("conditions")
    names = [b for b in spec.blocks if isinstance(b, Bullets)][0].items
    assert names == (question.choice("kidney").label[language], question.choice("chemo").label[language])


# --- §4: get_help_now ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_get_help_now_is_a_box_with_both_groups_the_phone_and_the_after_hours_route(shipped_content, language):
    spec = section(handout(shipped_content, language=language), "get_help_now")
    assert spec.style == STYLE_BOX
    red_flags = shipped_content.survey.question("red_flags")
    lists = [block.items for block in spec.blocks if isinstance(block, Bullets)]
    assert lists == [tuple(c.label[language] for c in red_flags.choices if c.alert == "emergency"),
                     tuple(c.label[language] for c in red_flags.choices if c.alert == "urgent")]
    text = joined(spec)
    assert "911" in text and "555-0100" in text
    after_hours = {"en": ["urgent care", "emergency room"], "es": ["atención urgente", "sala de emergencias"]}
    assert all(words in text for words in after_hours[language])


def test_red_flag_words_are_the_same_on_screen_and_on_paper(shipped_content):
    """Spec §9: the red-flag wording is identical in the survey and the handout (both languages)."""
    for language in LANGUAGES:
        spec = handout(shipped_content, {"red_flags": ("one_leg_swollen",)}, language, EVERYTHING)
        printed = joined(section(spec, "tell_the_desk")) + joined(section(spec, "get_help_now"))
        for choice in shipped_content.survey.question("red_flags").choices:
            if choice.alert:
                assert choice.label[language] in printed


def test_emergencies_come_first_in_the_spec_order(shipped_content):
    ids = [c.id for c in shipped_content.survey.question("red_flags").choices]
    assert ids == ["chest_or_breathing", "stroke_signs", "leg_cold_pale", "bladder_bowel", "weakness_spreading",
                   "one_leg_swollen", "foot_wound", "sudden_weakness", "dark_urine", "fever_red_leg", "none"]


# --- §8 and §4: cautions wherever the advice appears --------------------------------------------------------

def all_text(content, language):
    return list(explainer_lines(content, language, VALUES)) + list(handout_lines(content, language, VALUES))


BATH = {"en": r"\bbath\b", "es": r"\bbáñese\b|\bbaño\b"}
NOT_HOT = {"en": r"warm, not hot|hand or elbow|with your elbow", "es": r"tibi[ao], no caliente|mano o el codo"}
RUB = {"en": r"\brub\b|massage", "es": r"masaje"}
NOT_SWOLLEN = {"en": r"swollen, red or warm", "es": r"hinchada, roja o caliente"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_bath_is_warm_not_hot_and_every_rub_carries_its_caution(shipped_content, language):
    """A line that suggests a bath says warm, not hot (or to test the water); a massage tip says never a swollen,
    red or warm leg, in the same chapter item or section."""
    for chapter in shipped_content.explainer.chapters:
        for line in chapter_sentences(chapter, language, VALUES):
            if re.search(BATH[language], line, re.I):
                assert re.search(NOT_HOT[language], line, re.I), line
            if re.search(RUB[language], line, re.I):
                assert re.search(NOT_SWOLLEN[language], line, re.I), line
    for section_ in shipped_content.handout.sections:
        text = " ".join(texts(section(handout(shipped_content, {"cramp_any": "yes", "pregnant": "yes"}, language,
                                              EVERYTHING), section_.id))) if section_.id != "tell_the_desk" else ""
        if re.search(BATH[language], text, re.I):
            assert re.search(NOT_HOT[language], text, re.I), section_.id
        if re.search(RUB[language], text, re.I):
            assert re.search(NOT_SWOLLEN[language], text, re.I), section_.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_drinking_more_always_comes_with_the_drink_less_exception(shipped_content, language):
    drink = {"en": r"drink water|not drinking enough", "es": r"tome agua|tomar poco líquido"}[language]
    follow = {"en": "follow that advice", "es": "siga ese consejo"}[language]
    for chapter in shipped_content.explainer.chapters:
        text = " ".join(chapter_sentences(chapter, language, VALUES))
        if re.search(drink, text, re.I):
            assert follow in text, chapter.id
    spec = handout(shipped_content, {"cramp_any": "yes"}, language)
    assert follow in joined(section(spec, "drink_water"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_low_vitamins_always_come_with_the_b6_caution(shipped_content, language):
    low = {"en": r"low vitamins|enough vitamins|low vitamin", "es": r"falta de vitaminas|suficientes vitaminas"}
    b6 = {"en": "too much B6", "es": "demasiada vitamina B6"}[language]
    for chapter in shipped_content.explainer.chapters:
        text = " ".join(chapter_sentences(chapter, language, VALUES))
        if re.search(low[language], text, re.I):
            assert b6.lower() in text.lower(), chapter.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_alcohol_is_always_drinking_a_lot_of_it(shipped_content, language):
    """Outside titles: 'drinking a lot of alcohol' (or drinking less of it), never plain 'alcohol' as a harm."""
    ok = {"en": r"a lot of alcohol|less alcohol|with alcohol|of alcohol \(",
          "es": r"mucho alcohol|menos alcohol|con alcohol"}
    for chapter in shipped_content.explainer.chapters:
        for line in chapter_sentences(chapter, language, VALUES)[1:]:
            for sentence in re.split(r"(?<=[.!?])\s+", line):
                if re.search(r"\balcohol\b", sentence, re.I):
                    assert re.search(ok[language], sentence, re.I), sentence
    for section_id in ("ask_about_b12", "alcohol"):
        spec = section(handout(shipped_content, {"alcohol_per_week": "15_plus"}, language), section_id)
        for sentence in re.split(r"(?<=[.!?])\s+", joined(spec)):
            if re.search(r"\balcohol\b", sentence, re.I):
                assert re.search(ok[language], sentence, re.I), sentence


def chapter(content, chapter_id, language):
    found = next(c for c in content.explainer.chapters if c.id == chapter_id)
    return " ".join(chapter_sentences(found, language, VALUES))


@pytest.mark.parametrize("language", LANGUAGES)
def test_explainer_cautions_of_spec_8(shipped_content, language):
    expected = {
        "en": {"nerve_damage_and_cramps": ["motor neuron disease (like ALS)", "Most cramps are not caused by a "
                                           "serious disease"],
               "causes_of_neuropathy": ["70 percent", "lowers this risk"],
               "nerves_and_muscles": ["numbness", "tingling", "burning", "weakness"],
               "see_a_specialist": ["most nights", "more than 10 minutes", "numbness, tingling or weakness",
                                    "after a new medicine", "for some causes of nerve pain"]},
        "es": {"nerve_damage_and_cramps": ["poco común (como la ELA)", "no se deben a una enfermedad grave"],
               "causes_of_neuropathy": ["70 por ciento", "baja este riesgo", "desarrollan"],
               "nerves_and_muscles": ["adormecimiento", "hormigueo", "ardor", "debilidad"],
               "see_a_specialist": ["casi todas las noches", "más de 10 minutos",
                                    "adormecimiento, hormigueo o debilidad", "medicina nueva",
                                    "para algunas causas de dolor de los nervios"]},
    }[language]
    for chapter_id, phrases in expected.items():
        text = chapter(shipped_content, chapter_id, language)
        assert [phrase for phrase in phrases if phrase not in text] == [], chapter_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_procedures_are_never_a_cramp_treatment(shipped_content, language):
    for line in all_text(shipped_content, language):
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            if re.search(r"procedure|procedimiento", sentence, re.I):
                assert re.search(r"nerve pain|dolor de los nervios", sentence, re.I), sentence


@pytest.mark.parametrize("language", LANGUAGES)
def test_never_quinine_tonic_magnesium_as_treatment_or_medicine_changes_anywhere(shipped_content, language):
    never = {"en": r"quinine|tonic water|take magnesium|magnesium (pill|supplement)s?|stop taking|change your dose",
             "es": r"quinina|agua tónica|tome magnesio|pastillas de magnesio|cambie la dosis"}[language]
    everything = all_text(shipped_content, language) + list(survey_lines(shipped_content, language))
    assert [line for line in everything if re.search(never, line, re.I)] == []


# --- §9: Spanish -------------------------------------------------------------------------------------------

def spanish(content) -> str:
    ui = [text["es"] for text in content.ui.strings.values()]
    flags = [flag.label["es"] for flag in content.survey.flags]
    summary = [text["es"] for text in content.handout.summary.strings.values()] + \
        [label["es"] for _, label in content.handout.summary.rows]
    return "\n".join(all_text(content, "es") + list(survey_lines(content, "es")) + ui + flags + summary)


FIXED = [  # spec §9's table: none of these may appear anywhere in the Spanish
    r"Sostenga unos 30", r"apriete las cobijas", r"llamarles", r"le podemos apoyar", r"\braro\b|\brara\b",
    r"pinzado", r"Busque un tacón bajo", r"Moverse con calma",
    r"en su rango", r"bajo riesgo", r"punta del pie", r"Tomar menos puede ayudar", r"dolor que quema",
    r"\"?Casi nunca\"?$", r"No aplica para mí", r"¿Cuántos vasos toma al día\?", r"Revisión de seguridad",
    r"Prefiero no decir", r"Toque todos los que correspondan", r"Toque todas las que correspondan",
    r"\bdesarrolla\b", r"medicamentos?\b", r"bicicleta fija",
]


@pytest.mark.parametrize("pattern", FIXED)
def test_the_spanish_review_fixes_are_in_everywhere(shipped_content, pattern):
    lines = spanish(shipped_content).splitlines()
    assert [line for line in lines if re.search(pattern, line, re.I)] == []


def test_spanish_fixes_use_the_wording_the_review_asked_for(shipped_content):
    text = spanish(shipped_content)
    for phrase in ("Aguante así unos 30 segundos", "Deje las cobijas sueltas a los pies de la cama; no las meta "
                   "debajo del colchón", "llamarlos", "Un ejemplo poco común (como la ELA)", "nervio apretado",
                   "Busque zapatos de tacón bajo y con espacio para los dedos",
                   "Moverse un poco cada día fortalece los músculos",
                   "el azúcar en la sangre en el nivel que le indicó su médico",
                   "Es seguro para la mayoría de las personas", "la planta del pie, cerca de los dedos",
                   "Beber menos alcohol ayuda", "ardor", "Casi nunca o nunca", "No me corresponde",
                   "¿Cuántos vasos de agua u otras bebidas toma al día?", "Primero, su seguridad",
                   "Prefiero no contestar", "De frente", "De espaldas", "desarrollan"):
        assert phrase in text, phrase
    # the body map's views are not called "Atrás" beside the Back button (spec §5, §9)
    assert shipped_content.ui.get("bodymap.front", "es") == "De frente"
    assert shipped_content.ui.get("bodymap.back", "es") == "De espaldas" != shipped_content.ui.get("common.back", "es")
    assert shipped_content.ui.get("bodymap.back", "en") != shipped_content.ui.get("common.back", "en")
    assert shipped_content.ui.get("bodymap.left", "es") == "Izq."
    assert shipped_content.ui.get("bodymap.right", "es") == "Der."


def test_one_wording_for_each_idea_in_spanish(shipped_content):
    text = spanish(shipped_content)
    assert "medicina" in text and not re.search(r"medicamento", text, re.I)
    assert len(re.findall(r"Prefiero no \w+", text)) == text.count("Prefiero no contestar")
    assert not re.search(r"Toque tod[oa]s l[oa]s que correspondan", text)


def test_no_comma_before_y_or_o_in_spanish(shipped_content):
    offenders = [line for line in spanish(shipped_content).splitlines() if re.search(r", (y|o|u) ", line)]
    assert offenders == []


def test_spanish_speaks_to_usted(shipped_content):
    tu_forms = r"\b(tú|tienes|puedes|estás|eres|quieres|necesitas|haz|ven|díselo|llámanos|tu|tus|te)\b"
    offenders = [line for line in spanish(shipped_content).splitlines() if re.search(tu_forms, line)]
    assert offenders == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_about_cramps_is_four_sentences(shipped_content, language):
    text = joined(section(handout(shipped_content, language=language), "about_cramps"))
    assert len([part for part in re.split(r"(?<=[.!?])\s+", text) if part]) == 4


def test_words_an_older_reader_stumbles_on_are_avoided_or_explained(shipped_content):
    """Spec §4: acronyms (PAD), "in range", "low risk", "stationary bike", Latin names without a gloss."""
    english = "\n".join(all_text(shipped_content, "en") + list(survey_lines(shipped_content, "en")))
    for phrase in ("in range", "low risk", "stationary bike", "nocturnal leg cramps"):
        if phrase == "nocturnal leg cramps":  # the medical name is kept, with its meaning beside it
            assert "Nocturnal means at night" in english
            continue
        assert phrase not in english.lower(), phrase
    for line in english.splitlines():
        if re.search(r"\bPAD\b", line):
            assert re.search(r"arteries", line), line  # said in plain words where it appears
    assert "(like ALS)" in english and "impaired proprioception" in english


def test_numbness_is_one_word_in_spanish(shipped_content):
    """Spec §9, one term per idea: numb is 'adormecido', numbness 'adormecimiento' (not also 'entumecido')."""
    text = spanish(shipped_content)
    assert "adormecimiento" in text and not re.search(r"entumec", text, re.I)
