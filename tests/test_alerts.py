"""Staff alerts (spec §2.1): one per visit, updated by later flags; numbers per day and open alerts survive a
restart; the file they are kept in holds no answer but the flags, and a broken one never stops the kiosk."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from kiosk.alerts import AlertBoard, AlertStore

MORNING = datetime(2026, 12, 7, 9, 30)


class Clock:
    def __init__(self, now=MORNING):
        self.now = now

    def __call__(self):
        return self.now


def board(tmp_path, clock=None, listener=None) -> AlertBoard:
    made = AlertBoard(clock or Clock(), store=AlertStore(tmp_path / "alerts.json"))
    if listener is not None:
        made.subscribe(listener)
    return made


def test_later_flags_of_a_visit_update_its_alert_with_the_same_number(tmp_path):
    heard = []
    alerts = board(tmp_path, listener=heard.append)
    first = alerts.raise_alert("urgent", ("foot_wound",))
    second = alerts.raise_alert("emergency", ("foot_wound", "stroke_signs"), update=first.key)
    assert second.number == first.number == 1 and second.key == first.key
    assert second.level == "emergency" and second.symptoms == ("foot_wound", "stroke_signs")
    assert second.updated and second.new_symptoms == ("stroke_signs",)
    assert alerts.alerts() == [second]
    assert [a.updated for a in heard] == [False, True]  # the desk reprints the slip, "updated"
    # the same flags again, or fewer: nothing new, no slip
    assert alerts.raise_alert("urgent", ("foot_wound",), update=first.key) == second
    assert len(heard) == 2
    # a level never goes down; another visit gets its own number
    assert alerts.raise_alert("urgent", ("dark_urine",)).number == 2


def test_an_acknowledged_alert_opens_again_when_the_same_visit_adds_a_flag(tmp_path):
    alerts = board(tmp_path)
    first = alerts.raise_alert("urgent", ("foot_wound",))
    alerts.acknowledge(first.key)
    again = alerts.raise_alert("urgent", ("foot_wound", "dark_urine"), update=first.key)
    assert again.number == 1 and not again.acknowledged and alerts.unacknowledged() == [again]


def test_numbers_and_open_alerts_survive_a_restart_and_the_file_holds_only_flags(tmp_path):
    clock = Clock()
    alerts = board(tmp_path, clock)
    one = alerts.raise_alert("emergency", ("chest_or_breathing",))
    two = alerts.raise_alert("urgent", ("foot_wound",))
    alerts.acknowledge(two.key)
    saved = json.loads((tmp_path / "alerts.json").read_text())
    assert set(saved) == {"format", "day", "last_number", "open"} and saved["last_number"] == 2
    assert [entry["symptoms"] for entry in saved["open"]] == [["chest_or_breathing"]]
    assert ((tmp_path / "alerts.json").stat().st_mode & 0o077) == 0  # private to the kiosk's account

    clock.now += timedelta(hours=1)
    restarted = board(tmp_path, clock)                   # a crash, a power cut: a new process
    assert [(a.number, a.level, a.symptoms) for a in restarted.unacknowledged()] == \
        [(1, "emergency", ("chest_or_breathing",))]
    assert restarted.raise_alert("urgent", ("dark_urine",)).number == 3
    restarted.acknowledge(one.key)
    assert board(tmp_path, clock).unacknowledged()[0].number == 3


def test_numbers_start_again_each_day_and_open_alerts_stay(tmp_path):
    clock = Clock()
    alerts = board(tmp_path, clock)
    left_open = alerts.raise_alert("urgent", ("foot_wound",))
    done = alerts.raise_alert("urgent", ("dark_urine",))
    alerts.acknowledge(done.key)
    clock.now += timedelta(days=1)
    tomorrow = alerts.raise_alert("urgent", ("fever_red_leg",))
    assert tomorrow.number == 1 and tomorrow.key != left_open.key
    assert [a.key for a in alerts.alerts()] == [tomorrow.key, left_open.key]
    assert board(tmp_path, clock).raise_alert("urgent", ("foot_wound",)).number == 2
    clock.now += timedelta(days=1)
    assert [a.number for a in board(tmp_path, clock).unacknowledged()] == [2, 1, 1]  # each matters
    assert board(tmp_path, clock).raise_alert("urgent", ("foot_wound",)).number == 1


def test_a_malformed_file_is_set_aside_reported_and_never_stops_the_kiosk(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="kiosk")
    (tmp_path / "alerts.json").write_text("{ not json")
    alerts = board(tmp_path)
    assert alerts.alerts() == []
    assert "was not used" in alerts.problem and "check the printed alert slips" in alerts.problem
    kept = list(tmp_path.glob("alerts.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"      # kept for IT, not overwritten
    assert alerts.raise_alert("urgent", ("foot_wound",)).number == 1    # and the kiosk goes on
    assert json.loads((tmp_path / "alerts.json").read_text())["last_number"] == 1


def test_a_bad_entry_is_skipped_and_the_rest_are_listed(tmp_path):
    good = {"number": 4, "raised_at": "2026-12-07T09:00:00", "level": "urgent", "symptoms": ["foot_wound"]}
    for bad in ({"number": 5, "level": "severe", "symptoms": ["x"], "raised_at": "2026-12-07T09:00:00"},
                {"number": "six"}, "seven"):
        (tmp_path / "alerts.json").write_text(json.dumps(
            {"format": 1, "day": "2026-12-07", "last_number": 7, "open": [good, bad]}))
        alerts = board(tmp_path)
        assert [a.number for a in alerts.alerts()] == [4]
        assert "1 saved open alert(s)" in alerts.problem
        assert alerts.raise_alert("urgent", ("dark_urine",)).number == 8


def test_wrong_shapes_are_problems_not_crashes(tmp_path):
    for text in ("[]", '{"format": 2}', '{"format": 1, "day": "monday", "last_number": 1, "open": []}',
                 '{"format": 1, "day": "2026-12-07", "last_number": true, "open": []}', "\udcff"):
        path = tmp_path / "alerts.json"
        path.write_text(text, errors="surrogateescape")
        assert board(tmp_path).problem, text


def test_an_unwritable_folder_is_a_problem_for_staff_and_the_alert_still_goes_out(tmp_path):
    (tmp_path / "file").write_text("")
    heard = []
    alerts = AlertBoard(Clock(), store=AlertStore(tmp_path / "file" / "alerts.json"))
    alerts.subscribe(heard.append)
    alert = alerts.raise_alert("emergency", ("stroke_signs",))
    assert heard == [alert] and "could not be saved" in alerts.problem


def test_the_log_names_level_and_number_never_symptoms(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="kiosk")
    alerts = board(tmp_path)
    first = alerts.raise_alert("urgent", ("foot_wound",))
    alerts.raise_alert("emergency", ("foot_wound", "stroke_signs"), update=first.key)
    assert "alert.raised level=urgent number=1" in caplog.text
    assert "alert.updated level=emergency number=1" in caplog.text
    assert "foot_wound" not in caplog.text and "stroke" not in caplog.text
