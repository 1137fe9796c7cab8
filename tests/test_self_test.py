"""`kiosk self-test` from a checkout, as IT runs it: it passes, and prints no traceback on the way (issue 16
item 9: "cannot schedule new futures after shutdown", printed by a staff panel timer, and then "passed")."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.private_env import private_environment

pytestmark = pytest.mark.ui


def test_self_test_passes_without_a_traceback(tmp_path):
    env = private_environment(tmp_path / "xdg", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "kiosk", "self-test"], capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
