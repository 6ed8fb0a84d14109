"""Staff PINs (the one that leaves kiosk mode): stored only as a slow, salted scrypt hash.

`scrypt$n$r$p$salt$hash` (base64) keeps its own cost parameters, so a later cti-desk can
raise them and still check the PINs set before.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os

from cti_desk.domain.errors import BadArgument
from cti_desk.domain.kiosk import pin_problem
from cti_desk.services.audit import record, utcnow
from cti_desk.store.db import Store
from cti_desk.store.models import StaffPin

log = logging.getLogger(__name__)

PIN_SCOPE = "kiosk"
# scrypt's cost: tens of milliseconds per try, 16 MiB of memory.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, HASH_BYTES = 2**14, 8, 1, 16, 32
MAX_SCRYPT_N = 2**20  # a row asking for more is not ours: refused, not computed



def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash` (base64), a fresh random salt each time."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        salt_b, digest_b = base64.b64decode(salt, validate=True), base64.b64decode(digest, validate=True)
    except ValueError:
        log.warning("the stored kiosk PIN is not in a form this cti-desk reads")
        return False
    if scheme != "scrypt" or not (1 < n_ <= MAX_SCRYPT_N and 0 < r_ <= 32 and 0 < p_ <= 16) or not digest_b:
        log.warning("the stored kiosk PIN is not in a form this cti-desk reads")
        return False
    if not (pin.isascii() and 0 < len(pin) <= 64):
        return False
    tried = hashlib.scrypt(pin.encode("ascii"), salt=salt_b, n=n_, r=r_, p=p_, dklen=len(digest_b),
                           maxmem=256 * r_ * n_ * p_ + 2**20)
    return hmac.compare_digest(tried, digest_b)


def set_pin(store: Store, pin: str, actor: str = "cti-desk kiosk set-pin") -> None:
    """Store the kiosk's staff PIN, hashed (BadArgument for an unacceptable PIN)."""
    problem = pin_problem(pin)
    if problem:
        raise BadArgument(f"invalid PIN: {problem}")
    hashed = hash_pin(pin)
    with store.transaction() as s:
        row = s.get(StaffPin, PIN_SCOPE)
        if row is None:
            s.add(StaffPin(scope=PIN_SCOPE, pin_hash=hashed, set_at=utcnow()))
        else:
            row.pin_hash, row.set_at = hashed, utcnow()
        record(s, actor, "kiosk.pin_set")


def pin_is_set(store: Store) -> bool:
    with store.session() as s:
        return s.get(StaffPin, PIN_SCOPE) is not None


def verify_pin(store: Store, pin: str) -> bool:
    """Whether `pin` is the kiosk's staff PIN (False when none is set)."""
    with store.session() as s:
        row = s.get(StaffPin, PIN_SCOPE)
        stored = row.pin_hash if row is not None else None
    return stored is not None and pin_matches(pin or "", stored)


