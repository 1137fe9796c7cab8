"""The front desk, through the real kiosk window and a real CUPS queue: the patient's handout prints, a staff
alert slip prints ahead of it, and staff see and handle today's jobs on the staff panel, by touch."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.config import PrinterSpec
from kiosk.ui.shell import Screen
from tests.printing.cups_server import pdf_text, printed_jobs, printed_text
from tests.ui.drive import EVENTUALLY_MS, answer_current, click, walk_to_review
from tests.ui.test_shell import enter_pin, long_press_staff_corner

pytestmark = pytest.mark.ui


def cups_config(config, queue):
    return replace(config, printer=PrinterSpec("cups", queue))


def print_a_handout(qtbot, window) -> int:
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    click(qtbot, window.review.finish_button)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    click(qtbot, window.handout.print_button)
    qtbot.waitUntil(lambda: window.visit.handout_number is not None, timeout=EVENTUALLY_MS)
    return window.visit.handout_number


def open_staff_panel(qtbot, window) -> None:
    long_press_staff_corner(qtbot, window)
    enter_pin(qtbot, window, "0000")
    assert window.current is Screen.STAFF


def staff_button(window, name: str) -> QPushButton:
    found = window.staff.findChild(QPushButton, name)
    assert found is not None, f"no button {name}"
    return found


def job_rows(window) -> dict[str, str]:
    """Job id -> what the staff panel says about it (its two lines)."""
    card = window.staff.printing
    return {job_id: " | ".join(label.text() for label in row.findChildren(QLabel))
            for job_id, row in card.rows.items()}


def test_a_patients_handout_prints_at_a_real_cups_queue_from_the_kiosk(qtbot, make_window, config, cups):
    queue, output = cups.add_queue()
    window = make_window(site_config=cups_config(config, queue))
    number = print_a_handout(qtbot, window)
    assert window.done.message.text() == window.content.ui.get("done.printing", "en", number=number)
    text = printed_text(output)
    assert "Clinician summary" in text or "Your plan for leg cramps" in text
    qtbot.waitUntil(lambda: not list((config.spool_dir / "jobs").glob("*.pdf")), timeout=EVENTUALLY_MS)
    assert cups.pending(queue) == []  # printed, and the spool holds no document any more


def test_an_urgent_answer_prints_a_staff_slip_at_once(qtbot, make_window, config, cups):
    queue, output = cups.add_queue()
    window = make_window(site_config=cups_config(config, queue))
    click(qtbot, window.welcome.check_button)
    answer_current(qtbot, window, ["one_leg_swollen"])
    assert window.current is Screen.ALERT_URGENT
    text = " ".join(printed_text(output).split())
    label = window.content.survey.question("red_flags").choice("one_leg_swollen").label["en"]
    assert "URGENT" in text and "Safety alert from the kiosk" in text and "Alert 1" in text and label in text
    assert "EMERGENCY" not in text  # an urgent slip never looks like an emergency one
    assert "Lobby kiosk" in text  # the kiosk's name, so staff know which lobby


def test_the_staff_panel_lists_todays_jobs_with_no_answers_and_cancels_one(qtbot, make_window, config, cups):
    queue, output = cups.add_queue()
    cups.run("cupsdisable", "-r", "paper jam", queue, check=True)  # the printer is stuck: jobs wait at CUPS
    window = make_window(site_config=cups_config(config, queue))
    number = print_a_handout(qtbot, window)
    click(qtbot, window.done.done_button)
    open_staff_panel(qtbot, window)
    qtbot.waitUntil(lambda: any("At the printer" in row for row in job_rows(window).values()), timeout=EVENTUALLY_MS)
    qtbot.waitUntil(lambda: "paused in CUPS: paper jam" in window.staff.printing.status.text(), timeout=EVENTUALLY_MS)
    rows = job_rows(window)
    handout_id = next(job_id for job_id in rows if job_id.endswith("-handout"))
    assert f"#{number}" in rows[handout_id] and "Handout" in rows[handout_id] and "English" in rows[handout_id]
    everything = " ".join(rows.values()).lower()
    assert "jos" not in everything and "statin" not in everything  # the panel shows no answers, no names
    click(qtbot, staff_button(window, f"cancel_{handout_id}"))
    qtbot.waitUntil(lambda: "Cancelled" in job_rows(window).get(handout_id, ""), timeout=EVENTUALLY_MS)
    assert not (config.spool_dir / "jobs" / f"{handout_id}.pdf").exists()
    assert len(cups.pending(queue)) == 1  # only the clinician summary is still held
    cups.run("cupsenable", queue, check=True)
    assert "Clinician summary" in printed_text(output)


def test_staff_print_a_test_page_and_a_general_handout(qtbot, make_window, config, cups):
    queue, output = cups.add_queue()
    window = make_window(site_config=cups_config(config, queue))
    open_staff_panel(qtbot, window)
    qtbot.waitUntil(lambda: window.staff.printing.status.text().startswith("Printer: ready"), timeout=EVENTUALLY_MS)
    click(qtbot, staff_button(window, "print_test_page"))
    assert "If you can read this page, the kiosk can print." in " ".join(printed_text(output).split())
    click(qtbot, staff_button(window, "print_general_es"))
    qtbot.waitUntil(lambda: len(printed_jobs(output)) == 2, timeout=EVENTUALLY_MS)
    text = pdf_text(printed_jobs(output)[1])
    assert "Su plan para los calambres" in text and "Preparado para" not in text


def test_staff_see_cups_down_and_try_the_job_again_once_it_is_back(qtbot, make_window, config, cups):
    queue, output = cups.add_queue()
    window = make_window(site_config=cups_config(config, queue))
    cups.stop()
    print_a_handout(qtbot, window)
    qtbot.waitUntil(lambda: window.done.message_key == "done.print_failed_number", timeout=EVENTUALLY_MS)
    click(qtbot, window.done.done_button)
    open_staff_panel(qtbot, window)
    qtbot.waitUntil(lambda: "not running" in window.staff.printing.status.text(), timeout=EVENTUALLY_MS)
    qtbot.waitUntil(lambda: any(job_id.endswith("-handout") for job_id in job_rows(window)), timeout=EVENTUALLY_MS)
    rows = job_rows(window)
    handout_id = next(job_id for job_id in rows if job_id.endswith("-handout"))
    assert "Not printed yet: CUPS (the print system) is not running" in rows[handout_id]
    cups.start()
    click(qtbot, staff_button(window, f"retry_{handout_id}"))
    qtbot.waitUntil(lambda: "Printed" in job_rows(window).get(handout_id, ""), timeout=EVENTUALLY_MS)
    text = printed_text(output)  # the handout, or the clinician summary if its back-off ended meanwhile
    assert "Your plan for leg cramps" in text or "Clinician summary" in text


def test_a_busy_day_lists_every_waiting_job_and_only_the_latest_printed_ones():
    from kiosk.printing.spool import Job
    from kiosk.ui.screens.print_queue import MAX_FINISHED_ROWS, shown_today

    printed = [Job(f"20261123-{n:04d}-handout", n, "handout", "en", f"2026-11-23T10:{n % 60:02d}:00", state="done")
               for n in range(1, 301)]
    waiting = [Job("20261122-0009-handout", 9, "handout", "es", "2026-11-22T16:00:00", state="failed"),
               Job("20261123-0301-handout", 301, "handout", "en", "2026-11-23T11:00:00", state="sent")]
    shown, left_out = shown_today(waiting + printed, "2026-11-23")
    assert shown[:2] == waiting  # yesterday's unprinted job too: it matters most
    assert len(shown) == 2 + MAX_FINISHED_ROWS and left_out == 300 - MAX_FINISHED_ROWS


def test_every_open_alert_is_listed_and_only_the_latest_acknowledged_ones():
    from datetime import datetime

    from kiosk.alerts import StaffAlert
    from kiosk.ui.screens.staff import MAX_ACKNOWLEDGED_ALERTS, shown_alerts

    alerts = [StaffAlert(n, datetime(2026, 11, 23, 10, 0), "urgent", ("foot_wound",), acknowledged=n % 5 != 0)
              for n in range(60, 0, -1)]  # newest first, as the board keeps them
    shown = shown_alerts(alerts)
    assert [a.number for a in shown if not a.acknowledged] == [60, 55, 50, 45, 40, 35, 30, 25, 20, 15, 10, 5]
    assert [a.number for a in shown if a.acknowledged] == [59, 58, 57][:MAX_ACKNOWLEDGED_ALERTS]
