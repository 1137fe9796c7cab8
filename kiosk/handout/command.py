"""`kiosk handout`: an answers file (or --general) -> handout PDF, clinician summary, or the --explain JSON."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from kiosk.handout.builder import choose, choose_general
from kiosk.problems import format_report
from kiosk.survey.answers_file import AnswersFileError, load_answers
from kiosk.survey.conditions import visible_answers
from kiosk.survey.outcome import compute_outcome


def make_handout(loaded, args) -> int:
    content, config = loaded.content, loaded.config
    language = args.lang or config.default_language
    if language not in content.languages:
        print(f"Language {language!r} is not enabled ({', '.join(content.languages)})", file=sys.stderr)
        return 2
    if not (args.output or args.explain or args.summary):
        print("Say what to make: -o OUT.pdf, --summary SUMMARY.pdf and/or --explain", file=sys.stderr)
        return 2
    if args.general and args.summary:
        print("A general handout has no clinician summary (it belongs to no one's answers).", file=sys.stderr)
        return 2
    answers = {}
    if args.answers:
        try:
            answers = visible_answers(content.survey, load_answers(Path(args.answers), content.survey))
        except AnswersFileError as error:
            print(format_report(error.problems), file=sys.stderr)
            return 2
    if args.explain:
        print(json.dumps(_explain(content, answers, args.general)))
    if args.output or args.summary:
        return _write(content, config, answers, language, args)
    return 0


def _explain(content, answers, general: bool) -> dict:
    outcome = compute_outcome(content.survey, answers)
    choice = choose_general(content.handout) if general else choose(content.handout, answers, outcome)
    return {**outcome.as_json(), "sections": [section.id for section in choice.sections],
            "doctor_questions": [question.id for question in choice.doctor_questions]}


def _write(content, config, answers, language: str, args) -> int:
    from kiosk.handout.documents import make_documents, make_general_handout

    now = datetime.now()
    if args.general:
        pdfs = {args.output: make_general_handout(content, config, language, now)}
    else:
        documents = make_documents(content, config, answers, language, now, name=args.name,
                                   with_summary=bool(args.summary))
        pdfs = {args.output: documents.handout, args.summary: documents.summary}
    for path, data in pdfs.items():
        if not path:
            continue
        try:
            Path(path).write_bytes(data)
        except OSError as error:
            print(f"Could not write {path}: {error.strerror}", file=sys.stderr)
            return 1
        print(f"Wrote {path}", file=sys.stderr)
    return 0
