"""A private speech-dispatcher with espeak-ng for a benchmark process, its sound sent to ALSA's null device.

The same set-up as tests/ui/test_speech.py: the system's speechd.conf with espeak-ng as the module and ALSA as the
output, in a temporary HOME whose .asoundrc makes the default device `null`. libspeechd starts speech-dispatcher on
the first connection (with this process's HOME and XDG_RUNTIME_DIR); on the way out it is stopped by the process
id it wrote in its run folder (its espeak-ng module ends with it), and the folder is removed.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

SYSTEM_CONFIG = Path("/etc/speech-dispatcher/speechd.conf")


def missing() -> str | None:
    """Why the real engine cannot run here, or None."""
    for program in ("speech-dispatcher", "espeak-ng"):
        if shutil.which(program) is None:
            return f"{program} is not installed"
    if not SYSTEM_CONFIG.exists():
        return f"{SYSTEM_CONFIG} is missing"
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        return f"QtTextToSpeech cannot be imported ({error})"
    if "speechd" not in QTextToSpeech.availableEngines():
        return "Qt has no speechd engine plugin"
    return None


@contextmanager
def private_speechd():
    """Sets this process's HOME, XDG_CONFIG_HOME and XDG_RUNTIME_DIR to a private folder for the block."""
    home = Path(tempfile.mkdtemp(prefix="kiosk-speechd-"))
    config = home / ".config" / "speech-dispatcher"
    config.mkdir(parents=True)
    config.joinpath("speechd.conf").write_text(
        SYSTEM_CONFIG.read_text().replace('Include "clients/', 'Include "/etc/speech-dispatcher/clients/')
        + '\nAudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
          'DefaultModule espeak-ng\n')
    (home / ".asoundrc").write_text("pcm.!default { type null }\nctl.!default { type hw card 0 }\n")
    run = home / "run"
    run.mkdir(mode=0o700)
    saved = {name: os.environ.get(name) for name in ("HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR")}
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_RUNTIME_DIR=str(run))
    try:
        yield home
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        pid_file = run / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
        try:
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)
            time.sleep(0.5)   # its module ends with it
        except (OSError, ValueError, IndexError):
            pass
        shutil.rmtree(home, ignore_errors=True)
