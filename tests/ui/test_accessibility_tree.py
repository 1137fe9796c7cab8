"""The kiosk as a screen reader receives it: the real AT-SPI bus under Xvfb (spec §7)."""

from __future__ import annotations

import pytest

from tests.ui.atspi_session import AtspiKiosk, actionable

pytestmark = pytest.mark.ui


def test_every_control_on_the_welcome_screen_has_a_name_in_the_visits_language(tmp_path, shipped_content):
    ui = shipped_content.ui
    with AtspiKiosk(tmp_path / "home") as kiosk:
        english, pressed = kiosk.read("tree", "press", ui.language_names["es"], "wait", "1")
        [spanish] = kiosk.read("tree")     # a new reader: AT-SPI clients cache what they have read
    assert pressed["pressed"] == ui.language_names["es"]
    for tree, language in ((english["tree"], "en"), (spanish["tree"], "es")):
        controls = actionable(tree)
        assert controls and not [node for node in controls if not node["name"].strip()]
        assert {node["locale"].split("_")[0] for node in tree} == {language}   # the accessible language
        names = {node["name"] for node in controls}
        assert ui.get("welcome.start_check", language) in names
        assert ui.get("welcome.learn", language) in names


def test_every_choice_of_the_safety_question_is_named_with_its_words(tmp_path, shipped_content):
    ui = shipped_content.ui
    red_flags = next(q for q in shipped_content.survey.questions if q.id == "red_flags")
    with AtspiKiosk(tmp_path / "home") as kiosk:
        kiosk.read("press", ui.get("welcome.start_check", "en"), "wait", "1.5")
        [screen] = kiosk.read("tree")
    controls = actionable(screen["tree"])
    assert not [node for node in controls if not node["name"].strip()], controls
    names = {node["name"] for node in controls}
    shown = [choice.label["en"] for choice in red_flags.choices if choice.label["en"] in names]
    assert len(shown) >= 4          # the first page of flags, each by its own words (pages: see test_deliberate)
    assert {node["role"] for node in controls if node["name"] in shown} == {"check box"}   # any of them


def test_a_screen_reader_hears_of_each_new_screen(tmp_path, shipped_content):
    ui = shipped_content.ui
    red_flags = next(q for q in shipped_content.survey.questions if q.id == "red_flags")
    with AtspiKiosk(tmp_path / "home") as kiosk:
        _, events = kiosk.read("press", ui.get("welcome.start_check", "en"), "wait", "1.5", "events")
    announced = [event["detail"] for event in events["events"] if event["type"].startswith("object:announcement")]
    assert red_flags.prompt["en"] in announced, events["events"][-20:]
