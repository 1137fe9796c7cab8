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
