"""The soak's short form (the full 1000-patient runs are `python -m benchmarks`): simulated patients by real
clicks, printing to a folder and to the private CUPS. Nothing may throw, and every finished session must have
exactly one handout printed, none lost and none twice."""

from __future__ import annotations

import pytest

from benchmarks.soak import run_soak

pytestmark = pytest.mark.ui

# The GUI thread's longest block is a figure, not a test: `python -m benchmarks` measures it against its goal.


@pytest.mark.parametrize("seed", [11, 12])
def test_simulated_patients_printing_to_a_folder(qapp, seed):
    result = run_soak(sessions=25, seed=seed)
    assert result["soak_sessions"] == 25 and result["soak_finished"] >= 5
    assert result["soak_exceptions"] == 0, result["soak_first_error"]
    assert result["soak_lost_jobs"] == 0 and result["soak_duplicated_jobs"] == 0


def test_simulated_patients_printing_to_a_real_cups_queue(qapp, cups):
    result = run_soak(sessions=20, seed=13, cups=True, cups_server=cups)
    assert result["soak_printer"] == "cups" and result["soak_finished"] >= 5
    assert result["soak_exceptions"] == 0, result["soak_first_error"]
    assert result["soak_lost_jobs"] == 0 and result["soak_duplicated_jobs"] == 0
