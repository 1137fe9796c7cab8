"""The chime before the spoken idle warning (spec §7): a short two-note sound, assets/sounds/chime.wav.

It plays through the operating system's own player, so the kiosk needs no audio library of its own (Qt
Multimedia's Python module would not fit the bundle's budget): Windows' winsound (in Python itself), or on Linux
PulseAudio's `paplay` (pulseaudio-utils), else ALSA's `aplay` (alsa-utils). It is started and left to play: the
GUI thread never waits for it. With no player, the warning is still spoken, and the log says why once.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from kiosk import paths

log = logging.getLogger("kiosk.speech")

CHIME_SECONDS = 0.45   # the file's length: speech starts after it
LINUX_PLAYERS = (("paplay",), ("aplay", "-q"))


def chime_file() -> Path:
    return paths.assets_dir() / "sounds" / "chime.wav"


def player_command(file: Path, which: Callable[[str], str | None] = shutil.which) -> list[str] | None:
    """The command that plays `file` on this Linux PC, or None when it has no player."""
    for player, *options in LINUX_PLAYERS:
        program = which(player)
        if program:
            return [program, *options, str(file)]
    return None


class Chime:
    def __init__(self, file: Path | None = None):
        self.file = file or chime_file()
        self._told = False
        self.played = 0   # how many times it was started (tests; nothing else is kept)

    def play(self) -> bool:
        """Start the chime; True when a player took it."""
        try:
            started = self._start()
        except OSError as error:   # a player that cannot start: the warning is still spoken
            started = False
            self._tell(f"the chime could not play ({error})")
        if started:
            self.played += 1
        return started

    def _start(self) -> bool:
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(str(self.file), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT)
            return True
        command = player_command(self.file)
        if command is None:
            self._tell("no sound player for the chime (install pulseaudio-utils or alsa-utils)")
            return False
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         close_fds=True)
        return True

    def _tell(self, reason: str) -> None:
        if not self._told:
            self._told = True
            log.warning("chime.unavailable reason=%s", reason)
