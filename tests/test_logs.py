"""The log file is the kiosk's own: private modes (issue 16 item 9 found it 0644 in a 0755 folder). It holds
event names only, but who sat at the kiosk when is still nobody else's business on a shared machine."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from kiosk.logs import LOG_FILE_NAME, setup_logging

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    old = os.umask(0o022)     # the usual desktop umask, which made the file 0644
    yield
    os.umask(old)
    logger = logging.getLogger("kiosk")
    for handler in list(logger.handlers):   # leave no handler on a test's folder
        logger.removeHandler(handler)
        handler.close()


def test_a_new_log_folder_and_file_are_private(tmp_path):
    log_file = setup_logging(tmp_path / "logs", to_stderr=False)
    logging.getLogger("kiosk").info("test.event")
    assert mode(tmp_path / "logs") == 0o700
    assert mode(log_file) == 0o600


def test_an_existing_log_file_is_made_private_and_its_folder_left_alone(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    (folder / LOG_FILE_NAME).write_text("old line\n")
    os.chmod(folder / LOG_FILE_NAME, 0o644)
    setup_logging(folder, to_stderr=False)
    assert mode(folder / LOG_FILE_NAME) == 0o600
    assert mode(folder) == 0o755          # IT's folder: its mode is IT's choice


def test_rotated_log_files_are_private_too(tmp_path):
    log_file = setup_logging(tmp_path / "logs", to_stderr=False)
    handler = next(h for h in logging.getLogger("kiosk").handlers if hasattr(h, "doRollover"))
    logging.getLogger("kiosk").info("before rotation")
    handler.doRollover()
    logging.getLogger("kiosk").info("after rotation")
    assert mode(log_file) == 0o600
    assert mode(log_file.with_name(LOG_FILE_NAME + ".1")) == 0o600
