"""`cti-desk inbox`: inquiries from LINE, the app and the EC site (CONTRACT.md).

Read top to bottom: the listening address and the secrets (command line, environment
or the OS keyring; never printed), the store (schema brought up to date), then the HTTP
service (services/inbox_http.py) until SIGINT or SIGTERM, exit 0. A bad --listen or a
missing token is bad usage (exit 2); a port that cannot be bound is one line, exit 1.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable

from cti_desk.domain.errors import BadArgument
from cti_desk.telephony.keyring_secrets import KEYRING_SERVICE, keyring_secret

log = logging.getLogger("cti_desk.inbox")

KEYRING_LINE = "line"  # user of the LINE channel secret
KEYRING_TOKEN = "inbox-token"  # user of the bearer token (a contract extension)
ENV_TOKEN = "CTI_DESK_INBOX_TOKEN"
ENV_LINE_SECRET = "CTI_DESK_LINE_SECRET"
SECRET_ENV = (ENV_TOKEN, ENV_LINE_SECRET)  # whole values are secrets (not URLs)


def add_parser(sub, add_db: Callable, add_common: Callable) -> None:
    p = sub.add_parser("inbox", help="take inquiries from LINE, the app and the EC site over HTTP")
    p.add_argument("--listen", required=True, metavar="HOST:PORT",
                   help="where to listen, e.g. 127.0.0.1:8088 or [::1]:8088 (port 0: any free port)")
    p.add_argument("--token", default=os.environ.get(ENV_TOKEN), metavar="T",
                   help=f"bearer token of POST /inquiries and /oms/status, or 'keyring' (service "
                        f"{KEYRING_SERVICE}, user {KEYRING_TOKEN}); env {ENV_TOKEN}")
    p.add_argument("--line-secret", default=os.environ.get(ENV_LINE_SECRET), metavar="S",
                   help=f"the LINE channel secret that signs POST /line, or 'keyring' (service "
                        f"{KEYRING_SERVICE}, user {KEYRING_LINE}); env {ENV_LINE_SECRET}; "
                        "without one every LINE request is refused")
    add_db(p)
    add_common(p)


def parse_listen(text: str) -> tuple[str, int]:
    """`HOST:PORT` or `[IPv6]:PORT` -> (host, port); BadArgument says what is wrong."""
    value = text.strip()
    host, sep, port_text = value.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or (":" in host and not value.startswith("[")):
        raise BadArgument(f"--listen must be HOST:PORT, e.g. 127.0.0.1:8088: {text[:80]!r}")
    if not port_text.isascii() or not port_text.isdigit() or int(port_text) > 65535:
        raise BadArgument(f"--listen port must be 0-65535: {text[:80]!r}")
    return host, int(port_text)


def _secret(value: str | None, user: str, what: str) -> str | None:
    """The value as given, or the keyring's entry for `keyring`."""
    if value != "keyring":
        return value or None
    return keyring_secret(user, what)


def run_inbox(args: argparse.Namespace, db_url: str, secrets: list[str]) -> int:
    from cti_desk.app.errors import run_source_command
    from cti_desk.services.inbox_http import InboxService
    from cti_desk.store.db import open_store

    host, port = parse_listen(args.listen)
    token = _secret(args.token, KEYRING_TOKEN, "inbox token")
    if not token:
        raise BadArgument(f"inbox needs a bearer token for POST /inquiries and /oms/status: "
                          f"--token T, --token keyring or {ENV_TOKEN}")
    line_secret = _secret(args.line_secret, KEYRING_LINE, "LINE channel secret")
    secrets.extend(s for s in (token, line_secret) if s)  # masked in whatever is printed
    if not line_secret:
        log.warning("inbox: no LINE channel secret (--line-secret): POST /line refuses every request")
    store = open_store(db_url)
    service = InboxService(store, token=token, line_secret=line_secret)
    try:
        return run_source_command(_serve(service, host, port))
    finally:
        store.dispose()


async def _serve(service, host: str, port: int) -> int:
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await service.run(host, port, stop)
    return 0
