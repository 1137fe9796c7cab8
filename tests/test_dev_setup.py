"""The README's commands set up what they need: tools/system_packages.py is the one list of system packages, and
dev.py installs them (root, or sudo without a prompt) or stops with the exact command to run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import system_packages  # noqa: E402

import dev  # noqa: E402  (dev.py at the top of the checkout)


@pytest.fixture
def debian_without(monkeypatch):
    """A Debian-like machine where the given packages are not installed."""
    def missing(*packages):
        monkeypatch.setattr(system_packages, "is_debian_like", lambda: True)
        monkeypatch.setattr(system_packages, "installed_debian_packages",
                            lambda names: {name for name in names if name not in packages})
    return missing


def test_without_root_or_sudo_it_stops_at_once_with_the_exact_command(debian_without, monkeypatch):
    debian_without("poppler-utils", "cups")
    monkeypatch.setattr(system_packages, "can_install_without_asking", lambda: None)
    ran = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: ran.append(a))
    with pytest.raises(SystemExit) as stopped:
        system_packages.ensure(system_packages.FOR_COMMAND["test"])
    message = str(stopped.value)
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends poppler-utils cups" in message
    assert ran == []                                      # nothing was tried


def test_as_root_it_installs_only_what_is_missing(debian_without, monkeypatch):
    debian_without("poppler-utils")
    monkeypatch.setattr(system_packages, "can_install_without_asking", lambda: [])
    commands = []

    def run(command, **kwargs):
        commands.append(command)
        monkeypatch.setattr(system_packages, "installed_debian_packages", lambda names: set(names))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", run)
    system_packages.ensure(system_packages.FOR_TIER["pure"])
    assert commands[0] == ["apt-get", "update", "-qq"]
    assert commands[1][:2] == ["apt-get", "install"] and "poppler-utils" in commands[1]
    assert "cups" not in commands[1]


def test_nothing_missing_means_nothing_run(debian_without, monkeypatch):
    debian_without()
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("nothing should run"))
    system_packages.ensure(system_packages.FOR_COMMAND["test"])


def test_another_system_is_told_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr(system_packages, "is_debian_like", lambda: False)
    monkeypatch.setattr(system_packages.sys, "platform", "linux")
    system_packages.ensure(system_packages.FOR_TIER["cups"])
    said = capsys.readouterr().out
    assert "not a Debian-like system" in said and "dnf install cups" in said


def test_every_tier_needs_what_a_lower_one_needs():
    order = ["pure", "ui", "cups", "bundle"]
    for lower, higher in zip(order, order[1:]):
        assert set(system_packages.FOR_TIER[lower]) <= set(system_packages.FOR_TIER[higher])
    assert set(system_packages.FOR_COMMAND["test"]) == set(system_packages.FOR_TIER["bundle"])


def test_a_tier_selects_its_tests_and_none_of_a_higher_tier():
    assert dev.tier_selection([]) == []
    assert dev.tier_selection(["ui"]) == ["-m", "(ui and not bundle and not cups)"]
    assert dev.split_tiers(["pure", "cups", "-k", "idle"]) == (["pure", "cups"], ["-k", "idle"])


def test_ci_runs_exactly_the_readme_command_and_installs_nothing_itself():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "| run all the tests | `python3 dev.py test` |" in readme
    commands = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "python3 dev.py test"
    assert not re.search(r"apt-get|pip install|dnf|pacman", ci)
