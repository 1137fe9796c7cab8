"""Safety alerts through the real window, by real clicks (spec §2.1): one alert per visit, updated by later
flags; open alerts and numbers survive a restart; emergency and urgent never look alike, on the patient's screen
or on the staff panel. Red-flag ids and levels come from content, never from a list here."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk import paths
from kiosk.ui.shell import Screen
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, contrast_ratio
from tests.ui.drive import answer_current, click
from tests.ui.test_shell import enter_pin, long_press_staff_corner

pytestmark = pytest.mark.ui


def flags_of(content, level: str) -> list[str]:
    return [choice.id for choice in content.survey.question("red_flags").choices if choice.alert == level]


def open_staff_panel(qtbot, window) -> None:
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    assert window.current is Screen.STAFF


def test_later_flags_in_the_same_visit_update_its_one_alert(qtbot, make_window, shipped_content):
    urgent, emergency = flags_of(shipped_content, "urgent"), flags_of(shipped_content, "emergency")
    window = make_window()
    slips = []
    window.alert_board.subscribe(slips.append)
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, [urgent[0]])
    assert window.current is Screen.ALERT_URGENT
    click(qtbot, window.urgent.continue_button)
    click(qtbot, window.question.back_button)                      # back to the safety question
    answer_current(qtbot, window, [urgent[1]])                     # one more urgent flag (the first stays chosen)
    assert window.current is Screen.ALERT_URGENT
    click(qtbot, window.urgent.continue_button)
    click(qtbot, window.question.back_button)
    answer_current(qtbot, window, [emergency[-1]])                 # now an emergency, still the same visit
    assert window.current is Screen.ALERT_EMERGENCY
    alerts = window.alert_board.alerts()
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.number == 1 and alert.level == "emergency" and alert.updated
    assert alert.symptoms == (urgent[0], urgent[1], emergency[-1]) and alert.new_symptoms == (emergency[-1],)
    assert [(slip.number, slip.level, slip.updated) for slip in slips] == \
        [(1, "urgent", False), (1, "urgent", True), (1, "emergency", True)]  # each reprint says "updated"
    open_staff_panel(qtbot, window)
    row = window.staff.findChild(QLabel, "alert_1")
    assert "EMERGENCY" in row.text() and "updated" in row.text() and "(new)" in row.text()
    click(qtbot, window.staff.back_button)
    click(qtbot, window.welcome.check_button)                      # the next patient gets their own alert
    answer_current(qtbot, window, [urgent[0]])
    assert [a.number for a in window.alert_board.alerts()] == [2, 1]


def test_open_alerts_and_numbers_survive_a_restart(qtbot, make_window, shipped_content):
    emergency = flags_of(shipped_content, "emergency")
    first = make_window()
    click(qtbot, first.welcome.check_button)
    answer_current(qtbot, first, [emergency[0]])
    assert first.current is Screen.ALERT_EMERGENCY
    saved = (paths.default_data_dir() / "alerts.json").read_text()
    assert json.loads(saved)["open"][0]["symptoms"] == [emergency[0]]
    first.detach()                                                 # the power goes; the kiosk starts again

    again = make_window()
    open_staff_panel(qtbot, again)
    row = again.staff.findChild(QLabel, "alert_1")
    assert row is not None and "NEEDS ATTENTION" in row.text() and "EMERGENCY" in row.text()
    click(qtbot, again.staff.findChild(QPushButton, "acknowledge_1"))
    assert "acknowledged" in again.staff.findChild(QLabel, "alert_1").text()
    click(qtbot, again.staff.back_button)
    click(qtbot, again.welcome.check_button)
    answer_current(qtbot, again, [emergency[0]])
    assert [a.number for a in again.alert_board.unacknowledged()] == [2]   # numbering goes on


def test_a_broken_alerts_file_is_told_to_staff_and_the_kiosk_still_works(qtbot, make_window, shipped_content):
    path = paths.default_data_dir() / "alerts.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": 1, "day": ')
    window = make_window()
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, [flags_of(shipped_content, "urgent")[0]])
    assert window.current is Screen.ALERT_URGENT
    click(qtbot, window.urgent.continue_button)
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    problem = window.staff.findChild(QLabel, "alert_store_problem")
    assert problem.isVisible() and "was not used" in problem.text() and str(path) in problem.text()
    assert "NEEDS ATTENTION" in window.staff.findChild(QLabel, "alert_1").text()


def pixel(window, widget, x=8, y=None):
    point = widget.mapTo(window, widget.rect().topLeft())
    image = window.grab().toImage()
    return image.pixelColor(point.x() + x, point.y() + (widget.height() // 2 if y is None else y)).name().upper()


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST])
def test_emergency_and_urgent_screens_never_look_alike(qtbot, make_window, shipped_content, palette):
    assert contrast_ratio(palette.on_alert, palette.alert) >= 7       # the band's words
    emergency_window = make_window()
    if palette is HIGH_CONTRAST:
        click(qtbot, emergency_window.welcome.contrast_button)
    click(qtbot, emergency_window.welcome.check_button)
    answer_current(qtbot, emergency_window, [flags_of(shipped_content, "emergency")[0]])
    screen = emergency_window.emergency
    ui = shipped_content.ui
    assert screen.band.isVisible() and pixel(emergency_window, screen.band) == palette.alert.upper()
    assert screen.title.text() == ui.get("alert.emergency.title", "en")
    assert screen.message.text() == ui.get("alert.emergency.message", "en")    # "... call 911."
    assert screen.desk_told.isVisible() and screen.desk_told.text() == ui.get("alert.emergency.desk_told", "en")
    assert not screen.icon.pixmap().isNull()                                   # a warning triangle, not colour alone
    emergency_window.detach()

    urgent_window = make_window()
    if palette is HIGH_CONTRAST:
        click(qtbot, urgent_window.welcome.contrast_button)
    click(qtbot, urgent_window.welcome.check_button)
    answer_current(qtbot, urgent_window, [flags_of(shipped_content, "urgent")[0]])
    urgent = urgent_window.urgent
    assert urgent_window.current is Screen.ALERT_URGENT
    assert pixel(urgent_window, urgent, y=4) == palette.background.upper()     # no band: the everyday look
    assert not urgent.icon.pixmap().isNull()
    assert urgent.icon.pixmap().toImage() != screen.icon.pixmap().toImage()
    assert urgent.title.text() != screen.title.text()


def test_the_staff_panel_tells_emergency_from_urgent(qtbot, make_window, shipped_content):
    window = make_window()
    board = window.alert_board
    board.raise_alert("urgent", (flags_of(shipped_content, "urgent")[0],))
    board.raise_alert("emergency", (flags_of(shipped_content, "emergency")[0],))
    open_staff_panel(qtbot, window)
    staff = window.staff
    urgent_row, emergency_row = staff.findChild(QLabel, "alert_1"), staff.findChild(QLabel, "alert_2")
    assert urgent_row.text().startswith("URGENT: talk with the patient before they leave today")
    assert emergency_row.text().startswith("EMERGENCY: go to the patient at the kiosk now")
    palette = window.theme().palette
    emergency_frame, urgent_frame = emergency_row.parentWidget(), urgent_row.parentWidget()
    staff.scroll.ensureWidgetVisible(emergency_frame)
    assert pixel(window, emergency_frame, x=emergency_frame.width() // 2, y=3) == palette.alert.upper()
    staff.scroll.ensureWidgetVisible(urgent_frame)
    assert pixel(window, urgent_frame, x=urgent_frame.width() // 2, y=urgent_frame.height() // 2 - 1) != \
        palette.alert.upper()
    icons = [staff.findChild(QLabel, f"alert_icon_{n}").pixmap().toImage() for n in (1, 2)]
    assert icons[0] != icons[1]
    click(qtbot, staff.findChild(QPushButton, "acknowledge_2"))
    assert "acknowledged" in staff.findChild(QLabel, "alert_2").text()


def test_an_alert_left_open_yesterday_is_listed_with_its_date(qtbot, make_window, shipped_content):
    from datetime import datetime, timedelta

    yesterday = datetime.now() - timedelta(days=1)
    flag = flags_of(shipped_content, "urgent")[0]
    path = paths.default_data_dir() / "alerts.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": 1, "day": yesterday.date().isoformat(), "last_number": 7, "open": [
        {"number": 7, "raised_at": yesterday.isoformat(timespec="seconds"), "level": "urgent", "symptoms": [flag]}]}))
    window = make_window()
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, [flag])
    assert [a.number for a in window.alert_board.alerts()] == [1, 7]   # today's numbers start at 1
    open_staff_panel(qtbot, window)
    key = f"{yesterday:%Y%m%d}-7"
    old = window.staff.findChild(QLabel, f"alert_{key}")
    assert old is not None and f"{yesterday:%Y-%m-%d}" in old.text() and "NEEDS ATTENTION" in old.text()
    click(qtbot, window.staff.findChild(QPushButton, f"acknowledge_{key}"))
    assert [a.number for a in window.alert_board.unacknowledged()] == [1]


def test_acknowledging_one_alert_keeps_the_other_rows_as_they_are(qtbot, make_window, shipped_content):
    """Only the acknowledged alert's row is made again (each row made anew held the GUI thread ~75 ms with many
    alerts open, issue 20)."""
    window = make_window()
    board = window.alert_board
    for _ in range(3):
        board.raise_alert("urgent", (flags_of(shipped_content, "urgent")[0],))
    open_staff_panel(qtbot, window)
    staff = window.staff
    before = {n: staff.findChild(QLabel, f"alert_{n}").parentWidget() for n in (1, 2, 3)}
    click(qtbot, staff.findChild(QPushButton, "acknowledge_2"))
    after = {n: staff.findChild(QLabel, f"alert_{n}").parentWidget() for n in (1, 2, 3)}
    assert after[1] is before[1] and after[3] is before[3]
    assert after[2] is not before[2] and "acknowledged" in staff.findChild(QLabel, "alert_2").text()
    assert staff.findChild(QPushButton, "acknowledge_2") is None
