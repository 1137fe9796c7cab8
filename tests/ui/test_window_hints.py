"""Kiosk window hints (issue 17 item 12): full screen means frameless and above other windows everywhere, and on
X11 every desktop, above, out of task bars and pagers: set on the unmapped window, then asked of the window
manager once shown. No X server here: the X11 calls go to a recorder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.ui import app as app_module
from kiosk.ui import window_hints
from kiosk.ui.window_hints import ALL_DESKTOPS, STATES

pytestmark = pytest.mark.ui


class Recorder:
    def __init__(self, window=None):
        self.calls, self.window = [], window
        self.ids = {}

    def atom(self, name):
        return self.ids.setdefault(name, 100 + len(self.ids))

    def name(self, atom):
        return next((name for name, value in self.ids.items() if value == atom), atom)

    def set_atoms(self, window, prop, atoms):
        self.calls.append(("set", prop, [self.name(a) for a in atoms], self.window.isVisible()))

    def set_cardinal(self, window, prop, value):
        self.calls.append(("set", prop, value, self.window.isVisible()))

    def ask_window_manager(self, window, message, data):
        self.calls.append(("ask", message, [self.name(v) if v >= 100 else v for v in data], self.window.isVisible()))

    def flush(self):
        pass


class OnX11:
    """QGuiApplication as kiosk/ui/app.py sees it, but reporting the xcb platform."""

    platformName = staticmethod(lambda: "xcb")  # noqa: N815
    primaryScreen = staticmethod(QGuiApplication.primaryScreen)  # noqa: N815


def test_full_screen_on_x11_is_above_others_on_every_desktop_and_out_of_task_bars(qtbot, make_window,
                                                                                  monkeypatch):
    window = make_window()
    window.hide()
    recorder = Recorder(window)
    monkeypatch.setattr(window_hints, "_xlib", lambda: recorder)
    monkeypatch.setattr(app_module, "QGuiApplication", OnX11)
    app_module._show(window, fullscreen=True)
    assert window.windowFlags() & Qt.WindowStaysOnTopHint and window.windowFlags() & Qt.FramelessWindowHint
    assert window.isFullScreen() or window.windowState() & Qt.WindowFullScreen
    before = [call for call in recorder.calls if call[0] == "set"]
    assert before == [("set", "_NET_WM_STATE", list(STATES), False), ("set", "_NET_WM_DESKTOP", ALL_DESKTOPS, False)]
    asked = [call for call in recorder.calls if call[0] == "ask"]
    assert all(visible for *_, visible in asked)                   # asked of the window manager once shown
    states = {name for _, message, data, _ in asked if message == "_NET_WM_STATE" for name in data[1:3]} - {0}
    assert states == set(STATES) and all(data[0] == 1 for _, m, data, _ in asked if m == "_NET_WM_STATE")
    assert ("ask", "_NET_WM_DESKTOP", [ALL_DESKTOPS, 1, 0, 0, 0], True) in asked


def test_other_platforms_get_only_qts_own_flags(qtbot, make_window, monkeypatch):
    window = make_window()
    window.hide()
    monkeypatch.setattr(window_hints, "_xlib", lambda: pytest.fail("no X11 calls off X11"))
    app_module._show(window, fullscreen=True)                     # offscreen, like Windows or Wayland here
    assert window.windowFlags() & Qt.WindowStaysOnTopHint


def test_no_x_library_or_display_never_stops_the_kiosk(qtbot, make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(window_hints, "_xlib", lambda: None)
    window_hints.prepare(window, "xcb")
    window_hints.shown(window, "xcb")

    class Broken(Recorder):
        def atom(self, name):
            raise OSError("the X server went away")

    monkeypatch.setattr(window_hints, "_xlib", lambda: Broken(window))
    window_hints.prepare(window, "xcb")
    window_hints.shown(window, "xcb")
