"""The one module that knows where things live: source checkout, frozen bundle, and per-platform folders.

Everything else asks here, so a PyInstaller build, a developer checkout and a Windows or Linux install
differ in exactly one place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kiosk import APP_NAME


def bundle_root() -> Path:
    """The folder that holds `content/` and `assets/`: the PyInstaller bundle, or the source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def builtin_content_dir() -> Path:
    return bundle_root() / "content"


def assets_dir() -> Path:
    return bundle_root() / "assets"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def user_config_file() -> Path:
    """Per-user config (the kiosk account's own)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.yaml"


def site_config_candidates() -> list[Path]:
    """Every machine-wide place, in order: each folder of XDG_CONFIG_DIRS, then /etc/xdg (Linux), or
    C:\\ProgramData (Windows). Desktop sessions (Ubuntu's) put their own folder first in XDG_CONFIG_DIRS;
    /etc/xdg/clinic-kiosk must still be found there."""
    folders = [Path(folder) for folder in
               platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True).split(os.pathsep) if folder]
    if sys.platform.startswith("linux") and Path("/etc/xdg") / APP_NAME not in folders:
        folders.append(Path("/etc/xdg") / APP_NAME)
    return [folder / "config.yaml" for folder in folders]


def site_config_file() -> Path:
    """Machine-wide config that IT manages (/etc/xdg/clinic-kiosk, C:\\ProgramData\\clinic-kiosk): the first that
    exists, else where IT should put one (the last, /etc/xdg's, on Linux)."""
    candidates = site_config_candidates()
    return next((path for path in candidates if path.is_file()), candidates[-1])


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_spool_dir() -> Path:
    return default_data_dir() / "spool"


def default_print_folder() -> Path:
    """Where the `folder` printer backend puts PDFs when no path is configured."""
    return default_data_dir() / "printed"
