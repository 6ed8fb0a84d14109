"""What the relay and its seats agree on, without a database: the store URL as psycopg
takes it, a call update through its published form and back, the once-only key of a long
call id, and when a seat's banner speaks (RelayBeat.problem, with an injected clock)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.relay_wire import (
    NO_RELAY,
    PBX_LOST,
    RELAY_SILENT,
    RelayBeat,
    call_key,
    call_payload,
    call_update,
    connect_args,
    once_key,
)

JST = timezone(timedelta(hours=9))


def test_the_store_url_becomes_psycopg_keywords_with_fast_dead_peer_detection():
    args = connect_args("postgresql+psycopg://cti:p%40ss@db.example:6432/cti?connect_timeout=9", "cti-desk seat")
    assert {k: args[k] for k in ("host", "port", "user", "password", "dbname", "connect_timeout")} == {
        "host": "db.example", "port": "6432", "user": "cti", "password": "p@ss", "dbname": "cti",
        "connect_timeout": "9"}  # the URL's own setting wins
    assert (args["keepalives_idle"], args["application_name"]) == ("5", "cti-desk seat")


@pytest.mark.parametrize("url", ["sqlite:///x.db", "mysql://u@h/db", "not a url"])
def test_anything_but_postgresql_is_bad_usage(url):
    with pytest.raises(BadArgument, match="PostgreSQL"):
        connect_args(url, "x")


def test_a_call_update_survives_its_published_form():
    u = CallUpdate("1722860694.15", CallState.RINGING, "0312345678", "山田 太郎", "support", None,
                   datetime(2026, 11, 23, 10, 0, 0, 123000, tzinfo=JST), state_changed=False,
                   ringing_at=frozenset({"PJSIP/2002", "PJSIP/2001"}), source="ami")
    back = call_update(call_payload(u, None))
    assert back == CallUpdate(**{**{f: getattr(u, f) for f in u.__slots__}, "source": "relay"})
    assert back.ts.utcoffset() == timedelta(hours=9)  # the relay's own time, offset and all


def test_a_long_call_id_keeps_a_key_of_its_own():
    a, b = "x" * 100 + "a", "x" * 100 + "b"  # a webhook's call id may have 128 characters
    assert len(call_key(a)) == 64 and call_key(a) != call_key(b)
    assert call_key("1722860694.15") == "1722860694.15"
    u = CallUpdate(a, CallState.MISSED, None, None, None, None, datetime.now(JST))
    assert once_key(u) == "missed:" + call_key(a)
    assert once_key(CallUpdate(a, CallState.RINGING, None, None, None, None, datetime.now(JST),
                               state_changed=False)) is None


def test_when_the_banner_speaks():
    assert RelayBeat(None, read_at=0.0).problem(now=0.0) == NO_RELAY
    fresh = RelayBeat(1.0, host="relay-1", pbx="connected", read_at=100.0)
    assert fresh.problem(now=105.0) is None  # 6 s old
    assert fresh.problem(now=110.0) == RELAY_SILENT  # 11 s: the seat read nothing newer since
    assert RelayBeat(12.0, pbx="connected", read_at=5.0).problem(now=5.0) == RELAY_SILENT
    assert RelayBeat(1.0, pbx="reconnecting", read_at=0.0).problem(now=0.0) == PBX_LOST
    assert RelayBeat(1.0, pbx="connecting", read_at=0.0).problem(now=0.0) is None  # its first login
