"""The soak's short form (the full 1000-patient runs are `python -m benchmarks`): simulated patients by real
clicks, printing to a folder and to the private CUPS. Nothing may throw, and every finished session must have
exactly one handout printed, none lost and none twice."""

from __future__ import annotations

import pytest

from benchmarks.soak import run_soak

pytestmark = pytest.mark.ui

# The goal (issue 8) is 100 ms, measured by the full run on a quiet machine; a shared CI machine adds its own
# pauses, so the short run only guards against the kind of block the soak once found (180 ms and growing).
CI_BLOCK_LIMIT_MS = 250


@pytest.mark.parametrize("seed", [11, 12])
def test_simulated_patients_printing_to_a_folder(qapp, seed):
    result = run_soak(sessions=25, seed=seed)
    assert result["soak_sessions"] == 25 and result["soak_finished"] >= 5
    assert result["soak_exceptions"] == 0, result["soak_first_error"]
    assert result["soak_lost_jobs"] == 0 and result["soak_duplicated_jobs"] == 0
    assert result["gui_block_max_ms"] <= CI_BLOCK_LIMIT_MS, result["gui_block_worst_during"]


def test_simulated_patients_printing_to_a_real_cups_queue(qapp, cups):
    result = run_soak(sessions=20, seed=13, cups=True, cups_server=cups)
    assert result["soak_printer"] == "cups" and result["soak_finished"] >= 5
    assert result["soak_exceptions"] == 0, result["soak_first_error"]
    assert result["soak_lost_jobs"] == 0 and result["soak_duplicated_jobs"] == 0
