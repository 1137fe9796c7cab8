"""load -> read -> check, for every content file, collecting all problems before anyone sees the kiosk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from kiosk.content.check_glyphs import check_document_glyphs
from kiosk.content.model import Content
from kiosk.content.read_explainer import read_explainer
from kiosk.content.read_handout import read_handout
from kiosk.content.read_survey import read_survey
from kiosk.content.read_ui import read_language_names, read_ui
from kiosk.fields import Fields
from kiosk.problems import Problem, internal_error
from kiosk.yamldoc import YamlDoc, load_yaml_file

CONTENT_FILES = ("ui.yaml", "explainer.yaml", "survey.yaml", "handout.yaml")


def display_path(path: Path) -> str:
    """Relative to the working folder when inside it (short, as in `content/survey.yaml`), else absolute."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


EnabledAt = Callable[[str], "tuple[str, str, int | None] | None"]   # a language -> (file, path, line) enabling it


def load_content(folder: Path, languages: tuple[str, ...], assets: Path,
                 enabled_at: EnabledAt | None = None) -> tuple[Content | None, list[Problem]]:
    """The content in `folder` for the enabled `languages`, or None and every problem found. `enabled_at(code)`
    says where a language was enabled (file, path, line: the config's languages list), so that a language the
    content does not have is reported there."""
    if not folder.is_dir():
        return None, [Problem(display_path(folder), "", "the content folder does not exist",
                              "Check content_dir in the config file, or remove it to use the built-in content.")]
    docs = {name: load_yaml_file(folder / name, display_path(folder / name)) for name in CONTENT_FILES}
    problems = [problem for doc in docs.values() for problem in doc.problems]
    if problems:
        return None, problems

    ui_doc = docs["ui.yaml"]
    names = _guarded(ui_doc, lambda: read_language_names(Fields(ui_doc, ()), ui_doc.data)) or {}
    missing = [language for language in languages if language not in names]
    fix = ("Remove it from the config's languages, or add it to the content: '{0}: <its name>' under languages "
           "in ui.yaml, and its text everywhere.")
    for language in missing:
        where = enabled_at(language) if enabled_at else None
        if where is None:
            ui_doc.problem(("languages",), f"the config enables '{language}', but the content has no such "
                                           "language", fix.format(language))
        else:
            file, path, line = where
            problems.append(Problem(file, path, f"'{language}' is enabled here, but the content "
                                    f"({display_path(folder)}) has no such language", fix.format(language), line))
    if missing:
        return None, problems + ui_doc.problems

    for doc in docs.values():   # text the handout's fonts would print as empty boxes (check_glyphs.py)
        _guarded(doc, lambda: check_document_glyphs(doc))

    def fields(name: str) -> Fields:
        return Fields(docs[name], languages, known_languages=names)

    ui = _guarded(ui_doc, lambda: read_ui(fields("ui.yaml"), ui_doc.data, names))
    explainer = _guarded(docs["explainer.yaml"], lambda: read_explainer(fields("explainer.yaml"),
                                                                        docs["explainer.yaml"].data, assets))
    survey = _guarded(docs["survey.yaml"], lambda: read_survey(fields("survey.yaml"), docs["survey.yaml"].data,
                                                               assets))
    handout = _guarded(docs["handout.yaml"], lambda: read_handout(fields("handout.yaml"),
                                                                  docs["handout.yaml"].data, assets, survey))
    problems = [problem for doc in docs.values() for problem in doc.problems]
    if problems or None in (ui, explainer, survey, handout):
        return None, problems
    return Content(folder, languages, ui, explainer, survey, handout), []


def _guarded(doc: YamlDoc, read):
    """The reader's result, or None with an internal-error problem in the file it was reading: content the
    readers did not foresee must still end in a list for the author, never a traceback (and never a kiosk that
    cannot start its error screen)."""
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - the safety net; the fuzzer counts every catch as a bug
        doc.problems.append(internal_error(doc.label, error))
        return None
