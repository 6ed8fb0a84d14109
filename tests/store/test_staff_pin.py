"""The kiosk's staff PIN in a real store: only a salted scrypt hash is kept."""

from __future__ import annotations

import base64
import hashlib

import pytest
from sqlalchemy import func, select

from cti_desk.domain.errors import BadArgument
from cti_desk.services.kiosk import pin_is_set, set_pin, verify_pin
from cti_desk.store.models import AuditEntry, StaffPin


def stored(store) -> str:
    with store.session() as s:
        return s.scalars(select(StaffPin.pin_hash).where(StaffPin.scope == "kiosk")).one()


def test_no_pin_until_one_is_set(store):
    assert not pin_is_set(store)
    assert not verify_pin(store, "1234")
    assert not verify_pin(store, "")


def test_the_row_holds_a_scrypt_hash_that_the_pin_and_only_it_matches(store):
    set_pin(store, "482913")
    assert pin_is_set(store)
    row = stored(store)
    assert "482913" not in row
    scheme, n, r, p, salt, digest = row.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    salt_b, digest_b = base64.b64decode(salt), base64.b64decode(digest)
    assert len(salt_b) == 16
    # The hash is scrypt's, not something that merely looks like it.
    assert digest_b == hashlib.scrypt(b"482913", salt=salt_b, n=16384, r=8, p=1, dklen=len(digest_b))
    assert verify_pin(store, "482913")
    for wrong in ("482914", "48291", "4829130", "", "482913 ", "４８２９１３"):
        assert not verify_pin(store, wrong)


def test_the_same_pin_set_twice_gets_a_new_salt_and_the_new_pin_replaces_the_old(store):
    set_pin(store, "1234")
    first = stored(store)
    set_pin(store, "1234")
    second = stored(store)
    assert first.split("$")[4] != second.split("$")[4]
    assert first.split("$")[5] != second.split("$")[5]
    set_pin(store, "5678")
    assert verify_pin(store, "5678") and not verify_pin(store, "1234")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StaffPin)) == 1
        # Setting it is audited; the audit says nothing of the PIN.
        details = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "kiosk.pin_set")).all()
    assert len(details) == 3 and not any("1234" in d or "5678" in d for d in details)


@pytest.mark.parametrize("pin", ["123", "12ab", "1234567890123", ""])
def test_a_bad_pin_is_refused_and_the_old_one_kept(store, pin):
    set_pin(store, "2468")
    with pytest.raises(BadArgument) as refused:
        set_pin(store, pin)
    assert str(refused.value).startswith("invalid PIN: ")
    assert verify_pin(store, "2468")


def test_a_damaged_hash_row_lets_nobody_in(store):
    set_pin(store, "2468")
    with store.transaction() as s:
        s.get(StaffPin, "kiosk").pin_hash = "scrypt$99999999999$8$1$AAAA$AAAA"
    assert not verify_pin(store, "2468")
    with store.transaction() as s:
        s.get(StaffPin, "kiosk").pin_hash = "plain 2468"
    assert not verify_pin(store, "2468")
