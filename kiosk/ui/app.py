"""Starting the kiosk: Qt application, fonts, logging, the error screen or the kiosk window, crash recovery."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputDevice
from PySide6.QtWidgets import QApplication

from kiosk.logs import log_unhandled, setup_logging
from kiosk.startup import load_everything
from kiosk.ui import accessible
from kiosk.ui.fonts import install_fonts

log = logging.getLogger("kiosk.app")
EXIT_RESTART = 75   # the error screen's event loop ends with this when the files are fixed


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    accessible.install()
    app.setApplicationName("clinic-kiosk")
    app.setApplicationDisplayName("Clinic kiosk")
    install_fonts(app)
    return app


def has_touch_screen() -> bool:
    return any(device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices())


def wants_fullscreen(display: str, force_windowed: bool, force_fullscreen: bool) -> bool:
    if force_windowed or force_fullscreen:
        return force_fullscreen
    if display == "auto":
        return has_touch_screen()
    return display == "fullscreen"


def run_kiosk(config_arg=None, content_arg=None, force_windowed=False, force_fullscreen=False) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux") \
            and "QT_QPA_PLATFORM" not in os.environ:
        print("No display found (DISPLAY and WAYLAND_DISPLAY are unset). Run the kiosk in a desktop session, "
              "or try `kiosk screenshot` to render screens offscreen.", file=sys.stderr)
        return 2
    loaded = load_everything(config_arg, content_arg)
    log_file = setup_logging(loaded.config.log_dir)
    app = make_application()
    fullscreen = wants_fullscreen(loaded.config.display, force_windowed, force_fullscreen)
    if loaded.config.hide_cursor:
        app.setOverrideCursor(Qt.BlankCursor)
    if not loaded.ok:
        log.error("startup.refused problems=%d", len(loaded.problems))
        return _run_error_screen(app, loaded.problems, fullscreen, config_arg, content_arg)
    log.info("startup.ok languages=%s", ",".join(loaded.content.languages))
    from kiosk.ui.shell import KioskWindow

    window = KioskWindow(loaded.config, loaded.content, log_file=log_file)
    _install_recovery(window)
    if os.environ.get(STARTUP_PROBE):
        _report_first_paint(window.welcome)
    _show(window, fullscreen)
    window.start_background_work()
    app.aboutToQuit.connect(window.shutdown_workers)
    if fullscreen:  # a kiosk in a lobby, not a developer's window: keep the screen on
        from kiosk.ui.stay_awake import StayAwake

        awake = StayAwake(platform_name=QGuiApplication.platformName())
        awake.start()
        app.aboutToQuit.connect(awake.stop)
    return app.exec()


# Set (to anything) by benchmarks/frozen_startup.py: print the wall-clock time of the welcome screen's first
# paint and exit, so the startup of a PyInstaller bundle can be measured from outside.
STARTUP_PROBE = "KIOSK_STARTUP_PROBE"


def _report_first_paint(widget) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Paint:
                print(time.time(), flush=True)
                os._exit(0)
            return False

    probe = FirstPaint(widget)
    widget.installEventFilter(probe)


def _install_recovery(window) -> None:
    """An unexpected error is logged, and the kiosk calmly returns to welcome instead of dying."""

    def on_error(exc_type, exc_value, exc_traceback):
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.instance().quit()
            return
        log_unhandled(log, exc_type, exc_value, exc_traceback)
        window.recover()

    sys.excepthook = on_error


def _run_error_screen(app, problems, fullscreen, config_arg, content_arg) -> int:
    from kiosk.ui.screens.error import ErrorWindow

    window = ErrorWindow(problems)

    def retry():
        loaded = load_everything(config_arg, content_arg)
        if loaded.ok:
            window.close()
            app.exit(EXIT_RESTART)

    window.retry_requested.connect(retry)
    window.quit_requested.connect(app.quit)
    _show(window, fullscreen)
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.style_for_size(screen.physicalDotsPerInch())
    if app.exec() == EXIT_RESTART:   # staff fixed the files and tapped Try again
        return run_kiosk(config_arg, content_arg, force_windowed=not fullscreen, force_fullscreen=fullscreen)
    return 1


def _show(window, fullscreen: bool) -> None:
    screen = QGuiApplication.primaryScreen()
    if fullscreen:
        from kiosk.ui import window_hints

        window.setWindowFlag(Qt.FramelessWindowHint, True)
        window.setWindowFlag(Qt.WindowStaysOnTopHint, True)
        if screen is not None:
            window.setGeometry(screen.geometry())  # without a window manager, showFullScreen keeps the hint size
        platform = QGuiApplication.platformName()
        window_hints.prepare(window, platform)      # every desktop, above others, out of task bars (X11)
        window.showFullScreen()
        window_hints.shown(window, platform)
    else:
        if screen is not None:
            available = screen.availableGeometry()
            window.resize(min(1280, available.width()), min(800, available.height()))
        window.show()
