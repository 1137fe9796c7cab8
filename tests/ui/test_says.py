"""What a screen says: built from content in the visit's language, never from a label's pixels."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk.ui.says import (ROLE_ACTION, ROLE_CHOICE, ROLE_NUMBER, ROLE_TOGGLE, ScreenSays, StateWords,
                           opening_words, question_says, spoken_control)

WORDS = StateWords("selected", "not selected", "{current} of {total}", "unavailable")


def question(content, question_id):
    return next(q for q in content.survey.questions if q.id == question_id)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_question_says_its_prompt_and_every_choice_in_the_visits_language(shipped_content, language):
    ui = shipped_content.ui
    for q in shipped_content.survey.questions:
        says = question_says(q, ui, language, None, (1, 30), can_go_next=False)
        assert says.title == q.prompt[language] and says.language == language
        assert all(control.name.strip() for control in says.controls), q.id
        assert says.control("next").enabled is False
        if q.choices:
            assert [c.id for c in says.choices] == [choice.id for choice in q.choices]
            assert [c.name for c in says.choices] == [choice.label[language] for choice in q.choices]
            assert all(c.selected is False for c in says.choices)


def test_states_follow_the_answer(shipped_content):
    ui = shipped_content.ui
    says = question_says(question(shipped_content, "medicines"), ui, "en", ("statin", "metformin"), (20, 31), True)
    assert {c.id for c in says.choices if c.selected} == {"statin", "metformin"}
    assert {c.role for c in says.choices} == {ROLE_TOGGLE}
    assert says.control("next").enabled and says.control("next").role == ROLE_ACTION
    yes_no = question_says(question(shipped_content, "mnsi_01"), ui, "es", "no", (5, 31), True)
    assert [(c.id, c.role, c.selected) for c in yes_no.choices] == [("yes", ROLE_CHOICE, False),
                                                                   ("no", ROLE_CHOICE, True)]
    assert yes_no.choices[0].name == ui.get("choice.yes", "es")


def test_a_pain_scale_says_each_number_with_its_place_and_the_end_words(shipped_content):
    q = question(shipped_content, "cramp_worst_pain")
    says = question_says(q, shipped_content.ui, "en", 7, (6, 31), True)
    assert [c.id for c in says.choices] == [str(n) for n in range(11)]
    assert {c.role for c in says.choices} == {ROLE_NUMBER}
    seven = says.control("7")
    assert seven.selected and seven.position == (8, 11)
    assert spoken_control(seven, WORDS) == "7, 8 of 11, selected"
    assert says.choices[0].name.startswith("0, ") and q.low_label["en"] in says.choices[0].name
    assert q.high_label["en"] in says.choices[-1].name


def test_the_typed_first_name_is_never_read_aloud(shipped_content):
    says = question_says(question(shipped_content, "first_name"), shipped_content.ui, "es", "Zoraida", (31, 31),
                         True)
    assert says.private == ("Zoraida",)
    assert not [line for line in opening_words(says, WORDS) if "Zoraida" in line]


def test_opening_words_read_title_texts_and_choices_with_states_but_not_actions():
    from kiosk.ui.says import Control

    says = ScreenSays("en", "Do you smoke?", ("Question 3 of 31",),
                      (Control("yes", "Yes", ROLE_CHOICE, True), Control("no", "No", ROLE_CHOICE, False),
                       Control("next", "Next", ROLE_ACTION, enabled=False)))
    assert opening_words(says, WORDS) == ["Do you smoke?", "Question 3 of 31", "Yes, selected", "No, not selected"]
    assert spoken_control(says.control("next"), WORDS) == "Next, unavailable"


def test_the_model_is_plain_python():
    tree = ast.parse((Path(__file__).parents[2] / "kiosk/ui/says.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | \
        {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not [name for name in imported if name and name.startswith("PySide6")]


def test_what_the_patient_typed_is_withheld_as_a_whole_word_whatever_its_case():
    from kiosk.ui.says import withhold

    assert withhold("What is your first name?: Begoña", ("begoña",)) == "What is your first name?"
    assert withhold("Also, Al asked", ("Al",)) == "Also, asked"          # a word inside another word stays
    assert withhold("Nombre: María José", ("maría josé",)) == "Nombre"
    assert withhold("Nothing typed", ()) == "Nothing typed"
