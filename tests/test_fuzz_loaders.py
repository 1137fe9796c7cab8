"""The short form of benchmarks/fuzz_loaders.py: a fixed seed, a few hundred mutated content, config and answers
files read in-process. Every one ends in problems that name their file, or loads; none raises, and none needs
the loader's safety net. (The full run, 3000 cases with the per-case time, is `python -m benchmarks.fuzz_loaders`.)
Before the safe YAML loader, 54 of the first 300 cases of seed 16 raised (recursion, tags, impossible dates)."""

from __future__ import annotations

import pytest

from benchmarks.fuzz_loaders import MUTATIONS, TARGETS, fuzz, mutate


@pytest.mark.parametrize("seed", [16, 2026])
def test_mutated_files_give_problems_naming_their_file_never_a_traceback(seed):
    results = fuzz(100, seed)
    failures = [(result.case, result.target, result.mutations,
                 (result.traceback or "").strip().splitlines()[-1:], result.unnamed_problems[:1],
                 result.internal_errors[:1]) for result in results if result.failed]
    assert failures == []
    assert {result.target for result in results} == set(TARGETS)
    assert sum(1 for result in results if result.problems) > len(results) // 2   # the mutations do bite


def test_every_mutation_changes_a_file():
    import random

    from benchmarks.fuzz_loaders import base_texts

    text = base_texts()["survey.yaml"]
    rng = random.Random(1)
    for name, mutation in MUTATIONS.items():
        assert mutation(text, rng) != text, name
    assert mutate(text, random.Random(3)) == mutate(text, random.Random(3))   # seeded: a failure can be replayed


@pytest.mark.ui
def test_every_failing_case_gets_the_staff_error_screen(qtbot):
    """What `kiosk run` shows for a case with problems: the error window builds for each list, the first ones
    shown and the rest counted (the run itself, in a real process, is tests/test_unsafe_yaml_cli.py)."""
    from kiosk.ui.screens.error import MAX_SHOWN, ErrorWindow

    failing = [result for result in fuzz(60, 99, keep_problems=True) if result.found]
    assert len(failing) > 30
    for result in failing:
        window = ErrorWindow(result.found)
        qtbot.addWidget(window)
        assert len(window.problem_labels) == min(len(result.found), MAX_SHOWN)
        assert window.problem_labels[0].text() == str(result.found[0])
