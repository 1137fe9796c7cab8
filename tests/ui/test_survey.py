"""The touch survey driven by real clicks on real widgets, from welcome to review, in both languages."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.config import IdleTimes
from kiosk.ui.shell import Screen
from kiosk.ui.widgets.keyboard import typed
from tests.ui.clipping import clipped_texts
from tests.ui.drive import (EVENTUALLY_MS, SKIP, TYPICAL, answer_current, click, reveal, tap_region,
                            walk_to_review)
from tests.ui.test_shell import enter_pin

pytestmark = pytest.mark.ui


def start(qtbot, window, language="en"):
    if language != "en":
        click(qtbot, window.welcome.language_buttons[language])
    click(qtbot, window.welcome.check_button)
    assert window.current is Screen.SURVEY
    qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)   # what the patient sees
    return window.question


def on_screen(window) -> str:
    return window.question.session.question.id


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whole_visit_by_touch_reaches_the_review(qtbot, make_window, shipped_content, language):
    window = make_window()
    screen = start(qtbot, window, language)
    assert screen.prompt.text() == shipped_content.survey.question("red_flags").prompt[language]
    walk_to_review(qtbot, window)
    assert window.current is Screen.REVIEW
    answers = window.visit.answers
    assert answers["cramp_where"] == ("calf_left", "toes_right")
    assert answers["first_name"] == "José"
    assert answers["mnsi_10"] == "not_sure"                          # "Not sure" is an answer (spec §2.2)
    survey = shipped_content.survey
    row = window.review.rows["cramp_where"]
    calf = survey.question("cramp_where").choice("calf_left").label[language]
    assert calf in row.text()
    assert window.review.rows["mnsi_10"].text() == shipped_content.ui.get("survey.skip_not_sure", language)
    click(qtbot, window.review.finish_button)
    assert window.current is Screen.HANDOUT
    qtbot.waitUntil(lambda: window.handout.print_button.isEnabled(), timeout=EVENTUALLY_MS)
    click(qtbot, window.handout.print_button)
    assert window.current is Screen.DONE
    click(qtbot, window.done.done_button)
    assert window.current is Screen.WELCOME and window.visit.answers == {} and window.visit.prepared is None


def test_no_cramps_skips_the_cramp_follow_ups(qtbot, make_window):
    window = make_window()
    start(qtbot, window)
    answer_current(qtbot, window, ["none"])
    assert on_screen(window) == "cramp_any"
    answer_current(qtbot, window, "no")
    assert on_screen(window) == "walk_pain_eases_rest"
    click(qtbot, window.question.back_button)
    assert on_screen(window) == "cramp_any"
    assert window.question.answer_widget.cards["no"].isChecked()     # Back shows the earlier answer
    answer_current(qtbot, window, "yes")
    assert on_screen(window) == "cramp_where"


def test_exclusive_none_clears_the_other_red_flags(qtbot, make_window):
    window = make_window()
    screen = start(qtbot, window)
    cards = screen.answer_widget.cards
    for choice in ("foot_wound", "dark_urine", "none"):
        reveal(qtbot, window, cards[choice])
        click(qtbot, cards[choice])
    assert [c for c, card in cards.items() if card.isChecked()] == ["none"]
    reveal(qtbot, window, cards["foot_wound"])
    click(qtbot, cards["foot_wound"])
    assert [c for c, card in cards.items() if card.isChecked()] == ["foot_wound"]


def test_emergency_stops_the_survey_and_survives_the_idle_timeout(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(survey_seconds=1, countdown_seconds=1,
                                                                    staff_seconds=30)))
    start(qtbot, window)
    answer_current(qtbot, window, ["chest_or_breathing", "foot_wound"])
    assert window.current is Screen.ALERT_EMERGENCY
    alerts = window.alert_board.alerts()
    assert [(a.level, a.symptoms) for a in alerts] == [("emergency", ("chest_or_breathing", "foot_wound"))]
    qtbot.wait(3000)                                                  # well past survey + countdown times
    assert window.current is Screen.ALERT_EMERGENCY and not window.overlay.isVisible()
    click(qtbot, window.emergency.staff_button)
    click(qtbot, window.staff_pin.cancel_button)
    assert window.current is Screen.ALERT_EMERGENCY                  # cancelling the PIN keeps the message up
    click(qtbot, window.emergency.staff_button)
    enter_pin(qtbot, window, "0000")
    assert window.current is Screen.STAFF
    alert_label = window.staff.findChild(QLabel, "alert_1")
    assert "EMERGENCY" in alert_label.text() and "Chest pain" in alert_label.text()
    click(qtbot, window.staff.findChild(QAbstractButton, "acknowledge_1"))
    assert window.alert_board.unacknowledged() == []
    click(qtbot, window.staff.back_button)
    assert window.current is Screen.WELCOME and window.visit.answers == {}


def test_urgent_tells_the_front_desk_then_the_patient_goes_on(qtbot, make_window, shipped_content):
    window = make_window()
    start(qtbot, window, "es")
    answer_current(qtbot, window, ["one_leg_swollen"])
    assert window.current is Screen.ALERT_URGENT
    label = shipped_content.survey.question("red_flags").choice("one_leg_swollen").label["es"]
    assert window.urgent.symptom_texts() == [label]
    click(qtbot, window.urgent.continue_button)
    assert on_screen(window) == "cramp_any"
    click(qtbot, window.question.back_button)                        # back to the safety question, same answer
    while window.question.answer_widget.has_next_page():             # its choices may come in pages
        click(qtbot, window.question.next_button)
    click(qtbot, window.question.next_button)
    click(qtbot, window.urgent.continue_button)
    assert len(window.alert_board.alerts()) == 1                     # the same symptoms alert staff once


def test_idle_wipe_mid_survey_leaves_no_answer_anywhere(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(survey_seconds=1, countdown_seconds=1)))
    start(qtbot, window)
    walk_to_review(qtbot, window, {**TYPICAL, "first_name": "zoraida"}, stop_before="first_name")
    answer_current(qtbot, window, "zoraida")
    assert window.current is Screen.REVIEW and window.visit.answers["first_name"] == "Zoraida"
    qtbot.waitUntil(lambda: window.current is Screen.WELCOME, timeout=EVENTUALLY_MS)
    assert window.visit.survey is None and window.visit.answers == {}
    assert window.question.session is None and window.review.session is None and not window.review.rows
    qtbot.wait(50)                                                    # let deleteLater run
    shown = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)]
    assert not [text for text in shown if "Zoraida" in text or "ZORAIDA" in text]


def test_body_map_selects_the_region_under_the_tap(qtbot, make_window):
    window = make_window(size=(1920, 1080))
    start(qtbot, window)
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "yes")
    body_map = window.question.answer_widget
    picture = body_map.picture
    tap_region(qtbot, picture, "calf_right")
    assert window.visit.survey.answer_of("cramp_where") == ("calf_right",)
    assert body_map.cards.cards["calf_right"].isChecked()
    tap_region(qtbot, picture, "toes_left")
    assert window.visit.survey.answer_of("cramp_where") == ("calf_right", "toes_left")
    gap = picture.transform().map(QPointF(150, 500)).toPoint()       # between the two front legs
    assert picture.region_at(QPointF(gap)) is None
    qtbot.mouseClick(picture, Qt.LeftButton, pos=gap)
    assert window.visit.survey.answer_of("cramp_where") == ("calf_right", "toes_left")
    tap_region(qtbot, picture, "calf_right")                          # a second tap removes it
    assert window.visit.survey.answer_of("cramp_where") == ("toes_left",)
    click(qtbot, body_map.cards.cards["thigh_left"])                  # the cards do the same
    assert window.visit.survey.answer_of("cramp_where") == ("toes_left", "thigh_left")
    assert "Left thigh" in body_map.summary.text()


def test_the_keyboard_capitalises_names_and_keeps_accents():
    text = ""
    for key in ["m", "a", "r", "í", "a", "space", "space", "j", "o", "s", "é", "-", "l", "u", "z"]:
        text = typed(text, key, 30)
    assert text == "María José-Luz"
    assert typed("Ana", "delete", 30) == "An"
    assert typed("x" * 30, "a", 30) == "x" * 30


def test_edit_from_the_review_then_return(qtbot, make_window):
    window = make_window()
    start(qtbot, window)
    walk_to_review(qtbot, window)
    click(qtbot, window.review.rows["cramp_any"])
    assert window.current is Screen.SURVEY and on_screen(window) == "cramp_any"
    answer_current(qtbot, window, "no")
    assert window.current is Screen.REVIEW
    assert "cramp_nights" not in window.review.rows and "cramp_nights" not in window.visit.answers


@pytest.mark.parametrize("size,text_percent", [((1920, 1080), 100), ((1280, 800), 150)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_no_survey_screen_clips_text(qtbot, make_window, size, text_percent, language):
    window = make_window(size=size)
    window.set_language(language)
    window.set_text_size(text_percent)
    qtbot.wait(120)
    click(qtbot, window.welcome.check_button)
    problems = []
    for _ in range(60):
        qtbot.wait(1)
        problems += [f"{window.current.value}: {p}" for p in clipped_texts(window)]
        if window.current is Screen.REVIEW:
            break
        answer_current(qtbot, window, TYPICAL[on_screen(window)] if TYPICAL[on_screen(window)] is not SKIP else SKIP)
    click(qtbot, window.review.finish_button)
    qtbot.waitUntil(lambda: window.handout.print_button.isEnabled(), timeout=EVENTUALLY_MS)
    problems += [f"handout: {p}" for p in clipped_texts(window)]
    click(qtbot, window.handout.print_button)
    problems += [f"done: {p}" for p in clipped_texts(window)]
    assert problems == []


def fully_in_view(window, widget) -> bool:
    """Visible, inside the window, and inside its scroll area's viewport when it has one (no scroll needed)."""
    if not widget.isVisible():
        return False
    rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
    if not window.rect().contains(rect):
        return False
    scroll = window.question.scroll
    if scroll.widget().isAncestorOf(widget):
        viewport = scroll.viewport()
        shown = viewport.rect().translated(viewport.mapTo(window, viewport.rect().topLeft()))
        return shown.contains(rect)
    return True


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("text_percent", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_red_flag_is_in_view_before_none_of_these_can_be_chosen(qtbot, make_window, shipped_content, size,
                                                                        text_percent, language):
    """Spec §2.1, issue 17: whatever the content holds (10 flags and "None of these" today), at both sizes and
    both text scales, in both languages: no flag below the fold or behind a scroll; "None" on the last page."""
    window = make_window(size=size)
    window.set_text_size(text_percent)
    screen = start(qtbot, window, language)
    question = shipped_content.survey.question("red_flags")
    widget = screen.answer_widget
    flags = [choice.id for choice in question.choices if not choice.exclusive]
    seen = []
    for page in range(widget.page_count()):
        assert widget.page == page
        assert screen.scroll.verticalScrollBar().maximum() == 0          # nothing behind a scroll
        on_page = [flag for flag in flags if widget.cards[flag].isVisible()]
        assert on_page and all(fully_in_view(window, widget.cards[flag]) for flag in on_page), on_page
        assert seen + on_page == flags[:len(seen) + len(on_page)]        # emergencies first, in content order
        seen += on_page
        none = widget.cards["none"]
        if widget.has_next_page():
            assert not none.isVisible()                                   # not before every flag was in view
            click(qtbot, screen.next_button)
    assert seen == flags
    assert fully_in_view(window, widget.cards["none"])
    assert clipped_texts(window) == []
    click(qtbot, widget.cards["none"])
    click(qtbot, screen.next_button)
    assert on_screen(window) == "cramp_any"


def test_red_flags_over_two_pages_stay_one_answer(qtbot, make_window):
    window = make_window(size=(1280, 800))
    window.set_text_size(150)
    screen = start(qtbot, window, "es")
    widget = screen.answer_widget
    assert widget.page_count() >= 2
    assert screen.page_label.isVisible() and "1" in screen.page_label.text()
    first, last = widget.pages[0][0], widget.pages[-1][0]
    answer_current(qtbot, window, [first, last])
    assert window.visit.answers["red_flags"] == (first, last) and window.current is Screen.ALERT_EMERGENCY


def test_an_emergency_is_never_cleared_without_the_pin(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(survey_seconds=1, countdown_seconds=1,
                                                                    staff_seconds=1)))
    start(qtbot, window)
    answer_current(qtbot, window, ["leg_cold_pale"])
    assert window.current is Screen.ALERT_EMERGENCY
    click(qtbot, window.emergency.staff_button)
    assert window.current is Screen.STAFF_PIN
    qtbot.waitUntil(lambda: window.current is Screen.ALERT_EMERGENCY, timeout=EVENTUALLY_MS)   # PIN pad left open
    window.recover()                                                                 # after an unexpected error
    assert window.current is Screen.ALERT_EMERGENCY and window.visit.answers["red_flags"] == ("leg_cold_pale",)
    click(qtbot, window.emergency.staff_button)
    enter_pin(qtbot, window, "0000")
    assert window.current is Screen.STAFF and not window.emergency_pending
    qtbot.waitUntil(lambda: window.current is Screen.WELCOME, timeout=EVENTUALLY_MS)          # staff panel times out
    assert window.visit.answers == {}


def test_a_chosen_card_shows_a_tick_not_only_a_colour(qtbot, make_window):
    window = make_window()
    start(qtbot, window)
    card = window.question.answer_widget.cards["foot_wound"]

    def inked_pixels():
        image = card._mark.pixmap().toImage()
        return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha())

    assert inked_pixels() == 0
    reveal(qtbot, window, card)   # its page of choices (at the text's millimetre floor it is on the second)
    click(qtbot, card)
    assert card.isChecked() and inked_pixels() > 20
    assert card.words.property("state") == "checked"


@pytest.mark.parametrize("size, text_percent", [((1280, 800), 150), ((1920, 1080), 100)])
def test_every_body_map_region_has_a_full_size_card(qtbot, make_window, size, text_percent):
    """The picture's regions keep their true shapes (the toes are small); the equivalent full-size target for each
    is its card beside the picture (WCAG 2.5.8's "equivalent" exception; spec §7), and only the cards are named
    for keys and screen readers."""
    window = make_window(size=size)
    click(qtbot, window.welcome.text_size_buttons[text_percent])
    start(qtbot, window)
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "yes")
    body_map = window.question.answer_widget
    target = window.theme().target_px
    cards = body_map.cards.cards
    assert set(cards) == set(body_map.picture.shapes)
    assert {card: (cards[card].width(), cards[card].height()) for card in cards
            if min(cards[card].width(), cards[card].height()) < target} == {}
    assert set(body_map.controls().values()) == set(cards.values())


def test_the_review_refills_its_rows_rather_than_making_them_again(qtbot, make_window):
    """Issue 20: a question's review row is made once per visit; a changed answer refills it, a question left out
    keeps no answer in its row, and the end of the visit takes every row with it."""
    window = make_window()
    start(qtbot, window)
    walk_to_review(qtbot, window)
    first = dict(window.review.rows)
    click(qtbot, window.review.rows["cramp_any"])
    answer_current(qtbot, window, "no")
    assert window.current is Screen.REVIEW
    assert window.review.rows["cramp_any"] is first["cramp_any"]                  # the same row, refilled
    assert window.review.rows["red_flags"] is first["red_flags"]
    assert first["cramp_nights"].isHidden() and first["cramp_nights"].text() == ""  # left out: no answer kept
    window.end_visit("start_over")
    assert window.review.rows == {} and first["red_flags"].text() == ""                # blank at once
    qtbot.waitUntil(lambda: not window.review.list_holder.findChildren(type(first["red_flags"])),
                    timeout=EVENTUALLY_MS)                                           # and gone
