"""The explainer with real clicks and drags: Back/Next, swipe, chapter menu, Start over, idle, no clipping."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.config import IdleTimes
from kiosk.ui.shell import Screen
from tests.ui.clipping import clipped_texts
from tests.ui.drive import EVENTUALLY_MS

pytestmark = pytest.mark.ui


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.LeftButton)


def open_explainer(qtbot, window):
    click(qtbot, window.welcome.learn_button)
    assert window.current is Screen.EXPLAINER
    return window.explainer


def shown_title(explainer):
    return explainer.current_page().title.text()


def test_next_and_back_step_through_every_chapter(qtbot, make_window, shipped_content):
    window = make_window()
    explainer = open_explainer(qtbot, window)
    chapters = shipped_content.explainer.chapters
    for index, chapter in enumerate(chapters):
        assert shown_title(explainer) == chapter.title["en"]
        assert explainer.page_label.text() == f"Page {index + 1} of {len(chapters)}"
        if index < len(chapters) - 1:
            click(qtbot, explainer.next_button)
    assert not explainer.next_button.isVisible()            # the last page has no Next
    click(qtbot, explainer.back_button)
    assert shown_title(explainer) == chapters[-2].title["en"]
    explainer.show_chapter(0)
    click(qtbot, explainer.back_button)                     # Back on the first page: to welcome
    assert window.current is Screen.WELCOME


def drag(qtbot, widget, start: QPoint, end: QPoint):
    qtbot.mousePress(widget, Qt.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(widget, start + (end - start) * step / 5)
    qtbot.mouseRelease(widget, Qt.LeftButton, pos=end)


def test_swipe_left_and_right_turn_pages(qtbot, make_window, shipped_content):
    window = make_window()
    explainer = open_explainer(qtbot, window)
    viewport = explainer.current_page().scroll.viewport()
    middle = viewport.rect().center()
    drag(qtbot, viewport, middle + QPoint(150, 0), middle - QPoint(150, 0))
    assert explainer.index == 1
    viewport = explainer.current_page().scroll.viewport()
    drag(qtbot, viewport, middle - QPoint(150, 0), middle + QPoint(150, 0))
    assert explainer.index == 0
    drag(qtbot, viewport, middle, middle + QPoint(30, 200))     # mostly vertical: a scroll, not a page turn
    assert explainer.index == 0


def test_chapter_menu_jumps_to_a_chapter(qtbot, make_window, shipped_content):
    window = make_window()
    explainer = open_explainer(qtbot, window)
    click(qtbot, explainer.menu_button)
    entry = explainer.menu_entries[4]
    assert entry.text() == f"5. {shipped_content.explainer.chapters[4].title['en']}"
    click(qtbot, entry)
    assert explainer.index == 4 and shown_title(explainer) == shipped_content.explainer.chapters[4].title["en"]


def test_language_switch_reaches_the_explainer(qtbot, make_window, shipped_content):
    window = make_window()
    click(qtbot, window.welcome.language_buttons["es"])
    explainer = open_explainer(qtbot, window)
    assert shown_title(explainer) == shipped_content.explainer.chapters[0].title["es"]
    assert explainer.next_button.text() == shipped_content.ui.get("common.next", "es")


def test_last_chapter_names_the_clinic_from_the_config(qtbot, make_window, config):
    from kiosk.config import Clinic

    window = make_window(site_config=replace(config, clinic=Clinic(name="Riverside Pain Care", phone="555-0199")))
    explainer = open_explainer(qtbot, window)
    explainer.show_chapter(7)
    text = " ".join(explainer.current_page().texts())
    assert "Riverside Pain Care" in text and "555-0199" in text


def test_start_over_ends_the_visit(qtbot, make_window):
    window = make_window()
    click(qtbot, window.welcome.language_buttons["es"])
    explainer = open_explainer(qtbot, window)
    click(qtbot, explainer.next_button)
    visit = window.visit
    click(qtbot, explainer.start_over_button)
    assert window.current is Screen.WELCOME and window.visit is not visit and window.visit.language == "en"
    open_explainer(qtbot, window)
    assert window.explainer.index == 0


def test_explainer_returns_to_welcome_after_its_quiet_time(qtbot, make_window, config):
    window = make_window(site_config=replace(config, idle=IdleTimes(explainer_seconds=1)))
    open_explainer(qtbot, window)
    qtbot.waitUntil(lambda: window.current is Screen.WELCOME, timeout=EVENTUALLY_MS)
    assert not window.overlay.isVisible()   # the explainer does not warn, it just goes home


@pytest.mark.parametrize("size,text_percent", [((1920, 1080), 100), ((1280, 800), 150), ((1280, 800), 100)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_clipped_on_any_screen(qtbot, make_window, size, text_percent, language):
    window = make_window(size=size)
    window.set_language(language)
    window.set_text_size(text_percent)
    qtbot.wait(120)  # the resize debounce
    problems = clipped_texts(window)
    window.go(Screen.EXPLAINER)
    for index in range(len(window.explainer.chapters)):
        window.explainer.show_chapter(index)
        qtbot.wait(1)
        problems += [f"chapter {index + 1}: {p}" for p in clipped_texts(window)]
    window.explainer.open_menu()
    qtbot.wait(1)
    problems += [f"menu: {p}" for p in clipped_texts(window)]
    window.overlay.show_countdown(25)
    qtbot.wait(1)
    problems += [f"overlay: {p}" for p in clipped_texts(window.overlay)]
    window.overlay.hide()
    window.open_staff_pin()
    qtbot.wait(1)
    problems += [f"pin: {p}" for p in clipped_texts(window)]
    window.go(Screen.STAFF)
    qtbot.wait(1)
    problems += [f"staff: {p}" for p in clipped_texts(window)]
    assert problems == []


def test_welcome_attract_loop_cycles_chapter_highlights(qtbot, make_window, shipped_content):
    window = make_window()
    chapters = shipped_content.explainer.chapters
    assert window.welcome.highlight_text.text() == chapters[0].highlight["en"]
    window.welcome._attract.setInterval(50)
    window.welcome._attract.start()
    qtbot.waitUntil(lambda: window.welcome.highlight_text.text() == chapters[1].highlight["en"], timeout=EVENTUALLY_MS)
    assert window.welcome.highlight_picture.asset() == chapters[1].illustration.file
    window.go(Screen.EXPLAINER)
    assert not window.welcome._attract.isActive()   # only while the welcome screen is showing


def test_each_svg_is_parsed_once_and_reused():
    from kiosk.ui.widgets.svg_view import svg_renderer

    first = svg_renderer("illustrations/calf-cramp.svg")
    assert first.isValid()
    assert svg_renderer("illustrations/calf-cramp.svg") is first


def test_pages_are_built_once_per_language_and_re_spaced_for_a_new_text_size(qtbot, make_window):
    """Every patient switches language and many enlarge the text: the laid-out pages are kept, not rebuilt
    (rebuilding cost the tap its speed and leaked a Qt gesture type per page), and still fit the new size."""
    from kiosk.ui.screens.chapter_page import ChapterPage

    window = make_window(size=(1280, 800))
    explainer = open_explainer(qtbot, window)
    with_icons = next(index for index, chapter in enumerate(explainer.chapters)
                      if any(getattr(item, "icon", None) for block in chapter.blocks
                             for item in getattr(block, "items", ())))
    explainer.show_chapter(with_icons)
    english = explainer.current_page()
    _layout, icon = english._icon_rows[0]
    small_icon = icon.width()

    def pages_built():
        return len(explainer.chapter_stack.findChildren(ChapterPage, options=Qt.FindDirectChildrenOnly))

    window.set_language("es")
    spanish = explainer.current_page()
    assert spanish is not english and spanish.language == "es"
    built = pages_built()
    window.set_language("en")
    assert explainer.current_page() is english

    window.set_text_size(150)
    assert explainer.current_page() is english
    assert icon.width() > small_icon
    assert english.row.spacing() == 2 * window.theme().gap_px
    window.set_language("es")
    assert explainer.current_page() is spanish and spanish._icon_rows[0][1].width() == icon.width()
    assert pages_built() == built


def test_every_page_is_laid_out_ahead_in_quiet_time(qtbot, make_window, shipped_content):
    from kiosk.ui.screens.chapter_page import ChapterPage

    window = make_window()
    explainer = window.explainer
    explainer.build_ahead(delay_ms=0)
    wanted = len(shipped_content.languages) * len(explainer.chapters)

    def pages_built():
        return explainer.chapter_stack.findChildren(ChapterPage, options=Qt.FindDirectChildrenOnly)

    qtbot.waitUntil(lambda: len(pages_built()) == wanted, timeout=EVENTUALLY_MS)
    assert {(page.language, page.chapter_id) for page in pages_built()} == {
        (language, chapter.id) for language in shipped_content.languages for chapter in explainer.chapters}
    built = set(pages_built())
    click(qtbot, window.welcome.language_buttons["es"])
    open_explainer(qtbot, window)
    for _ in explainer.chapters[1:]:
        click(qtbot, explainer.next_button)
        assert explainer.current_page() in built
    assert set(pages_built()) == built
