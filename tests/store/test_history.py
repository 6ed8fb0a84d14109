"""The customer's story behind a screen pop, on SQLite and PostgreSQL."""

from datetime import timedelta

from sqlalchemy import select

from cti_desk.domain.model import Resolution
from cti_desk.services.customers import resolve_caller
from cti_desk.services.history import (
    candidates,
    inquiries_for,
    pop_for_caller,
    purchase_page,
)
from cti_desk.services.inquiries import (
    WrapUp,
    attach_number,
    create_customer_from_call,
    save_wrapup,
)
from cti_desk.store.models import AuditEntry, ChannelIdentity, Inquiry
from tests.factories import add_customer
from tests.story_factories import BASE, add_address, add_inquiry, add_purchases


def test_pop_of_a_known_caller_has_story_and_is_audited(store):
    cid = add_customer(store, phones=("03-1234-5678",), member_id="M-1")
    add_purchases(store, cid, 3)
    add_inquiry(store, cid, notes="old", opened_at=BASE - timedelta(days=9))
    open_id = add_inquiry(store, cid, notes="still open", status="open", opened_at=BASE - timedelta(days=30))
    pop = pop_for_caller(store, "0312345678", "suzuki", "call-1")
    assert pop.match.resolution is Resolution.UNIQUE
    story = pop.story
    assert story.summary.name == "山田 太郎"
    assert story.purchase_count == 3
    assert [p.purchased_at for p in story.purchases] == [BASE - timedelta(days=n) for n in range(3)]
    assert story.purchases[0].items == "緑茶 500ml"
    assert story.purchases[1].items == "緑茶 500ml ×2"
    assert story.purchases[0].place == "渋谷店" and story.purchases[0].points == 10
    assert story.inquiries[0].id == open_id  # open first, even though older
    with store.session() as s:
        audit = s.scalars(select(AuditEntry)).all()
    assert [(a.actor, a.action, a.customer_id, a.call_id) for a in audit] == [
        ("suzuki", "customer.open", cid, "call-1")
    ]


def test_pages_are_disjoint_and_newest_first(store):
    cid = add_customer(store)
    add_purchases(store, cid, 450)
    with store.session() as s:
        pages = [purchase_page(s, cid, off, 200) for off in (0, 200, 400)]
    assert [len(p) for p in pages] == [200, 200, 50]
    ids = [r.purchase_id for p in pages for r in p]
    assert len(set(ids)) == 450
    dates = [r.purchased_at for p in pages for r in p]
    assert dates == sorted(dates, reverse=True)


def test_candidates_tell_customers_apart(store):
    a = add_customer(store, name="山田 太郎", member_id="M-A")
    b = add_customer(store, name="山田 花子", kana="ヤマダ ハナコ", external_id="H2")
    add_address(store, b, "大阪府", "北区")
    add_purchases(store, a, 1)
    pop = pop_for_caller(store, "03-1234-5678", "op", None)
    assert pop.match.resolution is Resolution.MULTIPLE
    assert [(c.id, c.member_ids, c.place, c.last_purchase_at) for c in pop.candidates] == [
        (a, ("M-A",), "", BASE), (b, (), "大阪府北区", None)
    ]
    with store.session() as s:
        assert candidates(s, [b])[0].name == "山田 花子"


def test_wrapup_without_customer_and_continuing_an_open_inquiry(store):
    save_wrapup(store, WrapUp(call_id="c9", operator="op", opened_at=BASE, caller_number="anonymous",
                              notes="間違い電話", disposition="wrong_number"))
    cid = add_customer(store)
    open_id = add_inquiry(store, cid, status="open", notes="折り返し希望")
    again = save_wrapup(store, WrapUp(call_id="c10", operator="op", opened_at=BASE, customer_id=cid,
                                      notes="折り返し済み", disposition="question_answered",
                                      continue_inquiry_id=open_id))
    assert again == open_id
    with store.session() as s:
        rows = s.scalars(select(Inquiry).order_by(Inquiry.id)).all()
        assert rows[0].customer_id is None and rows[0].channel == "call_center"
        assert rows[0].disposition == "wrong_number" and rows[0].call_id == "c9"
        assert rows[1].status == "closed" and "折り返し済み" in rows[1].notes
        assert inquiries_for(s, cid)[0].status == "closed"


def test_new_customer_from_call_and_attach_number(store):
    cid = create_customer_from_call(store, "新規 一郎", "しんき いちろう", "090-1111-2222", "A@Example.jp")
    with store.session() as s:
        assert resolve_caller(s, "09011112222").customer_ids == (cid,)
        ident = s.scalars(select(ChannelIdentity).where(ChannelIdentity.customer_id == cid)).one()
        assert ident.channel == "call_center"
    other = add_customer(store, phones=("06-1111-2222",))
    attach_number(store, other, "0311112222")
    attach_number(store, other, "03-1111-2222")  # twice is once
    with store.session() as s:
        assert resolve_caller(s, "0311112222").customer_ids == (other,)
