"""Caller resolution on a real store, SQLite and PostgreSQL."""

import pytest
from sqlalchemy import text

from cti_desk.domain.model import Resolution
from cti_desk.services.customers import (
    customer_summary,
    phone_lookup_statement,
    resolve_caller,
)
from tests.factories import add_customer


@pytest.mark.parametrize(
    "raw", ["0312345678", "+81312345678", "81312345678", "03-1234-5678", "1840312345678",
            "０３１２３４５６７８"]
)
def test_known_caller_resolves_uniquely_whatever_the_format(store, raw):
    cid = add_customer(store, phones=("03-1234-5678",))
    add_customer(store, name="別人", phones=("06-1234-5678",))
    with store.session() as s:
        match = resolve_caller(s, raw)
    assert match.resolution is Resolution.UNIQUE
    assert match.customer_ids == (cid,)
    assert match.number.e164 == "+81312345678"


def test_every_phone_of_a_customer_matches(store):
    cid = add_customer(store, phones=("0312345678", "090-1111-2222", "+81 6 9999 0000"))
    with store.session() as s:
        for raw in ("0312345678", "09011112222", "0699990000"):
            assert resolve_caller(s, raw).customer_ids == (cid,)


def test_shared_household_line_is_multiple_in_id_order(store):
    a = add_customer(store, name="山田 太郎", phones=("0312345678",))
    b = add_customer(store, name="山田 花子", phones=("03-1234-5678",), external_id="H2")
    with store.session() as s:
        match = resolve_caller(s, "0312345678")
    assert match.resolution is Resolution.MULTIPLE
    assert match.customer_ids == tuple(sorted((a, b)))


def test_customer_known_by_phone_alone(store):
    cid = add_customer(store, name="", kana="", phones=("09099998888",), channel="call_center")
    with store.session() as s:
        assert resolve_caller(s, "090-9999-8888").customer_ids == (cid,)


def test_unknown_withheld_and_extension(store):
    add_customer(store)
    with store.session() as s:
        assert resolve_caller(s, "0311112222").resolution is Resolution.NONE
        assert resolve_caller(s, "<unknown>").resolution is Resolution.ANONYMOUS
        assert resolve_caller(s, "").resolution is Resolution.ANONYMOUS
        ext = resolve_caller(s, "2001")
        assert ext.resolution is Resolution.NONE and ext.number.e164 is None


def test_summary_has_segment_and_points(store):
    cid = add_customer(store, member_id="M9")
    with store.session() as s:
        summary = customer_summary(s, cid)
    assert summary.segment == "prospect"
    assert summary.points == 0
    assert summary.member_ids == ["M9"]
    assert summary.phones == [("home", "+81312345678")]


def test_phone_lookup_is_one_index_search(store):
    stmt = phone_lookup_statement("+81312345678")
    with store.session() as s:
        compiled = stmt.compile(s.bind, compile_kwargs={"literal_binds": True})
        if s.bind.dialect.name == "sqlite":
            plan = " ".join(r[-1] for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
            assert "USING COVERING INDEX ix_customer_phones_e164" in plan, plan
            assert "SCAN customer_phones" not in plan
        else:
            s.execute(text("SET enable_seqscan = off"))  # tiny table: ask if an index *can* serve
            plan = " ".join(r[0] for r in s.execute(text(f"EXPLAIN {compiled}")))
            assert "ix_customer_phones_e164" in plan, plan
            assert "Seq Scan" not in plan
