"""The kiosk finds a customer (masked, audited with the shop) and places an order for home
delivery through the operator's order service: reservation, OMS outbox, audit."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from cti_desk.domain.delivery import DraftLine, OrderDraft
from cti_desk.services.kiosk import find_kiosk_customer, kiosk_shop, place_kiosk_order
from cti_desk.services.orders import OutOfStock, ValidationFailed
from cti_desk.store.models import (
    Address,
    AuditEntry,
    ChannelIdentity,
    Customer,
    CustomerPhone,
    DeliveryOrder,
    OutboxMessage,
    Purchase,
    StockLevel,
)
from tests.factories import add_customer
from tests.retail_factories import add_retail

# Monday 2026-11-30, 10:00 in Tokyo: from the Shibuya shop (lead 1) it arrives Tuesday.
NOW = datetime(2026, 11, 30, 1, 0, 0)


@pytest.fixture
def retail(store):
    r = add_retail(store)  # 山田 太郎, 03-1234-5678, 〒150-0002 渋谷区 渋谷1-2-3
    r.member = add_customer(store, name="佐藤 花子", kana="サトウ ハナコ", phones=("090-1234-5678",),
                            member_id="M0001001")
    with store.transaction() as s:
        s.add(Address(customer_id=r.member, postal_code="1500002", prefecture="東京都",
                      city="渋谷区", line1="神南1-1-1", line2="501号室"))
    return r


def audits(store, action):
    with store.session() as s:
        return s.execute(select(AuditEntry.actor, AuditEntry.customer_id, AuditEntry.detail)
                         .where(AuditEntry.action == action).order_by(AuditEntry.id)).all()


# -------------------------------------------------------------------------- customers


@pytest.mark.parametrize("typed", ["M0001001", "m0001001", "Ｍ０００１００１"])
def test_a_member_number_finds_the_member_masked(store, retail, typed):
    shop = kiosk_shop(store, "S-SHIBUYA")
    found = find_kiosk_customer(store, typed, shop)
    assert found.message is None
    [c] = found.customers
    assert (c.customer_id, c.masked_name, c.masked_phone) == (retail.member, "佐藤 **", "090-****-5678")
    assert (c.postal_code, c.prefecture, c.city) == ("1500002", "東京都", "渋谷区")
    assert "花子" not in repr(found) and "1234" not in repr(found) and "神南" not in repr(found)
    assert audits(store, "kiosk.customer_lookup") == [
        ("kiosk:S-SHIBUYA", retail.member, "shop=S-SHIBUYA by=member")]


@pytest.mark.parametrize("typed", ["03-1234-5678", "0312345678", "+81 3 1234 5678", "０３（１２３４）５６７８"])
def test_a_phone_number_finds_the_customer_by_the_call_pops_resolution(store, retail, typed):
    shop = kiosk_shop(store, "s-shibuya")
    [c] = find_kiosk_customer(store, typed, shop).customers
    assert (c.customer_id, c.masked_name, c.masked_phone) == (retail.customer_id, "山田 **", "03-****-5678")
    [(actor, customer_id, detail)] = audits(store, "kiosk.customer_lookup")
    assert (actor, customer_id, detail) == ("kiosk:S-SHIBUYA", retail.customer_id, "shop=S-SHIBUYA by=phone")


def test_a_shared_landline_shows_each_of_its_customers_and_audits_each(store, retail):
    other = add_customer(store, name="山田 花子", kana="ヤマダ ハナコ", phones=("03-1234-5678",))
    shop = kiosk_shop(store, "S-SHIBUYA")
    found = find_kiosk_customer(store, "03-1234-5678", shop)
    assert [(c.customer_id, c.masked_name) for c in found.customers] == [
        (retail.customer_id, "山田 **"), (other, "山田 **")]
    assert [a[1] for a in audits(store, "kiosk.customer_lookup")] == [retail.customer_id, other]


@pytest.mark.parametrize(("typed", "code"), [
    ("M9999999", "customer.none"),
    ("090-9999-0000", "customer.none"),
    ("佐藤", "customer.none"),  # names are not looked up at a shared screen
    ("   ", "customer.enter"),
])
def test_nobody_found_is_a_message_and_still_an_audit_row_without_what_was_typed(store, retail, typed, code):
    shop = kiosk_shop(store, "S-SHIBUYA")
    found = find_kiosk_customer(store, typed, shop)
    assert found.customers == [] and found.message.code == code
    [(actor, customer_id, detail)] = audits(store, "kiosk.customer_lookup")
    assert (actor, customer_id) == ("kiosk:S-SHIBUYA", None)
    assert "shop=S-SHIBUYA" in detail and "found=0" in detail
    assert typed.strip() == "" or typed not in detail


# ----------------------------------------------------------------------------- orders


def kettle_draft(r, customer_id, location="S-SHIBUYA", quantity=1, **kw) -> OrderDraft:
    base = dict(customer_id=customer_id,
                lines=[DraftLine(r.products["SKU-KETTLE"], quantity, 4980, r.locations[location])],
                postal_code="150-0002", prefecture="東京都", city="渋谷区",
                delivery_date=date(2026, 12, 1), slot="14-16", payment="cod")
    base.update(kw)
    return OrderDraft(**base)


def reserved(store, r, location):
    with store.session() as s:
        return s.get(StockLevel, (r.products["SKU-KETTLE"], r.locations[location])).reserved


def test_a_members_order_reserves_queues_for_the_oms_and_is_audited_with_the_shop(store, retail):
    shop = kiosk_shop(store, "S-SHIBUYA")
    # The screen only had the masked member: name, phone and street come from the record.
    draft = kettle_draft(retail, retail.member, quantity=2)
    placed = place_kiosk_order(store, draft, shop, "draft-1", now=NOW)
    assert placed.total == 9960 and placed.delivery_date == date(2026, 12, 1) and not placed.found
    assert reserved(store, retail, "S-SHIBUYA") == 2
    with store.session() as s:
        order = s.scalars(select(DeliveryOrder)).one()
        assert (order.order_no, order.customer_id, order.operator) == (placed.order_no, retail.member, "kiosk:S-SHIBUYA")
        assert (order.recipient, order.phone, order.line1, order.line2) == ("佐藤 花子", "+819012345678", "神南1-1-1", "501号室")
        outbox = s.scalars(select(OutboxMessage)).one()
    assert (outbox.idempotency_key, outbox.status, outbox.id) == (placed.order_no, "pending", placed.outbox_id)
    assert outbox.payload["delivery"]["recipient"] == "佐藤 花子"
    assert [(ln["sku"], ln["quantity"], ln["ship_from"]) for ln in outbox.payload["lines"]] == [("SKU-KETTLE", 2, "S-SHIBUYA")]
    # A shop's order, not the call center's: its channel, its shop, its own number series.
    assert (outbox.payload["channel"], outbox.payload["shop"]) == ("store", "S-SHIBUYA")
    assert placed.order_no.startswith("KS-20261130-")
    with store.session() as s:
        purchase = s.get(Purchase, placed.purchase_id)
        assert (purchase.channel, purchase.location_id) == ("store", retail.locations["S-SHIBUYA"])
    assert audits(store, "order.place")[0][:2] == ("kiosk:S-SHIBUYA", retail.member)
    [(actor, customer_id, detail)] = audits(store, "kiosk.order")
    assert (actor, customer_id) == ("kiosk:S-SHIBUYA", retail.member)
    assert detail.startswith(f"{placed.order_no} shop=S-SHIBUYA ")
    # The window's own draft is left as it was: no unmasked data handed back into it.
    assert (draft.recipient, draft.phone, draft.line1, draft.operator) == ("", "", "", "")


def test_the_same_draft_placed_again_finds_its_order_and_changes_nothing(store, retail):
    shop = kiosk_shop(store, "S-SHIBUYA")
    first = place_kiosk_order(store, kettle_draft(retail, retail.member), shop, "draft-2", now=NOW)
    again = place_kiosk_order(store, kettle_draft(retail, retail.member), shop, "draft-2", now=NOW)
    assert again.found and again.order_no == first.order_no
    assert reserved(store, retail, "S-SHIBUYA") == 1
    assert len(audits(store, "kiosk.order")) == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_a_guest_becomes_a_customer_with_their_phone_once_per_draft(store, retail):
    shop = kiosk_shop(store, "S-SHIBUYA")
    draft = kettle_draft(retail, 0, location="WH-EAST", recipient="高橋 一郎", phone="080-1111-2222",
                         line1="宇田川町3-3", delivery_date=date(2026, 12, 2))
    placed = place_kiosk_order(store, draft, shop, "draft-3", now=NOW)
    again = place_kiosk_order(store, draft, shop, "draft-3", now=NOW)
    assert again.found and again.order_no == placed.order_no
    with store.session() as s:
        guest = s.scalars(select(ChannelIdentity).where(ChannelIdentity.external_id == "kiosk-draft-3")).one()
        assert guest.channel == "store"
        assert s.get(Customer, guest.customer_id).name == "高橋 一郎"
        assert s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == guest.customer_id)).all() == ["+818011112222"]
        assert s.scalars(select(DeliveryOrder.customer_id)).one() == guest.customer_id
    assert reserved(store, retail, "WH-EAST") == 1
    # A kiosk phone lookup now finds the guest (the same resolution as the call pop).
    [c] = find_kiosk_customer(store, "080-1111-2222", shop).customers
    assert (c.customer_id, c.masked_name) == (guest.customer_id, "高橋 **")
    assert [a[1] for a in audits(store, "customer.create")] == [guest.customer_id]


def test_a_guest_draft_that_would_be_refused_makes_no_customer(store, retail):
    shop = kiosk_shop(store, "S-SHIBUYA")
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Customer))
    # Warehouse stock (lead 2) cannot be there on Tuesday; and no phone.
    draft = kettle_draft(retail, 0, location="WH-EAST", recipient="高橋 一郎", line1="宇田川町3-3")
    with pytest.raises(ValidationFailed) as refused:
        place_kiosk_order(store, draft, shop, "draft-4", now=NOW)
    assert set(refused.value.errors) == {"phone", "delivery_date"}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == before
        assert s.scalar(select(func.count()).select_from(DeliveryOrder)) == 0


def test_stock_gone_since_the_look_is_refused_with_nothing_saved(store, retail):
    shop = kiosk_shop(store, "S-SHIBUYA")
    with pytest.raises(OutOfStock) as gone:
        place_kiosk_order(store, kettle_draft(retail, retail.member, location="S-UMEDA", quantity=2), shop,
                          "draft-5", now=NOW)
    assert gone.value.suggestion is not None  # where else it can come from
    assert reserved(store, retail, "S-UMEDA") == 0
    assert audits(store, "kiosk.order") == []
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_a_guests_order_refused_for_stock_leaves_no_guest_behind(store, retail):
    """The guest's record is made in the order's own transaction: no order, no guest."""
    shop = kiosk_shop(store, "S-SHIBUYA")
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Customer))
    draft = kettle_draft(retail, 0, location="S-UMEDA", quantity=2, recipient="高橋 一郎",
                         phone="080-1111-2222", line1="宇田川町3-3", delivery_date=date(2026, 12, 3))
    with pytest.raises(OutOfStock):
        place_kiosk_order(store, draft, shop, "draft-6", now=NOW)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == before
        assert s.scalar(select(func.count()).select_from(ChannelIdentity).where(
            ChannelIdentity.external_id == "kiosk-draft-6")) == 0
    assert audits(store, "customer.create") == []


def test_a_guest_pays_on_delivery_only(store, retail):
    """No card on file, no invoice account for someone the store does not know."""
    shop = kiosk_shop(store, "S-SHIBUYA")
    for payment in ("card", "invoice"):
        draft = kettle_draft(retail, 0, recipient="高橋 一郎", phone="080-1111-2222", line1="宇田川町3-3",
                             delivery_date=date(2026, 12, 3), payment=payment)
        with pytest.raises(ValidationFailed) as refused:
            place_kiosk_order(store, draft, shop, f"draft-pay-{payment}", now=NOW)
        assert set(refused.value.errors) == {"payment"}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DeliveryOrder)) == 0
