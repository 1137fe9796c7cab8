"""The operating-system packages the kiosk and its tests need: the one place that knows them.

`dev.py` asks `missing(needs)` before it runs anything; on Debian or Ubuntu it installs what is missing (as root,
or through sudo when sudo needs no password) and otherwise stops at once with the exact command to run. Other
systems get the matching advice. This file uses the standard library only: it runs before the venv exists.

Each need names what it is for, its Debian/Ubuntu packages, and how to get the same elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    name: str
    why: str
    debian: tuple[str, ...]
    elsewhere: str   # advice for other systems, one line


QT_OFFSCREEN = Need(
    "qt", "Qt's offscreen and window-system plugins load these shared libraries",
    ("libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"),
    "Fedora: dnf install mesa-libGL mesa-libEGL libxkbcommon fontconfig dbus-libs glib2; "
    "Arch: pacman -S mesa libxkbcommon fontconfig dbus glib2")
QT_DISPLAY = Need(
    "display", "Qt's xcb plugin, to show the kiosk on an X11 desktop",
    ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxkbcommon-x11-0"),
    "Fedora: dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms libxkbcommon-x11; "
    "Arch: pacman -S xcb-util-cursor xcb-util-wm xcb-util-keysyms libxkbcommon-x11")
PDF_TOOLS = Need(
    "pdf-tools", "the tests read PDFs with pdftotext and render them with pdftoppm",
    ("poppler-utils",),
    "Fedora: dnf install poppler-utils; Arch: pacman -S poppler; macOS: brew install poppler")
CUPS = Need(
    "cups", "the printing tests start a private CUPS scheduler and print through its PDF filters",
    ("cups", "cups-client", "cups-bsd", "cups-filters", "printer-driver-cups-pdf"),
    "Fedora: dnf install cups cups-client cups-filters; Arch: pacman -S cups cups-filters; "
    "macOS and Windows: the CUPS tier cannot run there")
SPEECH = Need(
    "speech", "Qt's speech module links libpulse; speech-dispatcher with espeak-ng speaks English and Spanish; "
              "aplay plays the idle warning's chime",
    ("libpulse0", "speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng", "alsa-utils"),
    "Fedora: dnf install pulseaudio-libs speech-dispatcher speech-dispatcher-espeak-ng alsa-utils; "
    "Arch: pacman -S libpulse speech-dispatcher espeak-ng alsa-utils; Windows: its own voices (docs/deploy.md)")
SCREEN_READER_BUS = Need(
    "at-spi", "the accessibility tests run the kiosk on a virtual X server and read it over the AT-SPI bus, "
              "as a screen reader does",
    ("xvfb", "xauth", "dbus", "at-spi2-core", "python3-pyatspi"),
    "Fedora: dnf install xorg-x11-server-Xvfb dbus-daemon at-spi2-core python3-pyatspi; "
    "Arch: pacman -S xorg-server-xvfb dbus at-spi2-core python-atspi")
BUNDLE = Need(
    "bundle", "PyInstaller reads and strips the bundle's libraries with binutils",
    ("binutils",),
    "Fedora: dnf install binutils; Arch: pacman -S binutils")
VENV = Need(
    "venv", "Debian's own Python makes virtual environments only with python3-venv",
    ("python3-venv",),
    "other systems ship venv with Python")

# What each dev.py command needs. A tier of the tests needs only its own.
FOR_TIER = {
    "pure": (VENV, PDF_TOOLS),
    "ui": (VENV, QT_OFFSCREEN, QT_DISPLAY, PDF_TOOLS, SPEECH, SCREEN_READER_BUS),
    "cups": (VENV, QT_OFFSCREEN, QT_DISPLAY, PDF_TOOLS, SPEECH, SCREEN_READER_BUS, CUPS),
    # The build host's X client libraries go into the bundle: the same ones on every build host.
    "bundle": (VENV, QT_OFFSCREEN, QT_DISPLAY, PDF_TOOLS, SPEECH, SCREEN_READER_BUS, CUPS, BUNDLE),
}
FOR_COMMAND = {
    "test": FOR_TIER["bundle"],
    "run": (VENV, QT_OFFSCREEN, QT_DISPLAY, SPEECH),
    "build": (VENV, QT_OFFSCREEN, QT_DISPLAY, SPEECH, BUNDLE),
}


def is_debian_like() -> bool:
    return sys.platform.startswith("linux") and shutil.which("dpkg-query") is not None \
        and shutil.which("apt-get") is not None


def installed_debian_packages(names: list[str]) -> set[str]:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *names],
                            capture_output=True, text=True)
    return {line.split()[0] for line in result.stdout.splitlines() if line.endswith(" installed")}


def missing_debian_packages(needs: tuple[Need, ...]) -> list[str]:
    wanted = list(dict.fromkeys(package for need in needs for package in need.debian))
    present = installed_debian_packages(wanted)
    return [package for package in wanted if package not in present]


def install_command(packages: list[str]) -> list[str]:
    return ["apt-get", "install", "-y", "--no-install-recommends", *packages]


def can_install_without_asking() -> list[str] | None:
    """The prefix that runs apt-get as root without a prompt ([] as root, ["sudo", "-n"]), or None."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def ensure(needs: tuple[Need, ...]) -> None:
    """Install what is missing on Debian/Ubuntu, or stop with the command to run; elsewhere, say what to have."""
    if not sys.platform.startswith("linux"):
        return
    if not is_debian_like():
        print("This is not a Debian-like system, so dev.py cannot check its packages. The kiosk needs:", flush=True)
        for need in needs:
            print(f"  {need.name} ({need.why}): {need.elsewhere}", flush=True)
        return
    packages = missing_debian_packages(needs)
    if not packages:
        return
    prefix = can_install_without_asking()
    command = install_command(packages)
    if prefix is None:
        raise SystemExit("These system packages are missing: " + " ".join(packages) + "\nInstall them, then run "
                         "this again:\n  sudo apt-get update && sudo " + " ".join(command))
    print("Installing system packages: " + " ".join(packages), flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run([*prefix, *command, "-qq"], check=True, env=environment, stdout=subprocess.DEVNULL)
    still = missing_debian_packages(needs)
    if still:
        raise SystemExit("apt-get finished but these packages are still missing: " + " ".join(still))
