"""The monkey in short (issue 8): random taps, swipes and keys on a real kiosk window, then the idle promise.

The full run is `python -m benchmarks.monkey` (20000 events); here, two seeds of 600 events each.
"""

from __future__ import annotations

import pytest

from benchmarks.monkey import run_monkey

pytestmark = pytest.mark.ui


@pytest.mark.parametrize("seed", [7, 11])
def test_the_monkey_finds_no_exception_and_the_kiosk_always_comes_home(qapp, seed):
    result = run_monkey(events=600, seed=seed)
    problems = "\n\n".join(f"{p['kind']} at event {p['event']}: {p.get('message', '')}\n{p.get('stack', '')}"
                           for p in result["problems"])
    assert result["monkey_events"] == 600
    assert result["monkey_exceptions"] == 0, problems
    assert result["monkey_idle_checks"] >= 1 and result["monkey_idle_failures"] == 0, problems
    assert len(result["screens_visited"]) >= 3, result["screens_visited"]
    assert result["monkey_seconds"] < 30
