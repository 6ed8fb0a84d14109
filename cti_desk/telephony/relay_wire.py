"""What `cti-desk relay` and the seats on `--source relay` share (CONTRACT.md "Many seats").

The relay publishes through the store's PostgreSQL: each event is one row of
`call_events` (its id is the sequence number a seat catches up from) and a NOTIFY on
`cti_desk_calls` in the same transaction, carrying `{"id", "kind", "payload"}` (or the
bare id when that exceeds NOTICE_LIMIT): a seat that holds every event before it
handles it without reading the row. Rows by `kind`:

| kind | payload | what a seat does with it |
|---|---|---|
| `call` | a CallUpdate and the relay's caller lookup (`call_payload`) | emits it |
| `queue` | an AMI queue event, its (key, value) pairs | QueueBoard.handle_ami |
| `resync` | `{}`: a QueueStatus re-read starts | QueueBoard.resync_started |
| `agent` | `{queue, interface, state, paused}` (the simulator) | QueueBoard.agent_state |

The active relay holds a session-level advisory lock (`LOCK_KEY`) and beats
`relay_heartbeats` every BEAT_SECONDS with the database's clock. Plain psycopg 3 (async)
on connections of their own: no Qt, no store layer.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from cti_desk.domain.calls import CallState, CallUpdate
from cti_desk.domain.errors import BadArgument
from cti_desk.domain.text import bounded

CHANNEL = "cti_desk_calls"
LOCK_KEY = 0x6374_6964_6573_6B01  # "ctidesk" 1: one active relay per store
BEAT_SECONDS = 2.0
STALE_SECONDS = 10.0  # a heartbeat older than this: no relay is publishing
CALL_ID_LIMIT = 64  # call_events.call_id
NOTICE_LIMIT = 7900  # bytes of an event sent in its NOTIFY (PostgreSQL refuses 8000 and more)

KIND_CALL, KIND_QUEUE, KIND_RESYNC, KIND_AGENT = "call", "queue", "resync", "agent"

# A dead peer is noticed in seconds, not minutes: the lock must move on a dead relay, and
# a seat must say so. Each can be set in the --db URL's query instead (libpq names).
CONNECT_DEFAULTS = {
    "connect_timeout": "5",
    "keepalives": "1",
    "keepalives_idle": "5",
    "keepalives_interval": "2",
    "keepalives_count": "3",
    "tcp_user_timeout": "10000",
}


def connect_args(db_url: str, application: str) -> dict[str, str]:
    """psycopg.connect() keywords for a `postgresql+psycopg://` store URL.
    BadArgument (exit 2) for anything that is not PostgreSQL: only it has LISTEN/NOTIFY."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(db_url)
    except Exception:  # its own message may quote the URL, password and all
        raise BadArgument("the relay needs the store's PostgreSQL: --db postgresql+psycopg://USER@HOST:PORT/DB") \
            from None
    if url.get_backend_name() != "postgresql":
        raise BadArgument(f"the relay needs the store's PostgreSQL (LISTEN/NOTIFY), not "
                          f"{url.get_backend_name() or 'this'}: --db postgresql+psycopg://USER@HOST:PORT/DB")
    args: dict[str, str] = {}
    for key, value in (("host", url.host), ("port", url.port), ("user", url.username),
                       ("password", url.password), ("dbname", url.database)):
        if value is not None:
            args[key] = str(value)
    for key, value in url.query.items():
        args[key] = " ".join(value) if isinstance(value, tuple) else str(value)
    for key, value in CONNECT_DEFAULTS.items():
        args.setdefault(key, value)
    args.setdefault("application_name", application)
    return args


@dataclass(frozen=True)
class Notice:
    """One NOTIFY from the relay: the event's id, and the event itself when it fitted."""

    event_id: int
    kind: str | None = None
    payload: dict | None = None

    @property
    def whole(self) -> bool:
        return self.kind is not None


def read_notice(text: str) -> Notice | None:
    """A NOTIFY's text (`{"id", "kind", "payload"}` or the bare id); None when it is neither."""
    try:
        if not text.startswith("{"):
            return Notice(int(text))
        body = json.loads(text)
        event_id, kind, payload = body["id"], body["kind"], body["payload"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(event_id, int) or not isinstance(kind, str):
        return None
    return Notice(event_id, kind, payload)


def utc_naive(ts: datetime) -> datetime:
    """As the store keeps times."""
    return ts.astimezone(UTC).replace(tzinfo=None) if ts.tzinfo else ts


def call_key(call_id: str) -> str:
    """The call id as call_events keeps it (64 characters): a longer one (a webhook's may
    have 128) is cut and given a digest of the whole, so two never share a key."""
    if len(call_id) <= CALL_ID_LIMIT:
        return call_id
    return call_id[:40] + "~" + hashlib.sha256(call_id.encode()).hexdigest()[:CALL_ID_LIMIT - 41]


def once_key(update: CallUpdate) -> str | None:
    """`state:call_id` for a state change (unique in the store), None otherwise."""
    return f"{update.state.value}:{call_key(update.call_id)}" if update.state_changed else None


def call_payload(update: CallUpdate, caller: dict | None) -> dict:
    """A call update as published. `caller` is the relay's lookup: {"number": E.164 or
    None, "resolution": ... or None when the store did not answer in time, "customer_ids"}."""
    return {
        "call_id": update.call_id,
        "state": update.state.value,
        "raw_number": update.raw_number,
        "caller_name": update.caller_name,
        "queue": update.queue,
        "agent": update.agent,
        "ts": update.ts.isoformat(timespec="microseconds"),
        "state_changed": update.state_changed,
        "ringing_at": sorted(update.ringing_at),
        "source": update.source,
        "caller": caller,
    }


def _text(value, limit: int) -> str | None:
    return bounded(value, limit) if isinstance(value, str) else None


def call_update(payload: dict, source: str = "relay") -> CallUpdate:
    """A published call update back (ValueError/KeyError/TypeError for a row that is not one)."""
    ts = datetime.fromisoformat(payload["ts"])
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return CallUpdate(
        call_id=bounded(str(payload["call_id"]), 128),
        state=CallState(payload["state"]),
        raw_number=_text(payload.get("raw_number"), 64),
        caller_name=_text(payload.get("caller_name"), 100),
        queue=_text(payload.get("queue"), 100),
        agent=_text(payload.get("agent"), 100),
        ts=ts,
        state_changed=bool(payload.get("state_changed", True)),
        ringing_at=frozenset(bounded(i, 100) for i in payload.get("ringing_at") or () if isinstance(i, str)),
        source=source,
    )


def same_moment(update: CallUpdate, payload: dict) -> bool:
    """Whether `update` says nothing that the published `payload` did not already say
    (a repeat after a re-sync): same state, phones ringing, queue and agent."""
    return (payload.get("state") == update.state.value
            and sorted(payload.get("ringing_at") or ()) == sorted(update.ringing_at)
            and payload.get("queue") == update.queue and payload.get("agent") == update.agent)


@dataclass(frozen=True, slots=True)
class RelayBeat:
    """The active relay's last heartbeat as a seat last read it.

    `age_s` is measured by the database's own clock when read (no clock skew between
    machines); None when no relay has ever been active on this store."""

    age_s: float | None
    host: str = ""
    pid: int = 0
    pbx: str = ""  # the relay's PBX link phase (connected, reconnecting...)
    read_at: float = 0.0  # time.monotonic() of the read

    def age(self, now: float | None = None) -> float | None:
        if self.age_s is None:
            return None
        return max(0.0, self.age_s + ((now if now is not None else time.monotonic()) - self.read_at))

    def stale(self, now: float | None = None) -> bool:
        age = self.age(now)
        return age is None or age > STALE_SECONDS

    def problem(self, now: float | None = None) -> str | None:
        """What a seat's banner says, if anything: NO_RELAY (none has ever been active on
        this store), RELAY_SILENT (its heartbeat is older than STALE_SECONDS, also when this
        seat cannot read it), PBX_LOST (it beats, but has lost its PBX)."""
        if self.age_s is None:
            return NO_RELAY
        if self.stale(now):
            return RELAY_SILENT
        if self.pbx in PBX_DOWN:
            return PBX_LOST
        return None


NO_RELAY, RELAY_SILENT, PBX_LOST = "no-relay", "relay-silent", "pbx-lost"
PBX_DOWN = frozenset({"reconnecting", "refused", "stopped"})  # LinkPhase values


READ_BEAT = (
    "SELECT host, pid, pbx, EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'utc') - beat_at))::float8 "
    "FROM relay_heartbeats WHERE active ORDER BY beat_at DESC LIMIT 1"
)


async def read_beat(conn) -> RelayBeat:
    """The active relay's heartbeat, on an open psycopg AsyncConnection."""
    cur = await conn.execute(READ_BEAT)
    row = await cur.fetchone()
    now = time.monotonic()
    if row is None:
        return RelayBeat(None, read_at=now)
    host, pid, pbx, age = row
    return RelayBeat(float(age), bounded(host, 100), int(pid), bounded(pbx, 20), now)
