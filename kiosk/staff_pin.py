"""The staff PIN: stored only as a salted scrypt hash; five wrong tries lock the pad for a minute, and a restart
does not lift the lock (spec §6): the tries and the lock's end are kept in a small file in the data folder.
Wrong tries and lockouts are logged as events with no digits, so IT can see guessing."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kiosk.atomic_file import write_atomically

log = logging.getLogger("kiosk.staff_pin")

SCHEME = "scrypt"
# n=2**14, r=8 costs about 16 MB and ~40 ms here: slow for guessing, quick enough for a PIN pad.
COST_N, BLOCK_R, PARALLEL_P = 2**14, 8, 1
DEFAULT_PIN = "0000"
MAX_TRIES = 5
LOCK_SECONDS = 60.0
# The scrypt settings a stored hash may use: around ours, so a hand-edited or damaged hash can neither fail
# forever (n=3 makes hashlib raise) nor hold the GUI thread for seconds (n=2**20, p=40).
COST_N_RANGE = (2**12, 2**15)
BLOCK_R_RANGE = (1, 16)
PARALLEL_P_RANGE = (1, 4)
MAX_WORK = 4 * COST_N * BLOCK_R * PARALLEL_P   # n*r*p: at most four times our own cost (~160 ms)
MIN_SALT_BYTES = 8
DIGEST_BYTES = 32
SET_PIN_FIX = "Run `kiosk set-pin` to set the PIN; it writes this line for you."
LOCK_FILE_NAME = "staff-pin-lock.json"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=COST_N, r=BLOCK_R, p=PARALLEL_P, dklen=32)
    return f"{SCHEME}${COST_N}${BLOCK_R}${PARALLEL_P}${_b64(salt)}${_b64(digest)}"


def pin_hash_problem(text: str) -> str | None:
    """Why `text` cannot be the stored PIN hash (for the config's problem list), or None when it can."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != SCHEME or not all(part.isdigit() for part in parts[1:4]):
        return "staff_pin_hash is not a hash made by the kiosk (never write the PIN itself here)"
    n, r, p = (int(part) for part in parts[1:4])
    if not (COST_N_RANGE[0] <= n <= COST_N_RANGE[1] and n & (n - 1) == 0):
        return f"staff_pin_hash has a cost n={n} the kiosk cannot use (a power of two from " \
               f"{COST_N_RANGE[0]} to {COST_N_RANGE[1]})"
    if not BLOCK_R_RANGE[0] <= r <= BLOCK_R_RANGE[1] or not PARALLEL_P_RANGE[0] <= p <= PARALLEL_P_RANGE[1] \
            or n * r * p > MAX_WORK:
        return f"staff_pin_hash has scrypt settings (r={r}, p={p}) the kiosk cannot use"
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return "staff_pin_hash is damaged (its salt or digest is not base64)"
    if len(salt) < MIN_SALT_BYTES or len(digest) != DIGEST_BYTES:
        return "staff_pin_hash is damaged (its salt or digest has the wrong length)"
    return None


def is_pin_hash(text: str) -> bool:
    return pin_hash_problem(text) is None


def verify_pin(pin: str, stored: str) -> bool:
    if not is_pin_hash(stored):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    try:
        candidate = hashlib.scrypt(pin.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                                   maxmem=256 * int(r) * int(n) + 2**20, dklen=DIGEST_BYTES)
    except (ValueError, MemoryError):   # OpenSSL refusing the settings: the PIN cannot be checked, so it fails
        log.error("staff_pin.hash_unusable")
        return False
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def is_valid_new_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 8 and pin.isascii()


class PinLockFile:
    """The wrong tries and the lock's end (wall-clock seconds), kept across restarts. Written whole or not at all;
    a missing or damaged file reads as no tries and no lock, and a file that cannot be written only costs the
    lock's survival of a restart (the guard keeps it in memory meanwhile)."""

    def __init__(self, path: Path):
        self.path = path

    @classmethod
    def in_data_folder(cls) -> PinLockFile:
        from kiosk import paths

        return cls(paths.default_data_dir() / LOCK_FILE_NAME)

    def read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            tries, until = data["wrong_tries"], data["locked_until"]
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, TypeError, KeyError):
            log.warning("staff_pin.lock_file_unreadable")
            return 0, 0.0
        if not isinstance(tries, int) or isinstance(tries, bool) or not isinstance(until, (int, float)) \
                or isinstance(until, bool) or not math.isfinite(until):
            log.warning("staff_pin.lock_file_unreadable")
            return 0, 0.0
        return min(max(tries, 0), MAX_TRIES - 1), float(until)

    def write(self, wrong_tries: int, locked_until: float) -> None:
        data = json.dumps({"wrong_tries": wrong_tries, "locked_until": locked_until}).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data, prefix=".staff-pin-", suffix=".json")
        except OSError as error:
            log.warning("staff_pin.lock_file_unwritable errno=%s", error.errno)


@dataclass
class PinGuard:
    """Checks PIN attempts and enforces the lock. `stored_hash` None means the default PIN is in use.
    `clock` (monotonic) times the lock while running; `store` and `wall_clock` carry it across a restart."""

    stored_hash: str | None
    clock: Callable[[], float] = time.monotonic
    wrong_tries: int = 0
    locked_until: float = field(default=0.0)
    store: PinLockFile | None = None
    wall_clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        if self.store is None:
            return
        self.wrong_tries, locked_until_wall = self.store.read()
        left = locked_until_wall - self.wall_clock()
        if left > 0:   # never longer than a lock lasts, whatever the wall clock did meanwhile
            self.locked_until = self.clock() + min(left, LOCK_SECONDS)

    @property
    def uses_default_pin(self) -> bool:
        return self.stored_hash is None

    def seconds_locked(self) -> int:
        """Whole seconds left on the lock (rounded up), 0 when the pad is open."""
        left = self.locked_until - self.clock()
        return math.ceil(left) if left > 0 else 0

    def tries_left(self) -> int:
        return MAX_TRIES - self.wrong_tries

    def attempt(self, pin: str) -> bool:
        """True when the PIN is right. While locked every attempt fails without being checked."""
        if self.seconds_locked():
            return False
        return self.record(self.check(pin))

    def check(self, pin: str) -> bool:
        """Whether `pin` is the PIN: the slow part (scrypt, ~40 ms), which changes nothing, so it may run on any
        thread (the PIN pad's runs off the GUI thread); `record` then counts the try."""
        if self.stored_hash is None:
            return hmac.compare_digest(pin.encode(), DEFAULT_PIN.encode())
        return verify_pin(pin, self.stored_hash)

    def record(self, ok: bool) -> bool:
        """Count a checked try: a wrong one towards the lock. While locked it fails, whatever was checked."""
        if self.seconds_locked():
            return False
        if ok:
            if self.wrong_tries:
                self.wrong_tries = 0
                self._save(0.0)
            return True
        self.wrong_tries += 1
        log.warning("staff_pin.wrong_try")
        if self.wrong_tries >= MAX_TRIES:
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            log.warning("staff_pin.locked_out")
            self._save(self.wall_clock() + LOCK_SECONDS)
        else:
            self._save(0.0)
        return False

    def _save(self, locked_until_wall: float) -> None:
        if self.store is not None:
            self.store.write(self.wrong_tries, locked_until_wall)
