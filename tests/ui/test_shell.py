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
from tests.ui.drive import EVENTUALLY_MS

pytestmark = pytest.mark.ui


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.LeftButton)


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


def test_still_there_overlay_more_time_then_wipe(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(survey_seconds=1, countdown_seconds=2)))
    click(qtbot, window.welcome.language_buttons["es"])
    click(qtbot, window.welcome.check_button)
    click(qtbot, window.question.answer_widget.cards["none"])
    click(qtbot, window.question.next_button)
    click(qtbot, window.question.answer_widget.cards["yes"])          # cramp_any: yes
    visit = window.visit
    assert visit.answers == {"red_flags": ("none",), "cramp_any": "yes"}
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)
    assert "2" in window.overlay.message.text()
    click(qtbot, window.overlay.more_time_button)
    assert not window.overlay.isVisible()
    assert window.visit is visit                     # more time keeps the answers
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)
    qtbot.mouseClick(window.overlay, Qt.LeftButton)  # a tap beside the button does not cancel the countdown
    qtbot.waitUntil(lambda: window.visit is not visit, timeout=3500)
    assert not window.overlay.isVisible()
    assert window.visit.answers == {} and window.visit.language == "en"
    assert window.current is Screen.WELCOME
    assert window.question.answer_widget is None and window.question.session is None


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
    click(qtbot, window.staff.exit_button)
    assert not window.isVisible()


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
