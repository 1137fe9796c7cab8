"""The staff PIN: stored only as a salted scrypt hash; five wrong tries lock the pad for a minute."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import time
from dataclasses import dataclass, field
from typing import Callable

SCHEME = "scrypt"
# n=2**14, r=8 costs about 16 MB and ~40 ms here: slow for guessing, quick enough for a PIN pad.
COST_N, BLOCK_R, PARALLEL_P = 2**14, 8, 1
DEFAULT_PIN = "0000"
MAX_TRIES = 5
LOCK_SECONDS = 60.0


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=COST_N, r=BLOCK_R, p=PARALLEL_P, dklen=32)
    return f"{SCHEME}${COST_N}${BLOCK_R}${PARALLEL_P}${_b64(salt)}${_b64(digest)}"


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != SCHEME or not all(part.isdigit() for part in parts[1:4]):
        return False
    try:
        base64.b64decode(parts[4], validate=True)
        return len(base64.b64decode(parts[5], validate=True)) == 32
    except ValueError:
        return False


def verify_pin(pin: str, stored: str) -> bool:
    if not is_pin_hash(stored):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(pin.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=32)
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def is_valid_new_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 8 and pin.isascii()


@dataclass
class PinGuard:
    """Checks PIN attempts and enforces the lock. `stored_hash` None means the default PIN is in use."""

    stored_hash: str | None
    clock: Callable[[], float] = time.monotonic
    wrong_tries: int = 0
    locked_until: float = field(default=0.0)

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
        if self.stored_hash is None:
            ok = hmac.compare_digest(pin.encode(), DEFAULT_PIN.encode())
        else:
            ok = verify_pin(pin, self.stored_hash)
        if ok:
            self.wrong_tries = 0
            return True
        self.wrong_tries += 1
        if self.wrong_tries >= MAX_TRIES:
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS
        return False
