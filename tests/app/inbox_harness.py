"""The inbox's HTTP service on 127.0.0.1, a free port, over a real store, driven with real
HTTP (aiohttp client -> aiohttp server), for the inbox tests."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import aiohttp
from sqlalchemy import func, select

from cti_desk.domain.line_webhook import sign
from cti_desk.domain.roles import Role
from cti_desk.services.access import Seat
from cti_desk.services.importer import import_csv
from cti_desk.services.inbox_http import InboxService
from cti_desk.services.seat_services import SeatServices
from cti_desk.store.db import Store
from cti_desk.store.models import AuditEntry, ChannelIdentity, Customer, Inquiry, InquiryEntry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOKEN = "inbox-t0ken-for-tests"
SECRET = "8c570fa6dd201bb328f1c1eac23a96d8"
OPERATOR = Seat("sato", Role.OPERATOR, "desk-1")


def run_inbox(store: Store, scenario, token: str = TOKEN, secret: str | None = SECRET) -> None:
    async def main() -> None:
        service = InboxService(store, token=token, line_secret=secret)
        stop = asyncio.Event()
        task = asyncio.create_task(service.run("127.0.0.1", 0, stop))
        started = asyncio.create_task(service.started.wait())
        await asyncio.wait({task, started}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            task.result()
        try:
            async with aiohttp.ClientSession(f"http://127.0.0.1:{service.port}") as http:
                await scenario(http)
        finally:
            stop.set()
            await task

    asyncio.run(main())


def line_doc(name: str) -> bytes:
    """A body from LINE's Messaging API reference, byte for byte (fixtures/line/README.md)."""
    return (FIXTURES / "line" / name).read_bytes()


def line_body(name: str, **event_changes) -> bytes:
    """A documented body with its one event changed (another user, a fresh id)."""
    body = json.loads(line_doc(name))
    body["events"][0].update(event_changes)
    return json.dumps(body, ensure_ascii=False).encode()


async def post_line(http: aiohttp.ClientSession, body: bytes, signature: str | None = "sign",
                    secret: str = SECRET) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        signature = sign(secret.encode(), body)
    if signature is not None:
        headers["X-Line-Signature"] = signature
    # A file-like body: aiohttp warns about large raw bytes (and the suite makes warnings errors).
    async with http.post("/line", data=io.BytesIO(body), headers=headers) as r:
        return r.status, await r.json(content_type=None)


async def post_form(http: aiohttp.ClientSession, body: dict | bytes, path: str = "/inquiries",
                    token: str | None = TOKEN) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with http.post(path, data=data, headers=headers) as r:
        return r.status, await r.json(content_type=None)


def import_customers(store: Store, tmp_path: Path, extra_rows: str = "") -> None:
    """The customers fixture (UTF-8 with BOM), then any extra rows, through the real import."""
    import_csv(store, "customers", FIXTURES / "csv" / "customers.csv", actor="test")
    if extra_rows:
        path = tmp_path / "more_customers.csv"
        path.write_text("channel,external_id,name,name_kana,phone,email,postal_code,address,member_id\n"
                        + extra_rows, "utf-8")
        import_csv(store, "customers", path, actor="test")


def customer_of(store: Store, channel: str, external_id: str) -> int | None:
    with store.session() as s:
        return s.scalar(select(ChannelIdentity.customer_id).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id))


def counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                for m in (Inquiry, InquiryEntry, Customer, ChannelIdentity, AuditEntry)}


def history(store: Store, customer_id: int):
    """The customer's inquiries as the operator window loads them."""
    return SeatServices(store, OPERATOR).inquiries(customer_id)
