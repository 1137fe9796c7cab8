"""Keeps the lobby screen on while the kiosk runs full screen: a dark screen looks broken to a patient.

Windows: SetThreadExecutionState on the GUI thread (display and system required, until the kiosk exits).
Linux: asks the desktop's screensaver over D-Bus (org.freedesktop.ScreenSaver.Inhibit) where a session offers
one; on X11 also switches off the X server's blanking and DPMS with `xset`, if installed. Under cage there is
no screensaver to ask; docs/deploy.md covers the kernel's console blanking and the monitor's own settings.
Windowed (a developer's desktop), it does nothing.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

log = logging.getLogger("kiosk.ui")

ES_CONTINUOUS, ES_SYSTEM_REQUIRED, ES_DISPLAY_REQUIRED = 0x80000000, 0x00000001, 0x00000002


class StayAwake:
    def __init__(self, platform: str = sys.platform, platform_name: str = "", kernel32=None, run=subprocess.run):
        self.platform, self.platform_name = platform, platform_name  # platform_name: Qt's, e.g. "xcb"
        self._kernel32, self._run = kernel32, run
        self._cookie: int | None = None
        self.methods: list[str] = []

    def start(self) -> list[str]:
        """Turns on whatever this system offers; returns what worked (also logged)."""
        if self.platform.startswith("win"):
            self._windows(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)
        elif self.platform.startswith("linux"):
            self._inhibit_screensaver()
            if self.platform_name == "xcb":
                self._xset()
        if self.methods:
            log.info("stay_awake.on method=%s", ",".join(self.methods))
        else:
            log.warning("stay_awake.unavailable platform=%s", self.platform_name or self.platform)
        return self.methods

    def stop(self) -> None:
        if "SetThreadExecutionState" in self.methods:
            self._windows(ES_CONTINUOUS)
        if self._cookie is not None:
            self._screensaver_call("UnInhibit", self._cookie)
            self._cookie = None

    def _windows(self, flags: int) -> None:
        kernel32 = self._kernel32
        if kernel32 is None:
            import ctypes

            kernel32 = ctypes.windll.kernel32
        if kernel32.SetThreadExecutionState(flags) and "SetThreadExecutionState" not in self.methods:
            self.methods.append("SetThreadExecutionState")

    def _inhibit_screensaver(self) -> None:
        reply = self._screensaver_call("Inhibit", "clinic-kiosk", "A patient kiosk in a waiting room")
        if reply:
            self._cookie = int(reply[0])
            self.methods.append("dbus-screensaver")

    @staticmethod
    def _screensaver_call(method: str, *args) -> list:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return []
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return []
        interface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                                   "org.freedesktop.ScreenSaver", bus)
        if not interface.isValid():
            return []
        reply = interface.call(method, *args)
        return [] if reply.type() == QDBusMessage.MessageType.ErrorMessage else list(reply.arguments())

    def _xset(self) -> None:
        xset = shutil.which("xset")
        if xset is None:
            return
        try:
            result = self._run([xset, "s", "off", "-dpms", "s", "noblank"], capture_output=True, timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            return
        if result.returncode == 0:
            self.methods.append("xset")
