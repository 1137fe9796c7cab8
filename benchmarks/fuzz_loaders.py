"""A seeded mutation fuzzer over every file the kiosk reads as YAML: the four content files, a site config and an
answers file (issue 16: "bad content gets a clear list, never a traceback").

Each case takes one shipped file (or the example config, or the sample patient's answers), applies one to three
mutations, and reads it the way `kiosk check`, `kiosk run`, `kiosk outcome` and `kiosk handout` do; what is
accepted goes on through the pure layers (the outcome, the handout's choice, its spec and the clinician
summary's in every language; for content, also the general handout). A case fails when reading or using raises
(a traceback), when a problem does not name a file of the case, or when the loader's safety net had to catch an
error (an "internal error" problem: a reader bug the net hid). The full run also counts hangs and cases slower
than SLOW_SECONDS.

`python -m benchmarks.fuzz_loaders [--cases 3000] [--seed 16] [--json]`; the tests run a short form
(tests/test_fuzz_loaders.py).
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CONTENT_FILES = ("ui.yaml", "explainer.yaml", "survey.yaml", "handout.yaml")
TARGETS = (*CONTENT_FILES, "config.yaml", "answers.yaml")
SLOW_SECONDS = 5.0

# A value line: indentation, an optional "- ", a key, ": ", then the value.
VALUE_LINE_PATTERN = r"^(\s*(?:- )?[A-Za-z0-9_.\"']+:[ ]+)(\S.*)$"
TAGS = ('!!int ', '!custom ', '!!float ', '!!timestamp ', '!!binary ', '!!python/object:os.system ', '!!str ',
        '!!map ', '!!seq ', '! ', '!!bool ', '!!null ', '!<tag:yaml.org,2002:int> ')
ODD_TEXT = ("\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301\u0301\u0301", "\U0001F9B6\U0001F3FD", "\x00", "\ufeff",
            "\u200b", "\t", "{clinic_name", "}", "{unknown}", "\U0001D573", "\u0130\u0131", "\ud7ff", "\\", "\"",
            "'", "#", ": ", "- ", "&", "*", "%", "@", "`", "|", ">", "\u2028", "\x85")
WRONG_TYPES: tuple[Callable[[random.Random], Any], ...] = (
    lambda r: r.randint(-10**6, 10**6), lambda r: r.random() * 1e6, lambda r: r.choice([True, False]),
    lambda r: None, lambda r: "", lambda r: [], lambda r: {}, lambda r: ["x", 1, None],
    lambda r: {"en": 1, "es": None}, lambda r: float("nan"), lambda r: float("inf"), lambda r: 10**30,
    lambda r: "yes", lambda r: "no", lambda r: "on", lambda r: "2024-13-45", lambda r: "1e999",
    lambda r: {7: "x", 2.5: "y", True: "z"}, lambda r: r.choice(ODD_TEXT) * r.randint(1, 5),
)


@dataclass
class CaseResult:
    case: int
    target: str
    mutations: list[str]
    seconds: float
    problems: int = 0
    traceback: str | None = None
    unnamed_problems: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    found: list = field(default_factory=list)   # the problems themselves, when the run keeps them

    @property
    def failed(self) -> bool:
        return bool(self.traceback or self.unnamed_problems or self.internal_errors)


# ---------------------------------------------------------------------------------------------- mutations


def _value_lines(text: str) -> list[int]:
    import re

    pattern = re.compile(VALUE_LINE_PATTERN)
    return [index for index, line in enumerate(text.splitlines()) if pattern.match(line)]


def _edit_value_line(text: str, rng: random.Random, edit: Callable[[str, str], str]) -> str:
    import re

    lines = text.splitlines()
    candidates = _value_lines(text)
    if not candidates:
        return text
    index = rng.choice(candidates)
    match = re.match(VALUE_LINE_PATTERN, lines[index])
    lines[index] = edit(match.group(1), match.group(2))
    return "\n".join(lines) + "\n"


def add_tag(text: str, rng: random.Random) -> str:
    tag = rng.choice(TAGS)
    return _edit_value_line(text, rng, lambda head, value: head + tag + value)


def add_anchor_and_alias(text: str, rng: random.Random) -> str:
    name = rng.choice(["a", "x1", "base"])
    text = _edit_value_line(text, rng, lambda head, value: f"{head}&{name} {value}")
    return _edit_value_line(text, rng, lambda head, value: f"{head}*{name}")


def add_recursive_alias(text: str, rng: random.Random) -> str:
    return _edit_value_line(text, rng, lambda head, value: head + "&r [*r, *r]")


def add_alias_bomb(text: str, rng: random.Random) -> str:
    """7 levels of 9: 340 bytes that expand to 9**7 (4.8 million) strings."""
    levels = ["bomb0: &b0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"bomb{n}: &b{n} [" + ", ".join([f"*b{n - 1}"] * 9) + "]" for n in range(1, 8)]
    return text.rstrip("\n") + "\n" + "\n".join(levels) + "\n"


def truncate(text: str, rng: random.Random) -> str:
    return text[:rng.randint(0, len(text))]


def delete_lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    if not lines:
        return text
    start = rng.randrange(len(lines))
    del lines[start:start + rng.randint(1, 4)]
    return "\n".join(lines) + "\n"


def duplicate_lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    if not lines:
        return text
    start = rng.randrange(len(lines))
    chunk = lines[start:start + rng.randint(1, 6)]
    lines[start:start] = chunk
    return "\n".join(lines) + "\n"


def insert_unicode(text: str, rng: random.Random) -> str:
    odd = "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.5:
        return _edit_value_line(text, rng, lambda head, value: head + '"' + odd + '"')
    position = rng.randint(0, len(text))
    return text[:position] + odd + text[position:]


def invalid_utf8(text: str, rng: random.Random) -> bytes:
    data = text.encode("utf-8")
    position = rng.randint(0, len(data))
    return data[:position] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]) + data[position:]


def huge_string(text: str, rng: random.Random) -> str:
    size = rng.choice([10_000, 100_000, 900_000])
    return _edit_value_line(text, rng, lambda head, value: head + '"' + "x" * size + '"')


def huge_list(text: str, rng: random.Random) -> str:
    count = rng.choice([1_000, 20_000])
    item = rng.choice(["x", "1", "{id: x}", "[]"])
    return _edit_value_line(text, rng, lambda head, value: head + "[" + ", ".join([item] * count) + "]")


def deep_nesting(text: str, rng: random.Random) -> str:
    depth = rng.choice([20, 31, 40, 200, 3000])
    opening, closing = rng.choice([("[", "]"), ("{a: ", "}")])
    return _edit_value_line(text, rng, lambda head, value: head + opening * depth + "1" + closing * depth)


def _walk(data: Any, path: tuple = ()) -> list[tuple]:
    """Every path in a plain structure."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _walk(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _walk(value, path + (index,))
    return found


def _plain_data(text: str) -> Any:
    """The file's data when it is still plain (a structural mutation needs it), else None. A file an earlier
    mutation gave a tag or an alias is left alone: PyYAML itself would expand a bomb or fail on a tag."""
    import re

    if re.search(r"[&*!][\w<]", text):
        return None
    try:
        return yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - PyYAML raises more than YAMLError on odd input; skip those
        return None


def _structural(text: str, rng: random.Random, change: Callable[[Any, Any, random.Random], None]) -> str:
    """Parse the (still plain) file, change one place in the data, and write it back as YAML."""
    data = _plain_data(text)
    if data is None:
        return text
    paths = [path for path in _walk(data) if path]
    if not paths:
        return text
    path = rng.choice(paths)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    change(parent, path[-1], rng)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def wrong_type(text: str, rng: random.Random) -> str:
    def change(parent, key, rng):
        parent[key] = rng.choice(WRONG_TYPES)(rng)
    return _structural(text, rng, change)


def delete_entry(text: str, rng: random.Random) -> str:
    def change(parent, key, rng):
        del parent[key]
    return _structural(text, rng, change)


def duplicate_entry(text: str, rng: random.Random) -> str:
    def change(parent, key, rng):
        if isinstance(parent, list):
            parent.insert(key, parent[key])
        else:
            parent[f"{key}_copy" if rng.random() < 0.5 else key] = parent[key]
    return _structural(text, rng, change)


def swap_values(text: str, rng: random.Random) -> str:
    """Two values trade places: ids, texts and lists end up where another kind was expected."""
    data = _plain_data(text)
    if data is None:
        return text
    paths = [path for path in _walk(data) if path]
    if len(paths) < 2:
        return text
    first, second = rng.sample(paths, 2)
    if first[:len(second)] == second or second[:len(first)] == first:
        return text

    def parent_of(path):
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        return parent

    a, b = parent_of(first), parent_of(second)
    a[first[-1]], b[second[-1]] = b[second[-1]], a[first[-1]]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


MUTATIONS: dict[str, Callable[[str, random.Random], str | bytes]] = {
    "tag": add_tag, "anchor_alias": add_anchor_and_alias, "recursive_alias": add_recursive_alias,
    "alias_bomb": add_alias_bomb, "truncate": truncate, "delete_lines": delete_lines,
    "duplicate_lines": duplicate_lines, "unicode": insert_unicode, "invalid_utf8": invalid_utf8,
    "huge_string": huge_string, "huge_list": huge_list, "deep_nesting": deep_nesting, "wrong_type": wrong_type,
    "delete_entry": delete_entry, "duplicate_entry": duplicate_entry, "swap_values": swap_values,
}


def mutate(text: str, rng: random.Random) -> tuple[str | bytes, list[str]]:
    names = []
    result: str | bytes = text
    for _ in range(rng.choice([1, 1, 2, 3])):
        if isinstance(result, bytes):
            break   # invalid UTF-8 is the last word: nothing reads it as text again
        name = rng.choice(list(MUTATIONS))
        result = MUTATIONS[name](result, rng)
        names.append(name)
    return result, names


# ---------------------------------------------------------------------------------------------- the readers


def base_texts() -> dict[str, str]:
    """The unmutated files: the shipped content, the example config with a PIN hash, the sample answers."""
    from kiosk.config_example import EXAMPLE
    from kiosk.staff_pin import hash_pin
    from kiosk.survey.sample import SAMPLE_ANSWERS, SKIPPED

    texts = {name: (CONTENT / name).read_text(encoding="utf-8") for name in CONTENT_FILES}
    texts["config.yaml"] = EXAMPLE + f'staff_pin_hash: "{hash_pin("2468", salt=bytes(16))}"\n'
    answers = {key: list(value) if isinstance(value, tuple) else value
               for key, value in SAMPLE_ANSWERS.items() if value != SKIPPED}
    texts["answers.yaml"] = yaml.safe_dump(answers, allow_unicode=True, sort_keys=False)
    return texts


class Fuzzer:
    """Runs cases in one scratch folder: a copy of the content, a config and an answers file."""

    def __init__(self, seed: int, keep_problems: bool = False):
        from kiosk import paths
        from kiosk.content.loader import load_content

        self.keep_problems = keep_problems
        self.rng = random.Random(seed)
        self.texts = base_texts()
        self.scratch = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
        self.content = self.scratch / "content"
        shutil.copytree(CONTENT, self.content)
        self.assets = paths.assets_dir()
        self.languages = ("en", "es")
        content, problems = load_content(CONTENT, self.languages, self.assets)
        if content is None:
            raise RuntimeError("the shipped content does not load, so there is nothing to mutate from:\n"
                               + "\n".join(map(str, problems)))
        self.shipped = content
        self.survey = content.survey

    def close(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)

    def run_case(self, number: int) -> CaseResult:
        target = self.rng.choice(TARGETS)
        result = CaseResult(number, target, [], 0.0)
        started = time.perf_counter()
        try:
            mutated, result.mutations = mutate(self.texts[target], self.rng)
            started = time.perf_counter()   # the reading is timed, not the mutating
            labels, problems = self._read(target, mutated)
            result.problems = len(problems)
            if self.keep_problems:
                result.found = problems
            self._judge(result, labels, problems)
        except Exception:  # noqa: BLE001 - a traceback is what the fuzzer counts
            result.traceback = traceback.format_exc()
        finally:
            self._restore(target)
        result.seconds = time.perf_counter() - started
        return result

    def _write(self, path: Path, data: str | bytes) -> None:
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass"))

    def _restore(self, target: str) -> None:
        if target in CONTENT_FILES:
            self._write(self.content / target, self.texts[target])

    def _read(self, target: str, mutated: str | bytes) -> tuple[set[str], list]:
        from kiosk.config import load_config
        from kiosk.content.loader import display_path, load_content
        from kiosk.survey.answers_file import AnswersFileError, load_answers

        if target in CONTENT_FILES:
            self._write(self.content / target, mutated)
            content, problems = load_content(self.content, self.languages, self.assets)
            if content is not None:   # accepted: it must also work past the loader
                self._use_content(content)
            return {display_path(self.content / name) for name in CONTENT_FILES}, problems
        path = self.scratch / target
        self._write(path, mutated)
        if target == "config.yaml":
            _, problems = load_config(path)
            return {str(path)}, problems
        try:
            answers = load_answers(path, self.survey)
        except AnswersFileError as error:
            return {str(path)}, error.problems
        self._use_answers(self.shipped, answers)   # as `kiosk outcome` and `kiosk handout` go on
        return {str(path)}, []

    def _use_answers(self, content, raw_answers) -> None:
        """What `kiosk outcome` and `kiosk handout` do with accepted answers, short of rendering a PDF."""
        from datetime import date, datetime

        from kiosk.config import Clinic
        from kiosk.handout.builder import build_handout, choose
        from kiosk.handout.summary import build_summary
        from kiosk.survey.conditions import visible_answers
        from kiosk.survey.outcome import compute_outcome

        answers = visible_answers(content.survey, raw_answers)
        outcome = compute_outcome(content.survey, answers)
        outcome.as_json()
        choose(content.handout, answers, outcome)
        for language in content.languages:
            build_handout(content, answers, outcome, language=language, clinic=Clinic(), today=date(2026, 12, 7))
            build_summary(content, answers, outcome, kiosk_name="Lobby kiosk", when=datetime(2026, 12, 7, 9, 30),
                          patient_language=language)

    def _use_content(self, content) -> None:
        """Content the loader accepted goes through the pure layers: the general handout and the longest one."""
        from datetime import date

        from kiosk.config import Clinic
        from kiosk.content.check_pages import longest_answers
        from kiosk.handout.builder import build_general_handout

        for language in content.languages:
            build_general_handout(content, language=language, clinic=Clinic(), today=date(2026, 12, 7))
        self._use_answers(content, longest_answers(content))

    @staticmethod
    def _judge(result: CaseResult, labels: set[str], problems: list) -> None:
        from kiosk.problems import INTERNAL_ERROR

        for problem in problems:
            if problem.file not in labels:
                result.unnamed_problems.append(str(problem))
            if problem.message.startswith(INTERNAL_ERROR):
                result.internal_errors.append(str(problem))


class CaseHung(Exception):
    """Raised in a case that ran past the benchmark's per-case bound (counted as a hang, and a traceback)."""


def fuzz(cases: int, seed: int = 16, on_case: Callable[[CaseResult], None] | None = None,
         hang_seconds: float | None = None, keep_problems: bool = False) -> list[CaseResult]:
    """`hang_seconds` (the benchmark's, POSIX only) interrupts a case that runs longer, so a hang is counted
    instead of stopping the run; the tests leave it None and assert no time."""
    import signal

    def interrupt(signum, frame):
        raise CaseHung(f"the case ran for more than {hang_seconds} s")

    bounded = hang_seconds is not None and hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, interrupt) if bounded else None
    fuzzer = Fuzzer(seed, keep_problems)
    results = []
    try:
        for number in range(cases):
            if bounded:
                signal.setitimer(signal.ITIMER_REAL, hang_seconds)
            try:
                result = fuzzer.run_case(number)
            finally:
                if bounded:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            results.append(result)
            if on_case:
                on_case(result)
    finally:
        if bounded:
            signal.signal(signal.SIGALRM, previous)
        fuzzer.close()
    return results


def summarize(results: list[CaseResult], seed: int) -> dict:
    slowest = max(results, key=lambda result: result.seconds)
    failures = [result for result in results if result.failed]
    by_target: dict[str, int] = {}
    for result in results:
        by_target[result.target] = by_target.get(result.target, 0) + 1
    return {
        "cases": len(results), "seed": seed, "by_target": by_target,
        "tracebacks": sum(1 for result in results if result.traceback),
        "unnamed_problems": sum(len(result.unnamed_problems) for result in results),
        "internal_errors": sum(len(result.internal_errors) for result in results),
        "over_5_s": sum(1 for result in results if result.seconds > SLOW_SECONDS),
        "hangs": sum(1 for result in results if result.traceback and "CaseHung" in result.traceback),
        "slowest_s": round(slowest.seconds, 3), "slowest_case": f"{slowest.case} {slowest.target} "
                                                              f"{'+'.join(slowest.mutations)}",
        "cases_with_problems": sum(1 for result in results if result.problems),
        "failures": [{"case": result.case, "target": result.target, "mutations": result.mutations,
                      "traceback": (result.traceback or "").strip().splitlines()[-1:],
                      "unnamed": result.unnamed_problems[:1], "internal": result.internal_errors[:1]}
                     for result in failures[:20]],
    }


def main() -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", action="store_true", help="print each failing case's traceback")
    parser.add_argument("--hang-seconds", type=float, default=60.0, help="interrupt a case after this long and "
                                                                         "count it as a hang (default 60)")
    args = parser.parse_args()

    def show(result: CaseResult) -> None:
        if args.show and result.failed:
            print(f"case {result.case} {result.target} {result.mutations}:\n{result.traceback or ''}"
                  f"{result.unnamed_problems[:1]}{result.internal_errors[:1]}")

    started = time.perf_counter()
    summary = summarize(fuzz(args.cases, args.seed, show, hang_seconds=args.hang_seconds), args.seed)
    summary["run_seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"fuzz_loaders: {summary['cases']} cases (seed {args.seed}): {summary['tracebacks']} tracebacks, "
              f"{summary['internal_errors']} internal errors, {summary['unnamed_problems']} problems without "
              f"their file, {summary['hangs']} hangs, {summary['over_5_s']} over {SLOW_SECONDS:.0f} s; slowest "
              f"{summary['slowest_s']} s ({summary['slowest_case']}); {summary['run_seconds']} s in all")
    return 0 if not summary["failures"] and not summary["over_5_s"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
