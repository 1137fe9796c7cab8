"""The kiosk keeps the screen on while it runs full screen, by whatever the system offers, and says which."""

from __future__ import annotations

import subprocess

from kiosk.ui.stay_awake import ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED, StayAwake


class Kernel32:
    """Records SetThreadExecutionState calls; returns the previous state (non-zero) like Windows does."""

    def __init__(self):
        self.calls = []

    def SetThreadExecutionState(self, flags):  # noqa: N802 (the Windows API's name)
        self.calls.append(flags)
        return ES_CONTINUOUS


def test_windows_keeps_display_and_system_awake_until_the_kiosk_stops(caplog):
    caplog.set_level("INFO")
    kernel32 = Kernel32()
    awake = StayAwake(platform="win32", kernel32=kernel32)
    assert awake.start() == ["SetThreadExecutionState"]
    assert kernel32.calls == [ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED]
    assert "stay_awake.on method=SetThreadExecutionState" in caplog.text
    awake.stop()
    assert kernel32.calls[-1] == ES_CONTINUOUS  # back to the system's own power rules


def test_x11_turns_off_blanking_and_dpms_with_xset(monkeypatch):
    commands = []
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}" if name == "xset" else None)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)

    def run(command, **kwargs):
        commands.append(command)
        return subprocess.CompletedProcess(command, 0)

    awake = StayAwake(platform="linux", platform_name="xcb", run=run)
    assert "xset" in awake.start()
    assert commands == [["/usr/bin/xset", "s", "off", "-dpms", "s", "noblank"]]


def test_with_nothing_to_ask_it_says_so_in_the_log(monkeypatch, caplog):
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    awake = StayAwake(platform="linux", platform_name="wayland")
    assert awake.start() == []
    assert "stay_awake.unavailable platform=wayland" in caplog.text
    awake.stop()  # nothing to undo, and no error
