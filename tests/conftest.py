"""Shared fixtures. Qt runs offscreen: no display or window manager needed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import IdleTimes, SiteConfig
from tests.printing.cups_server import CupsServer

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def tier_of(item) -> str:
    """The tier a test belongs to, from what it uses: the bundle, a CUPS scheduler, or real widgets. A module
    marked `ui` may hold a test that also prints through CUPS: dev.py's selection ranks bundle > cups > ui >
    pure, so each test runs in one tier only."""
    if item.path.name == "test_frozen_build.py":
        return "bundle"
    if "cups_server" in item.fixturenames:
        return "cups"
    if "qtbot" in item.fixturenames or item.get_closest_marker("ui"):
        return "ui"
    return "pure"


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(tier_of(item))


@pytest.fixture(autouse=True)
def private_platform_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's config, logs or spool."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setattr(paths, "user_config_file", lambda: home / "config" / "config.yaml")
    monkeypatch.setattr(paths, "site_config_file", lambda: home / "site" / "config.yaml")
    monkeypatch.setattr(paths, "default_log_dir", lambda: home / "log")
    monkeypatch.setattr(paths, "default_data_dir", lambda: home / "data")
    monkeypatch.setattr(paths, "default_spool_dir", lambda: home / "data" / "spool")
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return home


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the shipped content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def shipped_content():
    from kiosk.content import load_content

    content, problems = load_content(CONTENT, ("en", "es"), paths.assets_dir())
    assert problems == [], "\n".join(map(str, problems))
    return content


@pytest.fixture
def config(tmp_path) -> SiteConfig:
    return SiteConfig(spool_dir=tmp_path / "spool", log_dir=tmp_path / "log",
                      idle=IdleTimes(survey_seconds=60, countdown_seconds=20, explainer_seconds=180,
                                     done_seconds=20, staff_seconds=120))


@pytest.fixture
def make_window(qtbot, shipped_content, config):
    """Build a real kiosk window at a panel size; it is detached from the app after the test."""
    from kiosk.ui.app import make_application
    from kiosk.ui.shell import KioskWindow

    make_application()
    windows = []

    def make(size=(1280, 800), site_config=None, content=None, speech_engine="mock"):
        # Qt's mock speech engine: it reports what it was asked to say (a real engine is tests/ui/test_speech.py's)
        window = KioskWindow(site_config or config, content or shipped_content, size=size, speech_engine=speech_engine)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.apply_theme()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.detach()
        window.shutdown_workers()
        window._exit_allowed = True

@pytest.fixture(scope="session")
def cups_server():
    """One private cupsd for the whole run (CUPS_SERVER points every client at it). A machine without CUPS
    fails these tests rather than skipping them: CI must print for real."""
    server = CupsServer()
    server.start()
    mp = pytest.MonkeyPatch()
    mp.setenv("CUPS_SERVER", str(server.socket))
    mp.setenv("CUPS_SERVERROOT", str(server.root / "etc"))
    yield server
    mp.undo()
    server.close()


@pytest.fixture
def cups(cups_server):
    """The running server, started again if a test stopped it."""
    if cups_server.process is None:
        cups_server.start()
    yield cups_server
    if cups_server.process is None:
        cups_server.start()
