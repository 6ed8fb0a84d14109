"""Run any call source and say what its link is doing (domain.link), until it stops.

    await run_reporting(source, emit, report)

A source that can tell more (`watch_link`: the AMI source) moves the state itself:
connected to which Asterisk, reconnecting, refused. The webhook is connected once its
port is bound ("listening on host:port"); the simulator as soon as it runs. Whatever
ends the source, a final state is reported: refused (authentication failed), stopped
with the reason (the port is in use, not an AMI peer, cancelled), so a window never
goes on looking as if it were taking calls.
"""

from __future__ import annotations

import asyncio
import errno
from collections.abc import Callable
from datetime import datetime

from cti_desk.domain.calls import CallUpdate
from cti_desk.domain.link import (
    AUTH_FAILED,
    PORT_IN_USE,
    SOURCE_ENDED,
    SOURCE_STOPPED,
    VIA_AMI,
    VIA_OTHER,
    VIA_SIMULATOR,
    VIA_WEBHOOK,
    LinkPhase,
    LinkReporter,
    LinkState,
    utcnow,
)


def _kind(source) -> str:
    from cti_desk.telephony.ami_source import AmiSource
    from cti_desk.telephony.simulator import CallSimulator

    if isinstance(source, AmiSource):
        return VIA_AMI
    if isinstance(getattr(source, "link_kind", None), str):  # the relay's seats
        return source.link_kind
    if isinstance(source, CallSimulator):
        return VIA_SIMULATOR
    if isinstance(getattr(source, "started", None), asyncio.Event):
        return VIA_WEBHOOK  # set once its port is bound (not imported: aiohttp is heavy)
    return VIA_OTHER


def source_display(source) -> str:
    """Where the calls come from, without secrets."""
    config = getattr(source, "config", None)
    if config is not None and callable(getattr(config, "display", None)):
        return config.display()
    host, port = getattr(source, "host", None), getattr(source, "port", None)
    if host is not None and port is not None:
        return f"webhook://{_address(host, port)}"
    if _kind(source) == VIA_SIMULATOR:
        return "sim://"
    return type(source).__name__


def _address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
        return PORT_IN_USE
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text or type(exc).__name__


async def run_reporting(
    source,
    emit: Callable[[CallUpdate], None],
    report: Callable[[LinkState], None],
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """`await source.run(emit)`, reporting the link's state through `report` (called on
    this loop's thread). Exceptions and cancellation pass through unchanged."""
    via = _kind(source)
    link = LinkReporter(source_display(source), report, via=via, clock=clock)
    link.announce()
    listening: asyncio.Task | None = None
    watch = getattr(source, "watch_link", None)
    if callable(watch):
        watch(link)
    elif via == VIA_WEBHOOK:
        async def bound() -> None:  # the webhook's port is its link
            await source.started.wait()
            link.move(LinkPhase.CONNECTED, detail=_address(source.host, source.port))

        listening = asyncio.create_task(bound())
    else:
        link.move(LinkPhase.CONNECTED)
    try:
        await source.run(emit)
    except asyncio.CancelledError:
        link.move(LinkPhase.STOPPED, reason=SOURCE_STOPPED)
        raise
    except BaseException as exc:
        from cti_desk.telephony.ami.client import AuthenticationFailed

        if isinstance(exc, AuthenticationFailed):
            link.move(LinkPhase.REFUSED, reason=AUTH_FAILED)
        else:
            link.move(LinkPhase.STOPPED, reason=_why(exc))
        raise
    else:
        link.move(LinkPhase.STOPPED, reason=SOURCE_ENDED)
    finally:
        if listening is not None:
            listening.cancel()
