"""Window hints for a kiosk, where the platform allows (issue 17 item 12): above other windows, on every virtual
desktop, and left out of task bars and pagers, so a window manager's "switch desktop" keys (Ctrl+Alt+arrows)
never show an empty desktop and nothing opens on top of the kiosk.

- Every platform: Qt.WindowStaysOnTopHint and a frameless window (set by kiosk/ui/app.py for full screen).
- X11: the EWMH hints Qt has no flag for. Before the window is mapped they are written as properties
  (_NET_WM_STATE with STICKY, ABOVE, SKIP_TASKBAR, SKIP_PAGER, FULLSCREEN; _NET_WM_DESKTOP = all desktops), which
  Qt keeps when it adds its own; once mapped, a window manager is asked again with the EWMH client messages. With
  no window manager (the deploy guide's Option B) there are no desktops to switch to and nothing to be above.
- Wayland (cage), Windows (Shell Launcher / Assigned Access): the compositor or the shell decides; nothing here.
  The deploy guide lists the keys a window manager must not bind.

Xlib is reached through ctypes (Qt's xcb platform plugin has loaded libX11 already); any failure is logged and
ignored: hints are a convenience, never a reason for the kiosk not to start.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Protocol

log = logging.getLogger("kiosk.app")

STATES = ("_NET_WM_STATE_STICKY", "_NET_WM_STATE_ABOVE", "_NET_WM_STATE_SKIP_TASKBAR", "_NET_WM_STATE_SKIP_PAGER",
          "_NET_WM_STATE_FULLSCREEN")
ALL_DESKTOPS = 0xFFFFFFFF
NET_WM_STATE_ADD = 1
SOURCE_APPLICATION = 1


class X11(Protocol):
    def atom(self, name: str) -> int: ...
    def set_atoms(self, window: int, prop: str, atoms: list[int]) -> None: ...
    def set_cardinal(self, window: int, prop: str, value: int) -> None: ...
    def ask_window_manager(self, window: int, message: str, data: list[int]) -> None: ...
    def flush(self) -> None: ...


def before_map(x11: X11, window: int) -> None:
    """The hints as properties of the not-yet-mapped window (EWMH: the client sets them itself then)."""
    x11.set_atoms(window, "_NET_WM_STATE", [x11.atom(name) for name in STATES])
    x11.set_cardinal(window, "_NET_WM_DESKTOP", ALL_DESKTOPS)
    x11.flush()


def after_map(x11: X11, window: int) -> None:
    """The same, asked of a running window manager (EWMH: a mapped window's state belongs to it)."""
    for first, second in zip(STATES[::2], STATES[1::2] + (None,)):
        x11.ask_window_manager(window, "_NET_WM_STATE", [NET_WM_STATE_ADD, x11.atom(first),
                                                         x11.atom(second) if second else 0, SOURCE_APPLICATION, 0])
    x11.ask_window_manager(window, "_NET_WM_DESKTOP", [ALL_DESKTOPS, SOURCE_APPLICATION, 0, 0, 0])
    x11.flush()


def prepare(widget, platform_name: str) -> None:
    """Call before the kiosk window is first shown full screen."""
    if platform_name != "xcb":
        return
    x11 = _xlib()
    if x11 is not None:
        try:
            before_map(x11, int(widget.winId()))
        except Exception:  # noqa: BLE001 - a hint is never worth a failed start
            log.warning("window.hints_failed when=before_map")


def shown(widget, platform_name: str) -> None:
    """Call once the window is shown (mapped)."""
    if platform_name != "xcb":
        return
    x11 = _xlib()
    if x11 is not None:
        try:
            after_map(x11, int(widget.winId()))
            log.info("window.hints set=sticky,above,skip_taskbar,skip_pager")
        except Exception:  # noqa: BLE001
            log.warning("window.hints_failed when=after_map")


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


class _Xlib:
    """The few Xlib calls the hints need, on a connection of our own to the same display."""

    CLIENT_MESSAGE, XA_ATOM, XA_CARDINAL, PROP_MODE_REPLACE = 33, 4, 6, 0
    SUBSTRUCTURE_MASK = (1 << 19) | (1 << 20)   # SubstructureNotify | SubstructureRedirect

    def __init__(self, lib, display):
        self.lib, self.display = lib, display
        self.root = lib.XDefaultRootWindow(display)

    def atom(self, name: str) -> int:
        return self.lib.XInternAtom(self.display, name.encode(), False)

    def set_atoms(self, window: int, prop: str, atoms: list[int]) -> None:
        values = (ctypes.c_ulong * len(atoms))(*atoms)   # format 32 means C longs to Xlib
        self.lib.XChangeProperty(self.display, window, self.atom(prop), self.XA_ATOM, 32, self.PROP_MODE_REPLACE,
                                 ctypes.cast(values, ctypes.c_void_p), len(atoms))

    def set_cardinal(self, window: int, prop: str, value: int) -> None:
        values = (ctypes.c_ulong * 1)(value)
        self.lib.XChangeProperty(self.display, window, self.atom(prop), self.XA_CARDINAL, 32, self.PROP_MODE_REPLACE,
                                 ctypes.cast(values, ctypes.c_void_p), 1)

    def ask_window_manager(self, window: int, message: str, data: list[int]) -> None:
        event = _XEvent()
        event.xclient.type, event.xclient.send_event = self.CLIENT_MESSAGE, True
        event.xclient.display, event.xclient.window = self.display, window
        event.xclient.message_type, event.xclient.format = self.atom(message), 32
        for index, value in enumerate(data):
            event.xclient.data[index] = value   # Xlib sends the low 32 bits of each long
        self.lib.XSendEvent(self.display, self.root, False, self.SUBSTRUCTURE_MASK, ctypes.byref(event))

    def flush(self) -> None:
        self.lib.XFlush(self.display)


_connection: _Xlib | None = None


def _xlib() -> _Xlib | None:
    global _connection
    if _connection is not None:
        return _connection
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        lib = ctypes.CDLL(name)
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int,
                                        ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        display = lib.XOpenDisplay(None)
    except (OSError, AttributeError):
        log.warning("window.hints_unavailable reason=no_libX11")
        return None
    if not display:
        log.warning("window.hints_unavailable reason=no_display")
        return None
    _connection = _Xlib(lib, display)
    return _connection
