"""The kiosk shell driven by real clicks on real widgets, offscreen."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.config import IdleTimes
from kiosk.staff_pin import MAX_TRIES, hash_pin
from kiosk.ui.idle import IdleRule
from kiosk.ui.shell import Screen
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD
from tests.ui.drive import EVENTUALLY_MS, click  # drive's click: a patient who reads before tapping

pytestmark = pytest.mark.ui


def test_language_button_switches_every_string_at_once(qtbot, make_window, shipped_content):
    window = make_window()
    ui = shipped_content.ui
    assert window.welcome.title.text() == ui.get("welcome.title", "en")
    click(qtbot, window.welcome.language_buttons["es"])
    assert window.visit.language == "es"
    assert window.welcome.title.text() == ui.get("welcome.title", "es")
    assert window.welcome.check_button.text() == ui.get("welcome.start_check", "es")
    assert window.welcome.highlight_text.text() == shipped_content.explainer.chapters[0].highlight["es"]
    assert window.overlay.more_time_button.text() == ui.get("idle.more_time", "es")
    assert window.welcome.language_buttons["es"].isChecked()
    assert not window.welcome.language_buttons["en"].isChecked()


def test_text_size_and_high_contrast_controls_restyle_the_screen(qtbot, make_window):
    window = make_window()
    before = window.welcome.subtitle.fontInfo().pixelSize()
    click(qtbot, window.welcome.text_size_buttons[150])
    after = window.welcome.subtitle.fontInfo().pixelSize()
    assert after == pytest.approx(before * 1.5, abs=1)
    assert window.theme().palette is STANDARD
    click(qtbot, window.welcome.contrast_button)
    assert window.theme().palette is HIGH_CONTRAST
    image = window.grab().toImage()
    assert image.pixelColor(window.width() // 2, 2).name() == HIGH_CONTRAST.background.lower()


def test_welcome_idle_quietly_resets_language_and_comfort(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(explainer_seconds=1)))
    click(qtbot, window.welcome.language_buttons["es"])
    click(qtbot, window.welcome.text_size_buttons[150])
    qtbot.waitUntil(lambda: window.visit.language == "en", timeout=EVENTUALLY_MS)
    assert window.visit.text_percent == 100
    assert window.welcome.language_buttons["en"].isChecked()


# Milliseconds per idle "second" while a test acts during the countdown: it holds still however slow the machine.
FROZEN_MS = 10**7


def show_still_there(qtbot, window) -> None:
    """Let the quiet time run out at once and hold the countdown still as soon as it shows (explicit states,
    not a race with a timer)."""
    window.idle.set_time_scale(1)                   # 60 quiet "seconds" pass in 60 ms
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)
    assert window.idle.warning


def test_still_there_any_touch_or_key_is_more_time_then_wipe(qtbot, make_window):
    from tests.ui.drive import answer_current

    window = make_window()
    click(qtbot, window.welcome.language_buttons["es"])
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "yes")                               # cramp_any: yes
    visit = window.visit
    answers = dict(visit.answers)
    assert answers == {"red_flags": ("none",), "cramp_any": "yes"}
    position = window.question.session.question.id
    hold = lambda _seconds: window.idle.set_time_scale(FROZEN_MS)     # noqa: E731
    window.idle.warning_started.connect(hold)

    show_still_there(qtbot, window)
    assert "20" in window.overlay.message.text()
    # a tap beside the box, right over a control of the screen beneath: more time, and nothing beneath is touched
    beneath = window.question.next_button
    qtbot.mouseClick(window.overlay, Qt.LeftButton, pos=beneath.mapTo(window, beneath.rect().center()))
    assert not window.overlay.isVisible() and not window.idle.warning
    assert window.visit is visit and visit.answers == answers
    assert window.question.session.question.id == position

    show_still_there(qtbot, window)
    qtbot.mouseClick(window.overlay.title, Qt.LeftButton)              # a tap on the words
    assert not window.overlay.isVisible() and not window.idle.warning

    show_still_there(qtbot, window)
    device = QTest.createTouchDevice()                                 # a finger, far from the button
    QTest.touchEvent(window, device).press(0, QPoint(window.width() - 5, 5)).commit()
    QTest.touchEvent(window, device).release(0, QPoint(window.width() - 5, 5)).commit()
    assert not window.overlay.isVisible() and not window.idle.warning

    show_still_there(qtbot, window)
    assert window.focusWidget() is window.overlay                      # keys go to the overlay, not beneath
    qtbot.keyClick(window.overlay, Qt.Key_A)                           # any key
    assert not window.overlay.isVisible() and not window.idle.warning

    show_still_there(qtbot, window)
    click(qtbot, window.overlay.more_time_button)                      # the button, again and again
    assert not window.overlay.isVisible() and window.visit is visit and visit.answers == answers

    window.idle.warning_started.disconnect(hold)
    warned = []
    window.idle.warning_started.connect(warned.append)
    window.idle.set_time_scale(1)                                      # now nobody touches: it warns, counts down,
    qtbot.waitUntil(lambda: window.visit is not visit, timeout=EVENTUALLY_MS)   # and runs out
    assert warned == [20]
    assert not window.overlay.isVisible()
    assert window.visit.answers == {} and window.visit.language == "en"
    assert window.current is Screen.WELCOME
    assert window.question.answer_widget is None and window.question.session is None


def test_the_attract_loop_stops_once_a_patient_touches_the_screen(qtbot, make_window):
    window = make_window()
    welcome = window.welcome
    assert welcome.attracting
    highlight = welcome.highlight_text.text()
    device = QTest.createTouchDevice()
    spot = welcome.subtitle.mapTo(window, welcome.subtitle.rect().center())   # plain words, not a control
    QTest.touchEvent(window, device).press(0, spot).commit()
    QTest.touchEvent(window, device).release(0, spot).commit()
    assert not welcome.attracting and welcome.highlight_text.text() == highlight
    click(qtbot, welcome.language_buttons["es"])
    assert not welcome.attracting                                       # choosing a language does not restart it
    click(qtbot, welcome.check_button)
    click(qtbot, window.question.start_over_button)                     # nothing answered yet: no question asked
    assert window.current is Screen.WELCOME and welcome.attracting      # a fresh welcome for the next patient
    qtbot.keyClick(welcome, Qt.Key_Tab)                                 # a key counts as a touch
    assert not welcome.attracting


def test_start_over_asks_first_and_keeping_the_answers_is_the_default(qtbot, make_window, shipped_content):
    from tests.ui.drive import answer_current

    window = make_window()
    click(qtbot, window.welcome.language_buttons["es"])
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "yes")
    visit, answers = window.visit, dict(window.visit.answers)
    confirm = window.confirm
    ui = shipped_content.ui

    click(qtbot, window.question.start_over_button)
    assert confirm.asking and window.current is Screen.SURVEY and window.visit is visit
    assert confirm.title.text() == ui.get("confirm.start_over.title", "es")
    assert confirm.keep_button.text() == ui.get("confirm.start_over.keep", "es")
    # keeping is the default: the prominent first button, above the one that erases
    assert confirm.keep_button.property("role") == "primary" and confirm.act_button.property("role") != "primary"
    assert confirm.keep_button.y() < confirm.act_button.y()
    click(qtbot, confirm.keep_button)
    assert not confirm.asking and window.visit is visit and visit.answers == answers

    for keep_another_way in (lambda: qtbot.keyClick(confirm, Qt.Key_Return),
                             lambda: qtbot.keyClick(confirm, Qt.Key_Escape),
                             lambda: qtbot.mouseClick(confirm, Qt.LeftButton, pos=QPoint(5, 5))):
        click(qtbot, window.question.start_over_button)
        assert confirm.asking
        keep_another_way()
        assert not confirm.asking and window.visit is visit and visit.answers == answers

    click(qtbot, window.question.start_over_button)
    click(qtbot, confirm.act_button)
    assert window.current is Screen.WELCOME and window.visit is not visit and window.visit.answers == {}
    assert not confirm.asking


def test_start_over_on_the_urgent_screen_asks_too(qtbot, make_window):
    from tests.ui.drive import answer_current

    window = make_window()
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, ["foot_wound"])
    assert window.current is Screen.ALERT_URGENT
    click(qtbot, window.urgent.start_over_button)
    assert window.confirm.asking and window.current is Screen.ALERT_URGENT
    click(qtbot, window.confirm.act_button)
    assert window.current is Screen.WELCOME


def test_touch_counts_as_activity(qtbot, make_window):
    window = make_window()
    window.idle.set_rule(IdleRule(2, warn=True))
    device = QTest.createTouchDevice()
    title = window.welcome.title                      # plain text: a touch here only counts as activity
    spot = title.mapTo(window, title.rect().center())
    for _ in range(8):  # touch every 0.5 s for 4 s: the 2 s quiet time never runs out
        qtbot.wait(500)
        QTest.touchEvent(window, device).press(0, spot).commit()
        QTest.touchEvent(window, device).release(0, spot).commit()
        assert not window.overlay.isVisible()
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)         # and once the touches stop, it does


def long_press_staff_corner(qtbot, window):
    window.activity.set_hold_ms(200)
    qtbot.mousePress(window, Qt.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(350)
    qtbot.mouseRelease(window, Qt.LeftButton, pos=QPoint(10, 10))


def enter_pin(qtbot, window, digits):
    for digit in digits:
        click(qtbot, window.staff_pin.keys[digit])
    click(qtbot, window.staff_pin.ok_button)
    qtbot.waitUntil(lambda: not window.staff_pin.checking, timeout=EVENTUALLY_MS)   # checked off the GUI thread


def test_the_pin_is_checked_off_the_gui_thread_and_the_pad_waits_meanwhile(qtbot, make_window, config):
    """scrypt takes ~40 ms (up to ~160 ms for a stored hash's settings): never on the GUI thread (issue 20)."""
    import threading

    window = make_window(site_config=replace(config, staff_pin_hash=hash_pin("2468")))
    long_press_staff_corner(qtbot, window)
    pad, guard = window.staff_pin, window.pin_guard
    checked_on, release = [], threading.Event()
    real_check = guard.check

    def slow_check(pin):
        checked_on.append(threading.current_thread())
        release.wait(EVENTUALLY_MS / 1000)   # a slow PC: the check takes as long as the test says
        return real_check(pin)

    guard.check = slow_check
    for digit in "2468":
        click(qtbot, pad.keys[digit])
    click(qtbot, pad.ok_button)
    assert pad.checking and not pad.ok_button.isEnabled() and not pad.keys["1"].isEnabled()
    assert window.current is Screen.STAFF_PIN          # the GUI thread went on while the PIN was checked
    release.set()
    qtbot.waitUntil(lambda: window.current is Screen.STAFF, timeout=EVENTUALLY_MS)
    assert checked_on and checked_on[0] is not threading.main_thread()


def test_a_short_press_in_the_corner_does_nothing(qtbot, make_window):
    window = make_window()
    window.activity.set_hold_ms(1500)
    qtbot.mousePress(window, Qt.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(100)
    qtbot.mouseRelease(window, Qt.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(1800)                                                   # past the hold time: still nothing
    assert window.current is Screen.WELCOME


def test_long_press_then_pin_opens_the_staff_panel(qtbot, make_window, config):
    window = make_window(site_config=replace(config, staff_pin_hash=hash_pin("2468")))
    long_press_staff_corner(qtbot, window)
    assert window.current is Screen.STAFF_PIN
    enter_pin(qtbot, window, "1111")
    assert window.current is Screen.STAFF_PIN
    assert "4 tries left" in window.staff_pin.status.text()
    enter_pin(qtbot, window, "2468")
    assert window.current is Screen.STAFF
    assert not window.findChildren(type(window.staff.title), "default_pin_warning")
    click(qtbot, window.staff.back_button)
    assert window.current is Screen.WELCOME


def test_five_wrong_pins_lock_the_pad(qtbot, make_window, config):
    window = make_window(site_config=replace(config, staff_pin_hash=hash_pin("2468")))
    long_press_staff_corner(qtbot, window)
    for _ in range(MAX_TRIES):
        enter_pin(qtbot, window, "9999")
    assert "Try again in 60 s" in window.staff_pin.status.text()
    assert not window.staff_pin.keys["2"].isEnabled()
    assert not window.staff_pin.ok_button.isEnabled()
    window.staff_pin.press("2")                 # even a programmatic key press is ignored while locked
    window.staff_pin.submit()
    assert window.current is Screen.STAFF_PIN


def test_default_pin_works_and_the_panel_warns_about_it(qtbot, make_window):
    window = make_window()
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    assert window.current is Screen.STAFF
    warning = window.staff.findChild(type(window.staff.title), "default_pin_warning")
    assert warning is not None and "kiosk set-pin" in warning.text()


def test_cancel_on_the_pin_pad_returns_where_the_staff_came_from(qtbot, make_window):
    window = make_window()
    long_press_staff_corner(qtbot, window)
    click(qtbot, window.staff_pin.cancel_button)
    assert window.current is Screen.WELCOME


def test_closing_the_window_is_refused_unless_staff_exit(qtbot, make_window, caplog):
    window = make_window()
    caplog.set_level(logging.INFO, logger="kiosk")
    assert not window.close()
    assert window.isVisible()
    assert "window.close_refused" in caplog.text
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    click_exit(qtbot, window)
    click(qtbot, window.staff.confirm.act_button)
    assert not window.isVisible()


def click_exit(qtbot, window) -> None:
    """"Exit the kiosk" is at the end of the staff panel: scroll to it as staff would, then tap it."""
    window.staff.scroll.ensureWidgetVisible(window.staff.exit_button, 0, 0)
    click(qtbot, window.staff.exit_button)


def test_exit_the_kiosk_is_apart_from_back_to_the_kiosk_and_asks_first(qtbot, make_window):
    window = make_window()
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    staff = window.staff
    back, leave = staff.back_button, staff.exit_button
    bar = staff.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())                                         # staff scroll to the very end
    back_box = back.rect().translated(back.mapTo(window, QPoint(0, 0)))
    exit_box = leave.rect().translated(leave.mapTo(window, QPoint(0, 0)))
    assert exit_box.bottom() < back_box.top()                            # not side by side: one above the other
    assert back_box.top() - exit_box.bottom() >= window.theme().target_px
    assert staff.scroll.widget().isAncestorOf(leave) and not staff.scroll.isAncestorOf(back)

    click(qtbot, leave)
    assert window.isVisible() and window.current is Screen.STAFF and staff.confirm.asking
    assert staff.confirm.title.text() == "Exit the kiosk?"
    assert staff.confirm.keep_button.property("role") == "primary"    # staying is the default
    click(qtbot, staff.confirm.keep_button)
    assert window.isVisible() and not staff.confirm.asking
    click(qtbot, back)                                                # and Back never asks: it goes back
    assert window.current is Screen.WELCOME and window.isVisible()


def test_staff_screens_time_out_to_welcome(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(staff_seconds=1)))
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    qtbot.waitUntil(lambda: window.current is Screen.WELCOME, timeout=EVENTUALLY_MS)


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_and_the_kiosk_returns_to_welcome(qtbot, make_window, caplog):
    import sys

    from kiosk.ui.app import _install_recovery

    window = make_window()
    caplog.set_level(logging.INFO, logger="kiosk")
    old_hook = sys.excepthook
    _install_recovery(window)
    try:
        click(qtbot, window.welcome.language_buttons["es"])
        secret = "Zoraida"

        def broken():
            raise RuntimeError(f"an error message that quotes an answer: {secret}")

        window.welcome.learn_requested.connect(broken)
        click(qtbot, window.welcome.learn_button)
        qtbot.waitUntil(lambda: window.visit.language == "en", timeout=EVENTUALLY_MS)
    finally:
        sys.excepthook = old_hook
    assert window.current is Screen.WELCOME and window.visit.language == "en"
    assert "app.unhandled_exception type=RuntimeError" in caplog.text
    assert "Zoraida" not in caplog.text


def test_transitions_outside_the_table_are_refused(make_window):
    window = make_window()
    with pytest.raises(ValueError):
        window.go(Screen.STAFF)


def test_a_sign_in_signal_off_the_pin_pad_never_clears_an_emergency(qtbot, make_window):
    from tests.ui.drive import answer_current

    window = make_window()
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, ["leg_cold_pale"])
    assert window.current is Screen.ALERT_EMERGENCY and window.emergency_pending
    window.staff_pin.accepted.emit()  # e.g. a late signal from a PIN pad that has already closed
    assert window.current is Screen.ALERT_EMERGENCY and window.emergency_pending
