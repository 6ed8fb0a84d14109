"""The call source's check (services/diagnostics.py): can this desk get calls from where
it is told to? AMI: log in and read the PBX's version; webhook: the port can be bound;
relay: the active relay's last heartbeat in the store; the simulator: always."""

from __future__ import annotations

import asyncio
import errno
import socket

from cti_desk.domain.errors import BadArgument
from cti_desk.services.diagnostics import (
    ITEM_SOURCE,
    TIMEOUT_S,
    CheckResult,
    first_sentence,
    one_line,
    why,
)

NO_SOURCE = ("none set: this desk takes no calls (--source ami://..., webhook://..., sim:// "
             "or relay; or CTI_DESK_SOURCE)")


def check_source(source_url: str | None, db_url: str, timeout: float = TIMEOUT_S) -> CheckResult:
    from cti_desk.telephony.sources import parse_source

    if not source_url or not source_url.strip():
        return CheckResult(ITEM_SOURCE, False, NO_SOURCE)
    try:
        config = parse_source(source_url)  # an AMI secret from the keyring is read here
    except BadArgument as exc:
        return CheckResult(ITEM_SOURCE, False, first_sentence(exc))
    if config.kind == "ami":
        return _check_ami(config, timeout)
    if config.kind == "webhook":
        return _check_webhook(config)
    if config.kind == "relay":
        return _check_relay(db_url, timeout)
    return CheckResult(ITEM_SOURCE, True, f"{config.display()}: the simulator (demo calls, no PBX)")


def _check_ami(config, timeout: float) -> CheckResult:
    from cti_desk.telephony.ami.probe import ProbeFailed, probe_ami

    shown = config.display()
    try:
        pbx = asyncio.run(probe_ami(config.ami, timeout))
    except ProbeFailed as exc:
        reason = one_line(exc)
        if reason == "connection refused":
            reason += " (is AMI enabled on that port? manager.conf [general] enabled = yes, port)"
        return CheckResult(ITEM_SOURCE, False, f"{shown}: {reason}")
    except OSError as exc:
        return CheckResult(ITEM_SOURCE, False, f"{shown}: {why(exc)}")
    return CheckResult(ITEM_SOURCE, True, f"{shown}: logged in, {pbx or 'the PBX did not say its version'}")


def _check_webhook(config) -> CheckResult:
    shown = config.display()
    try:
        infos = socket.getaddrinfo(config.host, config.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        return CheckResult(ITEM_SOURCE, False, f"{shown}: unknown host {config.host!r}")
    family, kind, proto, _name, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as sock:
            # As asyncio's server does, so a port in TIME_WAIT is not taken for a busy one.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
            sock.listen(1)
    except OSError as exc:
        reasons = {
            errno.EADDRINUSE: f"port {config.port} is in use (another cti-desk or program listens there)",
            errno.EADDRNOTAVAIL: f"{config.host} is not an address of this machine",
            errno.EACCES: f"not allowed to listen on port {config.port} (below 1024 needs privileges)",
        }
        return CheckResult(ITEM_SOURCE, False, f"{shown}: {reasons.get(exc.errno) or why(exc)}")
    token = "" if config.token else " (no token: any sender on the network is taken)"
    return CheckResult(ITEM_SOURCE, True, f"{shown}: the port can be bound{token}")


def _check_relay(db_url: str, timeout: float) -> CheckResult:
    from cti_desk.telephony.relay_wire import NO_RELAY, PBX_LOST, RELAY_SILENT, connect_args

    try:
        args = connect_args(db_url, "cti-desk check")
    except BadArgument as exc:
        return CheckResult(ITEM_SOURCE, False, f"relay: {one_line(exc)}")
    args["connect_timeout"] = str(max(1, int(timeout)))
    try:
        beat = asyncio.run(_read_beat(args, timeout))
    except TimeoutError:
        return CheckResult(ITEM_SOURCE, False, f"relay: the store gave no answer within {timeout:g} s")
    except Exception as exc:
        return CheckResult(ITEM_SOURCE, False, f"relay: the store cannot be read: {why(exc)}")
    problem = beat.problem()
    if problem == NO_RELAY:
        return CheckResult(ITEM_SOURCE, False, "relay: no relay has ever published calls to this store "
                                               "(start `cti-desk relay --source ami://... --db ...`)")
    who = f"{beat.host} pid {beat.pid}"
    age = f"{beat.age() or 0:.0f} s ago"
    if problem == RELAY_SILENT:
        return CheckResult(ITEM_SOURCE, False, f"relay: its last heartbeat is {age} ({who}): "
                                               "is `cti-desk relay` running?")
    if problem == PBX_LOST:
        return CheckResult(ITEM_SOURCE, False, f"relay: {who} beats ({age}) but has lost its PBX ({beat.pbx})")
    return CheckResult(ITEM_SOURCE, True, f"relay: {who}, last heartbeat {age}, PBX {beat.pbx or 'unknown'}")


async def _read_beat(args: dict[str, str], timeout: float):
    import psycopg

    from cti_desk.telephony.relay_wire import read_beat

    async with asyncio.timeout(timeout):
        conn = await psycopg.AsyncConnection.connect(**args, autocommit=True)
        try:
            return await read_beat(conn)
        finally:
            await conn.close()
