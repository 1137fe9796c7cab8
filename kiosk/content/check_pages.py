"""How long can the handout get? `kiosk check` lays out the longest one the content can produce, in every
enabled language, and refuses content whose longest handout runs past the renderer's page limit (a clinic that
grows a section's text would otherwise print 10 to 35 pages for some patients, found only at the front desk).

The longest handout is the one for a patient whose answers include every section the sample patient of
kiosk/survey/sample.py can reach (EVERY_SECTION_ANSWERS; answers the site's survey does not take are dropped),
with a long name and a three-digit handout number. It takes a render per language (about a second each), so it
runs in `kiosk check` and not at every start.
"""

from __future__ import annotations

from datetime import date

from kiosk.config import SiteConfig
from kiosk.content.model import Content
from kiosk.problems import Problem

LONG_NAME = "Maximiliano Bartholomew-Quiñonez"
LONGEST_DAY = date(2026, 9, 30)   # a long month name in both languages, a two-digit day
FIX = ("Shorten the sections' text (the longest handout includes every section), or make more sections depend "
       "on answers with include_if.")

TOO_TALL_FIX = "Shorten the longest paragraph or list, above all in boxed parts such as the get-help box."


def longest_answers(content: Content) -> dict:
    """The every-section sample patient's answers that this site's survey accepts."""
    from kiosk.survey.sample import EVERY_SECTION_ANSWERS
    from kiosk.survey.values import InvalidAnswer, check_answer

    answers = {}
    for question_id, value in EVERY_SECTION_ANSWERS.items():
        if not content.survey.has_question(question_id):
            continue
        try:
            answers[question_id] = check_answer(content.survey.question(question_id), value)
        except InvalidAnswer:
            continue
    return answers


def page_count_problems(content: Content, config: SiteConfig, handout_label: str) -> list[Problem]:
    from reportlab.platypus.doctemplate import LayoutError

    from kiosk.handout.builder import build_handout
    from kiosk.handout.render import MAX_PAGES, render_handout_with_layout
    from kiosk.survey.outcome import compute_outcome

    answers = longest_answers(content)
    outcome = compute_outcome(content.survey, answers)
    problems = []
    for language in content.languages:
        spec = build_handout(content, answers, outcome, language=language, clinic=config.clinic,
                             today=LONGEST_DAY, paper=config.paper, name=LONG_NAME, number=999)
        try:
            _, fill = render_handout_with_layout(spec)
        except LayoutError:   # a box the layout keeps whole (like the get-help box) taller than a page
            problems.append(Problem(handout_label, "sections", f"a part of the handout in '{language}' is taller "
                                                               "than a page and cannot be laid out, so the "
                                                               "handout would not print", TOO_TALL_FIX))
            continue
        pages = len(fill.shares)
        if pages > MAX_PAGES:
            problems.append(Problem(handout_label, "sections", f"the longest handout runs to {pages} pages in "
                                                               f"'{language}' (at most {MAX_PAGES} fit the promise "
                                                               "to patients)", FIX))
    return problems
