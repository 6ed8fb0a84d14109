"""`POST /inquiries`: the EC and app contact forms into the unified store, on SQLite and
PostgreSQL; and both channels' inquiries in the customer's history as the window reads it.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from cti_desk.services.search import find_customers
from cti_desk.store.models import Customer, CustomerEmail, CustomerPhone, Inquiry
from tests.app.inbox_harness import (
    counts,
    customer_of,
    history,
    import_customers,
    line_body,
    post_form,
    post_line,
    run_inbox,
)


def form(**changes) -> dict:
    body = {"id": "EC-Q-1001", "channel": "ec", "external_id": "EC000123", "email": "", "phone": "",
            "subject": "返品について", "text": "サイズが合わなかったので返品したいです。",
            "at": "2026-11-23T10:15:00+09:00"}
    body.update(changes)
    return body


def test_a_form_sent_twice_is_one_inquiry_with_the_same_id(store, tmp_path):
    import_customers(store, tmp_path)
    sato = customer_of(store, "ec", "EC000123")
    answers = []

    async def scenario(http):
        answers.append(await post_form(http, form()))
        answers.append(await post_form(http, form()))
        answers.append(await post_form(http, form(text="changed on the second try")))

    run_inbox(store, scenario)
    (created, first), (replayed, second), (third, again) = answers
    assert (created, replayed, third) == (201, 200, 200)
    assert first == second == again and isinstance(first["inquiry_id"], int)
    [inquiry] = history(store, sato)
    assert (inquiry.id, inquiry.channel, inquiry.subject, inquiry.status) == (
        first["inquiry_id"], "ec", "返品について", "open")
    assert inquiry.entries[0].notes == "サイズが合わなかったので返品したいです。"  # the first one's


def test_a_phone_or_an_email_joins_the_customer_by_the_imports_rules(store, tmp_path):
    import_customers(store, tmp_path)
    taro = customer_of(store, "store", "2900000000011")
    hanako = customer_of(store, "store", "2900000000028")
    caller = customer_of(store, "call_center", "CC00000001")
    before = counts(store)
    ids = {}

    async def scenario(http):
        # taro@example.jp is 山田 太郎's only; he has no app identity yet: joined.
        ids["email"] = (await post_form(http, form(id="A-1", channel="app", external_id="APP-1",
                                                   email="TARO@example.jp")))[1]["inquiry_id"]
        # 080-5555-6666 is the call center's caller's only, who has no EC account: joined.
        ids["phone"] = (await post_form(http, form(id="E-1", external_id="EC-NEW-1",
                                                   phone="080-5555-6666")))[1]["inquiry_id"]
        # The household landline of 太郎 and 花子 is two customers: not guessed, a new one.
        ids["shared"] = (await post_form(http, form(id="E-2", external_id="EC-NEW-2",
                                                    phone="03 1234 5678", name="山田 次郎")))[1]["inquiry_id"]
        # Another app identity never joins a customer who has one: 太郎's email, a new customer.
        ids["same_channel"] = (await post_form(http, form(id="A-2", channel="app", external_id="APP-2",
                                                          email="taro@example.jp")))[1]["inquiry_id"]

    run_inbox(store, scenario)
    assert customer_of(store, "app", "APP-1") == taro
    assert customer_of(store, "ec", "EC-NEW-1") == caller
    new_shared, new_app = customer_of(store, "ec", "EC-NEW-2"), customer_of(store, "app", "APP-2")
    assert len({new_shared, new_app, taro, hanako, caller}) == 5
    assert counts(store)["customers"] == before["customers"] + 2
    with store.session() as s:
        owner = {i.id: i.customer_id for i in s.scalars(select(Inquiry))}
        assert owner[ids["email"]] == taro and owner[ids["phone"]] == caller
        assert owner[ids["shared"]] == new_shared and owner[ids["same_channel"]] == new_app
        assert s.get(Customer, new_shared).name == "山田 次郎"  # the name the form gave
        assert s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == new_shared)).all() == [
            "+81312345678"]
        assert s.scalars(select(CustomerEmail.email).where(CustomerEmail.customer_id == new_app)).all() == [
            "taro@example.jp"]
    # The new customers are found by what the form said, like an imported one.
    assert new_shared in {c.customer_id for c in find_customers(store, "山田 次郎")}


def test_a_line_message_and_a_form_in_the_customers_history(store, tmp_path):
    """佐藤 一郎 has an EC account and a LINE identity (joined by email at import): what
    he wrote on LINE yesterday and on the EC site today are both in front of the operator."""
    import_customers(store, tmp_path)
    sato = customer_of(store, "ec", "EC000123")
    assert customer_of(store, "line", "Uabc123") == sato
    message = line_body("text_message_group.json", source={"type": "user", "userId": "Uabc123"},
                        message={"id": "1", "type": "text", "text": "注文した靴のサイズを変えられますか？"},
                        timestamp=1795309200000)  # 2026-11-22 10:00 Japan time

    async def scenario(http):
        assert (await post_line(http, message))[0] == 200
        assert (await post_form(http, form()))[0] == 201

    run_inbox(store, scenario)
    rows = history(store, sato)
    assert [(r.channel, r.status) for r in rows] == [("ec", "open"), ("line", "open")]  # newest first
    assert rows[1].subject == "注文した靴のサイズを変えられますか？"
    assert rows[1].entries[0].notes == "注文した靴のサイズを変えられますか？"


def test_the_token_the_body_and_its_size_are_checked_first(store):
    before = counts(store)

    def exactly(size: int) -> bytes:
        body = json.dumps(form(channel="store", external_id="S-9", text="")).encode()
        return body[:-1] + b', "pad": "' + b"x" * (size - len(body) - 11) + b'"}'

    async def scenario(http):
        assert await post_form(http, form(), token=None) == (401, {"error": "missing or wrong bearer token"})
        assert (await post_form(http, form(), token="guess"))[0] == 401
        assert await post_form(http, b"[1, 2]") == (400, {"error": "body is not a JSON object"})
        assert await post_form(http, form(channel="fax")) == (
            400, {"error": "channel must be one of ec, app, store"})
        assert (await post_form(http, exactly(65_537)))[0] == 413
        assert len(exactly(65_536)) == 65_536
        assert (await post_form(http, exactly(65_536)))[0] == 201  # 64 KiB is still taken

    run_inbox(store, scenario)
    assert counts(store)["inquiries"] == before["inquiries"] + 1
