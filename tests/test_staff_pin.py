import pytest

from kiosk.staff_pin import LOCK_SECONDS, MAX_TRIES, PinGuard, hash_pin, is_pin_hash, verify_pin


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a fresh salt each time
    assert "2468" not in first
    assert is_pin_hash(first)
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)


@pytest.mark.parametrize("text", ["1234", "scrypt$1$2$3$@@$@@", "pbkdf2$1$1$1$AA==$AA==", ""])
def test_things_that_are_not_hashes(text):
    assert not is_pin_hash(text)


def test_five_wrong_tries_lock_for_a_minute_even_for_the_right_pin():
    clock = FakeClock()
    guard = PinGuard(hash_pin("1357"), clock=clock)
    for attempt in range(MAX_TRIES - 1):
        assert not guard.attempt("0000")
        assert guard.tries_left() == MAX_TRIES - attempt - 1
    assert not guard.attempt("0000")
    assert guard.seconds_locked() == LOCK_SECONDS
    assert not guard.attempt("1357")  # locked: even the right PIN fails
    clock.now += LOCK_SECONDS - 0.5
    assert guard.seconds_locked() == 1
    clock.now += 1
    assert guard.seconds_locked() == 0
    assert guard.attempt("1357")


def test_without_a_stored_hash_the_default_pin_works():
    guard = PinGuard(None)
    assert guard.uses_default_pin
    assert not guard.attempt("1234")
    assert guard.attempt("0000")


def test_set_pin_keeps_the_config_files_permissions(tmp_path):
    """A machine-wide config is readable by the kiosk account (e.g. 0640); rewriting its PIN line must not make
    it private to whoever ran set-pin."""
    import os
    import stat

    from kiosk.config_file import write_pin_hash
    from kiosk.staff_pin import hash_pin

    config = tmp_path / "config.yaml"
    config.write_text('kiosk_name: "North lobby"\n')
    os.chmod(config, 0o640)
    write_pin_hash(config, hash_pin("2468"))
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert "staff_pin_hash" in config.read_text()


# Issue 16 item 8: a hash that would never verify (or would block the GUI for seconds) is a `kiosk check`
# problem; the lock survives a restart; wrong tries and lockouts are logged without digits.
import base64  # noqa: E402
import logging  # noqa: E402

from kiosk.staff_pin import PinLockFile, pin_hash_problem  # noqa: E402


def _hash_with(n, r, p, salt=b"0123456789abcdef", digest=bytes(32)):
    return f"scrypt${n}${r}${p}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


@pytest.mark.parametrize("n, r, p", [(3, 8, 1), (0, 8, 1), (2**14, 0, 8), (2**14, 8, 0), (2**20, 8, 1),
                                     (2**14, 8, 40), (1, 8, 1), (2**14, 10**9, 1)])
def test_hashes_with_unusable_scrypt_settings_are_refused(n, r, p):
    text = _hash_with(n, r, p)
    assert not is_pin_hash(text)
    assert pin_hash_problem(text)
    assert not verify_pin("1234", text)     # and never a ValueError or seconds of work if one reaches it


def test_a_short_salt_is_refused():
    assert not is_pin_hash(_hash_with(2**14, 8, 1, salt=b"ab"))


@pytest.mark.parametrize("n, r, p", [(3, 8, 1), (2**20, 8, 1), (2**14, 8, 40), (2**14, 0, 1)])
def test_kiosk_check_reports_a_malformed_hash_with_the_fix(tmp_path, n, r, p):
    from kiosk.config import load_config

    config = tmp_path / "config.yaml"
    config.write_text(f'staff_pin_hash: "{_hash_with(n, r, p)}"\n')
    _, problems = load_config(config)
    assert [problem.path for problem in problems] == ["staff_pin_hash"]
    assert "kiosk set-pin" in problems[0].fix


def test_the_lock_survives_a_restart(tmp_path):
    clock, wall = FakeClock(), FakeClock()
    store = PinLockFile(tmp_path / "data" / "staff-pin-lock.json")
    guard = PinGuard(hash_pin("1357"), clock=clock, store=store, wall_clock=wall)
    for _ in range(MAX_TRIES):
        guard.attempt("0000")
    assert guard.seconds_locked() == LOCK_SECONDS
    wall.now += 20
    restarted = PinGuard(hash_pin("1357"), clock=FakeClock(), store=store, wall_clock=wall)
    assert restarted.seconds_locked() == LOCK_SECONDS - 20
    assert not restarted.attempt("1357")


def test_wrong_tries_survive_a_restart_and_a_right_pin_clears_them(tmp_path):
    store = PinLockFile(tmp_path / "staff-pin-lock.json")
    guard = PinGuard(hash_pin("1357"), clock=FakeClock(), store=store)
    for _ in range(MAX_TRIES - 1):
        guard.attempt("0000")
    restarted = PinGuard(hash_pin("1357"), clock=FakeClock(), store=store)
    assert restarted.tries_left() == 1
    assert restarted.attempt("1357")
    assert PinGuard(hash_pin("1357"), clock=FakeClock(), store=store).tries_left() == MAX_TRIES


def test_a_clock_set_back_cannot_lock_for_longer_than_a_minute(tmp_path):
    store = PinLockFile(tmp_path / "staff-pin-lock.json")
    wall = FakeClock()
    guard = PinGuard(hash_pin("1357"), clock=FakeClock(), store=store, wall_clock=wall)
    for _ in range(MAX_TRIES):
        guard.attempt("0000")
    wall.now -= 86400
    assert PinGuard(hash_pin("1357"), clock=FakeClock(), store=store, wall_clock=wall).seconds_locked() \
        == LOCK_SECONDS


@pytest.mark.parametrize("text", ["", "{", "[]", '{"wrong_tries": "x", "locked_until": null}',
                                  '{"wrong_tries": -4, "locked_until": 1e400}'])
def test_a_damaged_lock_file_is_read_as_no_lock(tmp_path, text):
    (tmp_path / "staff-pin-lock.json").write_text(text)
    guard = PinGuard(hash_pin("1357"), clock=FakeClock(), store=PinLockFile(tmp_path / "staff-pin-lock.json"))
    assert guard.tries_left() == MAX_TRIES and guard.seconds_locked() == 0


def test_an_unwritable_data_folder_still_locks_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    guard = PinGuard(hash_pin("1357"), clock=FakeClock(), store=PinLockFile(blocker / "staff-pin-lock.json"))
    for _ in range(MAX_TRIES):
        guard.attempt("0000")
    assert guard.seconds_locked() == LOCK_SECONDS


def test_wrong_tries_and_lockouts_are_logged_without_digits(caplog):
    guard = PinGuard(hash_pin("1357"), clock=FakeClock())
    with caplog.at_level(logging.INFO, logger="kiosk"):
        for _ in range(MAX_TRIES):
            guard.attempt("2468")
    messages = [record.getMessage() for record in caplog.records]
    assert messages.count("staff_pin.wrong_try") == MAX_TRIES
    assert messages.count("staff_pin.locked_out") == 1
    assert not any(character.isdigit() for message in messages for character in message)
