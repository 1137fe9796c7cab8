"""Every patient screen as a screen reader receives it, in each language (spec §7, issue 18).

One kiosk per language, on Xvfb with the real AT-SPI bus, driven as a blind patient's screen reader drives it:
every button is activated through its accessible action, never clicked. The walk goes welcome -> explainer (a
page, Next, Back, the chapter menu, a chapter) -> every kind of question (multi-choice in pages, single, the body
map, a number row, yes/no, the first name with its keyboard) with the urgent alert, the idle warning and
"Erase all your answers?" on the way -> review -> handout -> done, then a second visit to the emergency screen.

On every screen: each actionable object (a role a patient acts on, or any accessible action) has a name, and
that name is words of the visit's language from content/ (never a hard-coded word); every leaf object that is
not a label (a picture, page dots) has a name; the accessible language is the visit's. Each screen change, the
idle warning and the emergency are announced. The expected words are read from content/ and the screen model
(kiosk/ui/says.py), never written here.
"""

from __future__ import annotations

import re
import time

import pytest

from kiosk.content.model import KIND_BODY_MAP, KIND_MULTI, KIND_TEXT, KIND_YES_NO, NUMBER_KINDS, SKIP_KINDS
from kiosk.survey.outcome import alert_level
from kiosk.survey.session import SurveySession
from kiosk.survey.words import answer_in_words
from kiosk.ui.answer_gate import QUIET_S
from kiosk.ui.says import ROLE_TOGGLE, question_says
from kiosk.ui.widgets.keyboard import ROWS
from kiosk.ui.widgets.registry import ONE_TAP_KINDS
from tests.ui.atspi_session import AtspiKiosk
from tests.ui.drive import EVENTUALLY_MS

pytestmark = pytest.mark.ui

DEFAULT_LANGUAGE = "en"
# The shortest idle time the config allows, so the walk can wait for the idle warning; the reader moves the
# pointer a pixel after each activation (a screen reader's activate is no input event), so elsewhere none comes.
CONFIG = f"default_language: {DEFAULT_LANGUAGE}\nidle:\n  survey_seconds: 15\n  countdown_seconds: 20\n"
WAIT_S = EVENTUALLY_MS / 1000
# Once the new screen shows, its announcement (sent before it, on the same D-Bus connection, which keeps one
# sender's messages in order) has reached the reader: this only lets the reader dispatch it.
HEARD_S = 10
NAMED_LEAVES_EXCEPT = {"label", "separator", "scroll bar"}   # a leaf of any other role is a thing: it needs a name
CHOICE_ROLES = {"radio button", "check box"}
FIRST_NAME = "Ana"
# The patient's answers on the first visit: one urgent red flag (the urgent alert), then cramps (the body map,
# number rows and the follow-ups); other questions get their first choice.
FIRST_VISIT = {"red_flags": ("one_leg_swollen",), "cramp_any": "yes", "cramp_nights": 3, "cramp_worst_pain": 7}


def template(text: str) -> re.Pattern:
    """A ui string with {placeholders} as a pattern of what it can read once filled in."""
    return re.compile(".+?".join(re.escape(part) for part in re.split(r"\{[a-z_]+\}", text)))


def words_of(content, language: str) -> tuple[set[str], list[re.Pattern]]:
    """Every name a control may have in `language`: content's words in that language (and language names, each
    in its own language; keyboard letters), exactly or as a filled-in template."""
    ui = content.ui
    exact = set(ui.language_names.values()) | {letter for row in ROWS for letter in row}
    patterns = []
    for texts in ui.strings.values():
        text = texts[language]
        if "{" in text:
            patterns.append(template(text))
        else:
            exact.add(text)
    survey = content.survey
    exact |= {section.title[language] for section in survey.sections}
    for question in survey.questions:
        says = question_says(question, ui, language, None, (1, 1), False)
        exact |= {control.name for control in says.controls} | {question.prompt[language]}
        exact |= {choice.label[language] for choice in question.choices}
    for number, chapter in enumerate(content.explainer.chapters, 1):
        exact |= {chapter.title[language], f"{number}. {chapter.title[language]}", chapter.illustration.alt[language]}
    return exact, patterns


class Walk:
    def __init__(self, reader, content, language: str):
        self.reader, self.content, self.language = reader, content, language
        self.ui = content.ui
        self.exact, self.patterns = words_of(content, language)
        self.problems: list[str] = []
        self.screens: list[str] = []      # every screen checked, for the report
        self.where = "start"
        self._last_action = 0.0

    def words(self, key: str, language: str | None = None, **values) -> str:
        return self.ui.get(key, language or self.language, **values)

    # --- driving ------------------------------------------------------------------------------------------

    def press(self, name: str) -> None:
        # A patient takes in what changed before acting: the kiosk ignores an answer within QUIET_S of the
        # question appearing or of the last answer (spec §2.2), a screen reader's activate included.
        time.sleep(max(0.0, self._last_action + QUIET_S + 0.15 - time.monotonic()))
        answer = self.reader.ask("press", name)
        self._last_action = time.monotonic()
        assert answer.get("pressed") == name, f"{self.where}: nothing named {name!r} to press"
        self.reader.ask("nudge")

    def wait_showing(self, name: str) -> None:
        found = self.reader.ask("showing", name, WAIT_S)["showing"]
        self._last_action = time.monotonic()   # what shows now was painted just before
        assert found, f"{self.where}: {name!r} never showed"

    def go(self, name: str, heard: str, where: str, shows: str | None = None) -> None:
        """Press `name`: a new screen whose title is `heard` shows (or whose `shows` does), and a screen reader
        is told `heard`."""
        mark = self.reader.ask("mark")["count"]
        self.press(name)
        self.where = where
        self.wait_showing(shows or heard)
        if not self.reader.ask("announced", heard, HEARD_S, mark)["announced"]:
            self.problems.append(f"{where}: no announcement of {heard!r} after pressing {name!r}")

    def wait_gone(self, name: str) -> None:
        """Until nothing named `name` shows (Qt acts on an accessible action after it has answered it)."""
        deadline = time.monotonic() + WAIT_S
        while any(node["name"] == name for node in self.tree()):
            assert time.monotonic() < deadline, f"{self.where}: {name!r} stayed"

    def tree(self) -> list[dict]:
        return self.reader.ask("tree")["tree"]

    # --- checking -----------------------------------------------------------------------------------------

    def in_language(self, name: str) -> bool:
        return name in self.exact or any(pattern.fullmatch(name) for pattern in self.patterns)

    def check(self, where: str, expected: set[str] = frozenset(), extra_words: set[str] = frozenset()) -> set[str]:
        """Checks the screen in view; returns the names of its actionable objects."""
        self.where = where
        self.screens.append(where)
        tree = self.tree()
        controls = self.controls = [node for node in tree if node["actionable"]]
        for node in controls:
            if not node["name"].strip():
                self.problems.append(f"{where}: a {node['role']} with actions {node['actions']} has no name")
            elif not self.in_language(node["name"]) and node["name"] not in extra_words:
                self.problems.append(f"{where}: the {node['role']} {node['name']!r} is not words of content "
                                     f"in '{self.language}'")
            if node["role"] in CHOICE_ROLES and node["actions"][:1] != ["Press"]:
                # Qt's own "Toggle" ticks the box and never emits clicked: the kiosk would not take the answer
                self.problems.append(f"{where}: the {node['role']} {node['name']!r} acts first by "
                                     f"{node['actions'][:1]}, not Press (a tap)")
        inside_named_control = -1   # depth of a named control whose subtree is being read (its icon is its part)
        for node in tree:
            if inside_named_control >= 0 and node["depth"] <= inside_named_control:
                inside_named_control = -1
            if node["actionable"] and node["name"].strip() and inside_named_control < 0:
                inside_named_control = node["depth"]
            if node["leaf"] and node["role"] not in NAMED_LEAVES_EXCEPT and not node["actionable"] \
                    and not node["name"].strip() and inside_named_control < 0:
                self.problems.append(f"{where}: a {node['role']} (a picture or a thing of its own) has no name")
        names = {node["name"] for node in controls}
        for name in sorted(expected - names):
            self.problems.append(f"{where}: no control named {name!r}")
        locales = {node["locale"].split("_")[0] for node in tree}
        if locales != {self.language}:
            self.problems.append(f"{where}: the accessible language is {sorted(locales)}, not '{self.language}'")
        return names

    # --- the walk -----------------------------------------------------------------------------------------

    def run(self) -> None:
        self.wait_showing(self.words("welcome.start_check", DEFAULT_LANGUAGE))
        self.choose_language()
        self.welcome()
        self.explainer()
        self.first_visit()
        self.second_visit()

    def choose_language(self) -> None:
        if self.language != DEFAULT_LANGUAGE:
            self.go(self.ui.language_names[self.language], self.words("welcome.title"), "welcome, new language",
                    shows=self.words("welcome.start_check"))   # the change is heard, in the new language

    def welcome(self) -> None:
        self.check("welcome", {*self.ui.language_names.values(), self.words("welcome.start_check"),
                               self.words("welcome.learn"), self.words("speech.listen"),
                               self.words("comfort.high_contrast")})

    def explainer(self) -> None:
        chapters = self.content.explainer.chapters
        title = [chapter.title[self.language] for chapter in chapters]
        page_actions = {self.words(key) for key in ("speech.listen", "explainer.chapters", "common.start_over",
                                                    "common.back", "welcome.start_check", "common.next")}
        self.go(self.words("welcome.learn"), title[0], "explainer, page 1")
        self.check("explainer, page 1", page_actions)
        self.go(self.words("common.next"), title[1], "explainer, page 2 (Next)")
        self.check("explainer, page 2 (Next)", page_actions)
        self.go(self.words("common.back"), title[0], "explainer, page 1 (Back)")
        self.go(self.words("explainer.chapters"), self.words("explainer.menu_title"), "explainer, chapter menu")
        self.check("explainer, chapter menu", {f"{number}. {name}" for number, name in enumerate(title, 1)})
        self.go(f"3. {title[2]}", title[2], "explainer, chapter 3 from the menu")
        self.check("explainer, chapter 3 from the menu", page_actions)

    def first_visit(self) -> None:
        session = SurveySession(self.content.survey)
        self.go(self.words("welcome.start_check"), session.question.prompt[self.language], "question 1")
        idle_shown = confirm_shown = False
        while not session.at_review:
            question = session.question
            where = f"question '{question.id}' ({question.kind})"
            if question.kind == KIND_BODY_MAP and not idle_shown:
                self.idle_warning(where)
                idle_shown = True
            if question.kind in NUMBER_KINDS and session.finish() and not confirm_shown:
                self.start_over_question(where)
                confirm_shown = True
            self.answer(session, FIRST_VISIT.get(question.id, self.first_choice(question)), where)
        assert idle_shown and confirm_shown
        self.review(session)
        self.handout()

    def second_visit(self) -> None:
        """A new visit (in the visit's language again) whose red flag is an emergency."""
        self.choose_language()
        session = SurveySession(self.content.survey)
        self.go(self.words("welcome.start_check"), session.question.prompt[self.language], "second visit, question 1")
        emergency = next(choice.id for choice in session.question.choices if choice.alert == "emergency")
        self.answer(session, (emergency,), "second visit, question 1")
        self.check("emergency screen", {self.words("alert.emergency.staff"), self.words("speech.listen")})

    def first_choice(self, question):
        if question.kind == KIND_YES_NO:
            return "yes"
        if question.kind in NUMBER_KINDS:
            return question.min
        if question.kind == KIND_TEXT:
            return FIRST_NAME
        choice = next(choice.id for choice in question.choices if choice.id not in SKIP_KINDS
                      and not choice.exclusive)
        return (choice,) if question.kind in (KIND_MULTI, KIND_BODY_MAP) else choice

    def answer(self, session: SurveySession, value, where: str) -> None:
        """Checks the question (each page of its choices), answers it as a screen reader user would, and
        follows the kiosk to what comes next."""
        question = session.question
        language = self.language
        says = question_says(question, self.ui, language, None, session.progress(), False)
        choice_names = {control.id: control.name for control in says.choices}
        chosen = [choice_names[str(item)] for item in (value if isinstance(value, tuple) else (value,))] \
            if question.kind != KIND_TEXT else []
        toggles = question.kind in (KIND_MULTI, KIND_BODY_MAP)
        # one of several (a number of a row too) is a radio button; any of several is a check box
        roles = {control.name: "check box" if control.role == ROLE_TOGGLE else "radio button"
                 for control in says.choices}
        always = {self.words(key) for key in ("common.back", "common.start_over", "speech.listen")}
        more = self.words("survey.more_choices")
        seen: set[str] = set()
        page = 1
        while True:
            names = self.check(f"{where}, page {page}" if page > 1 else where, always, {FIRST_NAME})
            seen |= names
            for node in self.controls:
                role = roles.get(node["name"])
                if role is not None and node["role"] != role:
                    self.problems.append(f"{where}: the choice {node['name']!r} is a {node['role']}, not a {role}")
            if toggles:
                for name in chosen:
                    if name in names:
                        self.press(name)
            if more not in names or not toggles:   # a one-tap answer is taken from the first page
                break
            page += 1
            heard = self.filled_in("survey.choices_page", "total", current=page)   # "Choices 2 of "
            mark = self.reader.ask("mark")["count"]
            self.press(more)
            self.wait_named(heard)
            if not self.reader.ask("announced", heard, HEARD_S, mark)["announced"]:
                self.problems.append(f"{where}: no announcement of the choices' page {page} ('{heard}...')")
        if question.kind != KIND_TEXT and (toggles or more not in seen):
            missing = set(choice_names.values()) - seen
            if missing:
                self.problems.append(f"{where}: choices never shown with their names: {sorted(missing)}")
        session.set_answer(value)
        level = alert_level(self.content.survey, session.finish())[0] if question.id == "red_flags" else "none"
        if level == "none":
            session.next()
        heard = self.words(f"alert.{level}.title") if level != "none" else \
            self.words("review.title") if session.at_review else session.question.prompt[language]
        if question.kind == KIND_TEXT:
            for count, letter in enumerate(value, 1):
                self.press(letter.upper())
                self.wait_showing(f"{value[:count]}_")   # the name so far, and the keyboard's cursor
            self.go(self.words("keyboard.done"), heard, "after the first name")
        elif question.kind in ONE_TAP_KINDS:
            self.go(chosen[0], heard, f"after {where}")
        else:
            self.go(self.words("common.next"), heard, f"after {where}")
        if level == "urgent":
            self.check("urgent alert", {self.words("alert.urgent.continue"), self.words("common.start_over")})
            session.next()
            self.go(self.words("alert.urgent.continue"), session.question.prompt[language], "after the urgent alert")

    def filled_in(self, key: str, unknown: str, **values) -> str:
        """A ui string filled in up to the placeholder `unknown`, whose value the test cannot know."""
        text = self.words(key, **values, **{unknown: "\0"})
        return text[:text.index("\0")]

    def wait_named(self, start: str) -> None:
        """Until an object whose name starts with `start` shows (a new page's "Choices 2 of ")."""
        deadline = time.monotonic() + WAIT_S
        while not any(node["name"].startswith(start) for node in self.tree()):
            assert time.monotonic() < deadline, f"{self.where}: {start!r}... never showed"

    def idle_warning(self, where: str) -> None:
        """No touch for the quiet time: "Are you still there?" is announced, named, and more time is given."""
        mark = self.reader.ask("mark")["count"]
        title = self.words("idle.title")
        if not self.reader.ask("announced", title, WAIT_S, mark)["announced"]:
            self.problems.append(f"{where}: no announcement of the idle warning {title!r}")
        more_time = self.words("idle.more_time")
        self.wait_showing(more_time)
        self.check(f"idle warning over {where}", {more_time})
        self.press(more_time)
        self.wait_gone(more_time)

    def start_over_question(self, where: str) -> None:
        """Start over with answers given: "Erase all your answers?" is announced and named; keep them."""
        self.go(self.words("common.start_over"), self.words("confirm.start_over.title"), f"start over on {where}")
        keep = self.words("confirm.start_over.keep")
        self.check(f"start over on {where}", {keep, self.words("confirm.start_over.erase")})
        self.press(keep)
        self.wait_gone(keep)

    def review(self, session: SurveySession) -> None:
        rows = {f"{question.prompt[self.language]}: "
                f"{answer_in_words(question, value, session.is_skipped(question.id), self.ui, self.language)}"
                for question, value in session.review_items()}
        self.check("review", rows | {self.words("review.finish"), self.words("common.back")}, rows)

    def handout(self) -> None:
        self.go(self.words("review.finish"), self.words("handout.title"), "handout")
        self.wait_showing(self.words("handout.print"))   # enabled once the handout is made
        self.check("handout", {self.words("handout.print"), self.words("handout.change"),
                               self.words("common.start_over")})
        mark = self.reader.ask("mark")["count"]
        # the screen's words change when the number comes (once the job is spooled): Done shows either way
        self.go(self.words("handout.print"), self.words("done.title"), "done", shows=self.words("common.done"))
        printing = self.filled_in("done.printing", "number")
        if not self.reader.ask("announced", printing, WAIT_S, mark)["announced"]:
            self.problems.append(f"done: the handout's number was not announced ('{printing}…')")
        self.check("done", {self.words("common.done")})
        self.go(self.words("common.done"), self.words("welcome.title", DEFAULT_LANGUAGE), "welcome again")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_patient_screen_is_named_and_announced_in_the_visits_language(language, tmp_path, shipped_content):
    with AtspiKiosk(tmp_path / "home", config_text=CONFIG) as kiosk:
        walk = Walk(kiosk.reader(), shipped_content, language)
        walk.run()
    assert not walk.problems, f"{len(walk.problems)} problems on {len(walk.screens)} screens:\n" + \
        "\n".join(walk.problems)
