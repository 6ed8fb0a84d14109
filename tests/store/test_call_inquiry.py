"""The inquiry of a call: one per call, found again by whoever writes for that call next
(an order placed during the call, then its wrap-up). Real stores, both databases."""

from datetime import datetime

from sqlalchemy import func, select

from cti_desk.services.inquiries import CallRef, call_inquiry
from cti_desk.store.models import Inquiry, InquiryEntry
from tests.factories import add_customer
from tests.story_factories import add_inquiry

CALL = CallRef("1722860694.15", datetime(2026, 11, 30, 1, 0, 0), "+81312345678")


def test_a_call_gets_one_inquiry_whoever_asks_first(store):
    customer = add_customer(store)
    with store.transaction() as s:
        first = call_inquiry(s, CALL, customer, "sato").id
    with store.transaction() as s:
        again = call_inquiry(s, CALL, customer, "sato").id
    assert first == again
    with store.session() as s:
        inquiry = s.get(Inquiry, first)
        assert (inquiry.channel, inquiry.status, inquiry.customer_id) == ("call_center", "open", customer)
        assert inquiry.opened_at == CALL.started_at
        entries = s.scalars(select(InquiryEntry).where(InquiryEntry.inquiry_id == first)).all()
        assert [(e.call_id, e.caller_number, e.started_at) for e in entries] == [
            (CALL.call_id, CALL.caller_number, CALL.started_at)]


def test_a_call_continuing_an_open_inquiry_is_a_new_entry_in_its_thread(store):
    customer = add_customer(store)
    open_one = add_inquiry(store, customer, channel="call_center", status="open")
    with store.transaction() as s:
        assert call_inquiry(s, CALL, customer, "sato", continue_inquiry_id=open_one).id == open_one
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1
        assert s.scalar(select(InquiryEntry.inquiry_id).where(InquiryEntry.call_id == CALL.call_id)) == open_one
