"""Nothing a patient chose or typed reaches the log file: a whole visit with real clicks, then read the log."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.config import IdleTimes
from kiosk.logs import setup_logging
from kiosk.staff_pin import hash_pin
from kiosk.ui.idle import IdleRule
from kiosk.ui.shell import Screen
from tests.ui.drive import EVENTUALLY_MS, TYPICAL, walk_to_review

pytestmark = pytest.mark.ui

SECRETS = ["Zoraida", "ZORAIDA", "over_10_min", "toes_right", "type_2", "metformin", "2468"]


def test_a_visit_leaves_no_answer_or_pin_in_the_log(qtbot, make_window, config, tmp_path):
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG, to_stderr=False)
    window = make_window(site_config=replace(config, staff_pin_hash=hash_pin("2468"),
                                             idle=IdleTimes(countdown_seconds=1)))
    qtbot.mouseClick(window.welcome.language_buttons["es"], Qt.LeftButton)
    qtbot.mouseClick(window.welcome.learn_button, Qt.LeftButton)
    qtbot.mouseClick(window.explainer.next_button, Qt.LeftButton)
    qtbot.mouseClick(window.explainer.check_button, Qt.LeftButton)
    walk_to_review(qtbot, window, {**TYPICAL, "cramp_duration": "over_10_min", "first_name": "zoraida"})
    assert window.visit.answers["first_name"] == "Zoraida"
    window.idle.set_rule(IdleRule(1, warn=True))
    qtbot.waitUntil(lambda: window.visit.answers == {}, timeout=EVENTUALLY_MS)      # idle wipe
    window.activity.set_hold_ms(100)
    qtbot.mousePress(window, Qt.LeftButton, pos=QPoint(5, 5))
    qtbot.wait(200)
    qtbot.mouseRelease(window, Qt.LeftButton, pos=QPoint(5, 5))
    for digit in "2468":
        qtbot.mouseClick(window.staff_pin.keys[digit], Qt.LeftButton)
    qtbot.mouseClick(window.staff_pin.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.current is Screen.STAFF, timeout=EVENTUALLY_MS)   # the PIN is checked off-thread
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "visit.ended reason=idle" in text and "screen.shown name=staff" in text   # the log did record events
    for secret in SECRETS:
        assert secret not in text
