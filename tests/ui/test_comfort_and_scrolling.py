"""Issue 17 items 5 and 6 by real clicks: a text-size tap repaints the screen in view first and the size buttons
stay where they are; the review starts at the top for every visit; where a scroll is unavoidable a labelled
"More below" control (at least a touch target) scrolls it."""

from __future__ import annotations

import pytest

from kiosk.ui.shell import Screen
from kiosk.ui.theme import TEXT_SCALES
from tests.ui.drive import EVENTUALLY_MS, click, walk_to_review

pytestmark = pytest.mark.ui


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_text_size_buttons_stay_put_and_the_screen_in_view_is_restyled_first(qtbot, make_window, size,
                                                                                  language):
    window = make_window(size=size)
    click(qtbot, window.welcome.language_buttons[language])
    buttons = window.welcome.text_size_buttons

    def places():
        controls = [*buttons.values(), *window.welcome.language_buttons.values(), window.welcome.contrast_button]
        return [(b.mapTo(window, b.rect().topLeft()).toTuple(), b.size().toTuple()) for b in controls]

    where = places()
    for percent in [*TEXT_SCALES, *reversed(TEXT_SCALES)]:
        click(qtbot, buttons[percent])
        assert window.visit.text_percent == percent and buttons[percent].isChecked()
        assert window.welcome not in window._stale_screens              # the screen in view: at once
        qtbot.wait(1)
        assert places() == where                                         # a second tap on the spot hits the same
        assert window.welcome.subtitle.fontInfo().pixelSize() == window.theme().body_px   # repainted at the size
    qtbot.waitUntil(lambda: not window._stale_screens, timeout=EVENTUALLY_MS)   # the rest after the paint


def test_a_screen_shown_after_a_text_size_tap_has_the_new_size(qtbot, make_window):
    window = make_window()
    click(qtbot, window.welcome.text_size_buttons[150])
    click(qtbot, window.welcome.check_button)                             # at once: not waiting for the rest
    assert window.current is Screen.SURVEY
    assert window.question.prompt.fontInfo().pixelSize() == window.theme().heading_px


def test_the_review_starts_at_the_top_for_each_visit(qtbot, make_window):
    window = make_window(size=(1280, 800))
    window.set_text_size(150)
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    bar = window.review.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=EVENTUALLY_MS)
    more = window.review.more_below.button
    assert more.isVisible() and more.text().startswith("More below")
    assert more.width() >= window.theme().target_px and more.height() >= window.theme().target_px
    click(qtbot, more)
    assert bar.value() > 0
    bar.setValue(bar.maximum())                                         # the patient read to the end
    assert not more.isVisible()
    window.end_visit("idle")                                            # this patient leaves; the next comes
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    assert window.review.scroll.verticalScrollBar().value() == 0


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_long_explainer_page_has_a_labelled_more_below_control(qtbot, make_window, shipped_content, language):
    window = make_window(size=(1280, 800))
    window.set_text_size(150)
    click(qtbot, window.welcome.language_buttons[language])
    click(qtbot, window.welcome.learn_button)
    explainer = window.explainer
    longest = max(range(len(explainer.chapters)), key=lambda i: len(str(explainer.chapters[i].blocks)))
    explainer.show_chapter(longest)
    page = explainer.current_page()
    bar = page.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and page.more_below.button.isVisible(), timeout=EVENTUALLY_MS)
    more = page.more_below.button
    assert shipped_content.ui.get("common.more_below", language) in more.text()
    assert min(more.width(), more.height()) >= window.theme().target_px
    while more.isVisible():
        click(qtbot, more)
    assert bar.value() == bar.maximum()


def test_every_page_of_the_handout_can_be_looked_at(qtbot, make_window):
    from kiosk.qt_pdf import page_count

    window = make_window(size=(1280, 800))
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    click(qtbot, window.review.finish_button)
    screen = window.handout
    qtbot.waitUntil(lambda: screen.state == "ready", timeout=EVENTUALLY_MS)
    pages = page_count(window.visit.prepared.documents.handout)
    assert pages >= 2 and len(screen.pages) == pages
    assert not screen.previous_page_button.isEnabled()
    seen = [screen.preview.image]
    for number in range(2, pages + 1):
        click(qtbot, screen.next_page_button)
        assert screen.page_label.text() == f"Page {number} of {pages}"
        seen.append(screen.preview.image)
    assert not screen.next_page_button.isEnabled()
    assert len({id(image) for image in seen}) == pages                 # a different page each time
    click(qtbot, screen.previous_page_button)
    assert screen.preview.image is seen[-2]
    # large: the page takes most of the screen's width-or-height it can
    page = screen.preview.page_rect()
    assert page.height() >= window.height() * 0.75
