"""The composition root: `kiosk <command>`. Parses arguments, builds collaborators, hands over.

Qt is imported only by the commands that show or render screens, so `kiosk check` stays quick.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.problems import format_report


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="site config file (else $KIOSK_CONFIG, else the "
                                                          "platform config folder, else built-in defaults)")
    parser = argparse.ArgumentParser(prog="kiosk", description="Clinic waiting-room kiosk.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", parents=[common], help="start the kiosk (the default command)")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--windowed", action="store_true", help="a normal window, for development")
    mode.add_argument("--fullscreen", action="store_true", help="full screen even without a touch screen")
    run.add_argument("--content", metavar="DIR", help="use this content folder")

    check = commands.add_parser("check", parents=[common], help="check the content and config, list problems")
    check.add_argument("--content", metavar="DIR", help="content folder to check (default: the configured one)")

    config = commands.add_parser("config", parents=[common], help="show the config in use")
    config.add_argument("--example", action="store_true", help="print a commented example config file")

    text = commands.add_parser("text", parents=[common], help="print all patient-facing text, a paragraph a line")
    text.add_argument("--lang", required=True, help="language code, e.g. en or es")
    text.add_argument("--part", action="append", choices=("explainer", "survey", "handout"),
                      help="which part (repeatable; default: all)")
    text.add_argument("--content", metavar="DIR", help="content folder (default: the configured one)")

    outcome = commands.add_parser("outcome", parents=[common],
                                  help="print the outcome of an answers file as JSON (alert level, MNSI score, flags)")
    outcome.add_argument("--answers", required=True, metavar="FILE", help="YAML: question id -> answer")
    outcome.add_argument("--content", metavar="DIR", help="content folder (default: the configured one)")

    handout = commands.add_parser("handout", parents=[common], help="make a handout PDF from an answers file, or a "
                                                                    "general one with --general")
    source = handout.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", metavar="FILE", help="YAML: question id -> answer (as for `kiosk outcome`)")
    source.add_argument("--general", action="store_true", help="the handout for anyone, not personalized")
    handout.add_argument("--lang", default=None, help="language code (default: the configured default)")
    handout.add_argument("--name", default=None, help="print 'Prepared for NAME' (default: the answers' first_name)")
    handout.add_argument("-o", "--output", metavar="OUT.pdf", help="PDF file to write")
    handout.add_argument("--summary", metavar="SUMMARY.pdf", help="also write the clinician summary")
    handout.add_argument("--explain", action="store_true",
                         help="print JSON: alert level, MNSI score, flags, and the section and question ids chosen")
    handout.add_argument("--content", metavar="DIR", help="content folder (default: the configured one)")

    commands.add_parser("set-pin", parents=[common], help="set the staff PIN (stored as a salted hash)")

    self_test = commands.add_parser("self-test", parents=[common], help="offscreen: load, render every screen, "
                                    "make and print sample documents to a temporary folder; exit 0 if all works")
    self_test.add_argument("--content", metavar="DIR", help="content folder (default: the configured one)")

    commands.add_parser("printers", parents=[common], help="the configured printer's state, and the printers "
                                                           "this computer knows")
    print_file = commands.add_parser("print", parents=[common], help="queue a PDF through the kiosk's spool and "
                                                                     "send it (exits 0 even if the printer is off)")
    print_file.add_argument("file", metavar="FILE.pdf")
    print_file.add_argument("--printer", metavar="SPEC", help="cups:QUEUE, qt:NAME or folder:PATH "
                                                              "(default: the configured printer)")
    queue = commands.add_parser("queue", parents=[common], help="the print spool: list, retry or purge jobs")
    queue.add_argument("action", choices=("list", "retry", "purge"))
    queue.add_argument("--all", action="store_true", help="with purge: delete every job (retiring a kiosk)")

    shot = commands.add_parser("screenshot", parents=[common], help="render a screen to a PNG file, offscreen")
    shot.add_argument("--screen", required=True, help="welcome, explainer, explainer-menu, survey, review, "
                                                      "handout, alert-emergency, alert-urgent, done, idle-warning, "
                                                      "start-over, keys (the focus ring and Listen on), staff-pin, staff, "
                                                      "staff-exit or error")
    shot.add_argument("--question", help="survey question id, with --screen survey (default: the first)")
    shot.add_argument("--page", type=int, default=1, help="explainer chapter number (1 = the first)")
    shot.add_argument("--lang", default=None, help="language code (default: the configured default)")
    shot.add_argument("--size", default="1920x1080", help="window size WIDTHxHEIGHT (default 1920x1080)")
    shot.add_argument("--text-size", type=int, choices=(100, 125, 150), default=None)
    shot.add_argument("--high-contrast", action="store_true")
    shot.add_argument("--content", metavar="DIR", help="use this content folder")
    shot.add_argument("-o", "--output", required=True, help="PNG file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "run" and args.command is None:
        args = build_parser().parse_args(["run", *(argv if argv is not None else sys.argv[1:])])
    handler = {"run": cmd_run, "check": cmd_check, "text": cmd_text, "outcome": cmd_outcome, "handout": cmd_handout,
               "config": cmd_config, "set-pin": cmd_set_pin, "screenshot": cmd_screenshot,
               "printers": cmd_printers, "print": cmd_print, "queue": cmd_queue, "self-test": cmd_self_test}[command]
    try:
        return handler(args)
    except BrokenPipeError:  # `kiosk text ... | head`: the reader left; not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def cmd_check(args) -> int:
    from kiosk.startup import load_everything

    loaded = load_everything(args.config, args.content)
    if not loaded.ok:
        print(format_report(loaded.problems))
        return 1
    page_problems = _longest_handout_problems(loaded)
    if page_problems:
        print(format_report(page_problems))
        return 1
    source = loaded.config.source or "built-in defaults"
    print(f"OK: {loaded.content.summary()}; config: {source}")
    return 0


def _longest_handout_problems(loaded) -> list:
    """The longest handout laid out in every language (a render each, so here and not at every start)."""
    from kiosk.content.check_pages import page_count_problems
    from kiosk.content.loader import display_path
    from kiosk.problems import internal_error

    label = display_path(loaded.content.folder / "handout.yaml")
    try:
        return page_count_problems(loaded.content, loaded.config, label)
    except Exception as error:  # noqa: BLE001 - content that loads but will not lay out is still a list item
        return [internal_error(label, error)]


def _load_or_report(args):
    """The loaded config and content, or None after printing every problem to stderr."""
    from kiosk.startup import load_everything

    loaded = load_everything(args.config, args.content)
    if not loaded.ok:
        print(format_report(loaded.problems), file=sys.stderr)
        return None
    return loaded


def cmd_text(args) -> int:
    from kiosk.config import clinic_values
    from kiosk.content.text_export import PARTS, part_lines

    loaded = _load_or_report(args)
    if loaded is None:
        return 1
    if args.lang not in loaded.content.languages:
        print(f"Language {args.lang!r} is not enabled ({', '.join(loaded.content.languages)})", file=sys.stderr)
        return 2
    values = clinic_values(loaded.config.clinic)
    for part in args.part or PARTS:
        for line in part_lines(loaded.content, part, args.lang, values):
            print(line)
    return 0


def cmd_outcome(args) -> int:
    import json

    from kiosk.survey.answers_file import AnswersFileError, load_answers
    from kiosk.survey.outcome import compute_outcome

    loaded = _load_or_report(args)
    if loaded is None:
        return 2
    try:
        answers = load_answers(Path(args.answers), loaded.content.survey)
    except AnswersFileError as error:
        print(format_report(error.problems), file=sys.stderr)
        return 2
    print(json.dumps(compute_outcome(loaded.content.survey, answers).as_json()))
    return 0


def cmd_handout(args) -> int:
    from kiosk.handout.command import make_handout

    loaded = _load_or_report(args)
    if loaded is None:
        return 2
    return make_handout(loaded, args)


def cmd_config(args) -> int:
    from kiosk.config import find_config_file, load_config
    from kiosk.config_example import EXAMPLE

    if args.example:
        print(EXAMPLE, end="")
        return 0
    path = find_config_file(args.config)
    config, problems = load_config(path)
    print(f"config file: {path or 'none found; using built-in defaults'}")
    if problems:
        print(format_report(problems))
        return 1
    for name, value in vars(config).items():
        if name == "staff_pin_hash":
            value = "set" if value else "not set (the PIN is 0000 until `kiosk set-pin`)"
        print(f"{name}: {value}")
    return 0


def cmd_set_pin(args) -> int:
    from kiosk.config import find_config_file, load_config
    from kiosk.config_file import ConfigWriteError, write_pin_hash
    from kiosk import paths
    from kiosk.staff_pin import hash_pin, is_valid_new_pin

    path = find_config_file(args.config) or paths.user_config_file()
    if path.exists():
        _, problems = load_config(path)
        if problems:
            print(format_report(problems), file=sys.stderr)
            print("Fix these first, then set the PIN.", file=sys.stderr)
            return 1
    pin = getpass.getpass("New staff PIN (4 to 8 digits): ")
    if not is_valid_new_pin(pin):
        print("A PIN is 4 to 8 digits. Nothing was changed.", file=sys.stderr)
        return 2
    if getpass.getpass("Type it again: ") != pin:
        print("The two PINs differ. Nothing was changed.", file=sys.stderr)
        return 2
    try:
        written = write_pin_hash(path, hash_pin(pin))
    except ConfigWriteError as error:
        print(f"{error.message}. Nothing was changed.\n    How to fix: {error.fix}", file=sys.stderr)
        return 1
    print(f"Staff PIN set in {written}")
    return 0


def cmd_printers(args) -> int:
    from kiosk.printing.command import cmd_printers as printers

    return printers(args)


def cmd_print(args) -> int:
    from kiosk.printing.command import cmd_print as print_pdf

    return print_pdf(args)


def cmd_queue(args) -> int:
    from kiosk.printing.command import cmd_queue as queue

    return queue(args)


def cmd_self_test(args) -> int:
    from kiosk.self_test import run_self_test

    return run_self_test(args.config, args.content)


def cmd_run(args) -> int:
    from kiosk.single_instance import EXIT_ALREADY_RUNNING, claim_the_kiosk

    lock = claim_the_kiosk(args.config)   # one kiosk per machine and spool (spec §6)
    if lock is None:
        return EXIT_ALREADY_RUNNING
    from kiosk.ui.app import run_kiosk

    try:
        return run_kiosk(config_arg=args.config, content_arg=args.content,
                         force_windowed=args.windowed, force_fullscreen=args.fullscreen)
    finally:
        lock.release()


def cmd_screenshot(args) -> int:
    from kiosk.ui.screenshot import render_screenshot

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 1920x1080, not {args.size!r}", file=sys.stderr)
        return 2
    return render_screenshot(screen=args.screen, output=Path(args.output), size=(width, height),
                             language=args.lang, text_size=args.text_size, high_contrast=args.high_contrast,
                             config_arg=args.config, content_arg=args.content, page=args.page,
                             question=args.question)


if __name__ == "__main__":
    sys.exit(main())
