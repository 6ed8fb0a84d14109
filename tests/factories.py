"""Small helpers that put real rows in a real store for tests."""

from __future__ import annotations

from datetime import UTC, datetime

from cti_desk.domain.phone import normalize_e164
from cti_desk.store.db import Store
from cti_desk.store.models import ChannelIdentity, Customer, CustomerPhone


def add_customer(
    store: Store,
    name: str = "山田 太郎",
    kana: str = "ヤマダ タロウ",
    phones: tuple[str, ...] = ("03-1234-5678",),
    channel: str = "store",
    external_id: str | None = None,
    member_id: str | None = None,
) -> int:
    with store.transaction() as s:
        c = Customer(name=name, name_kana=kana, created_at=datetime.now(UTC).replace(tzinfo=None))
        s.add(c)
        s.flush()
        ident = ChannelIdentity(
            customer_id=c.id, channel=channel, external_id=external_id or f"X{c.id}",
            member_id=member_id,
        )
        s.add(ident)
        s.flush()
        for i, raw in enumerate(phones):
            s.add(CustomerPhone(customer_id=c.id, identity_id=ident.id, e164=normalize_e164(raw),
                                kind="mobile" if i else "home", raw=raw))
        return c.id
