"""One AMI login to see whether a desk could take calls: the same client, banner check
and login (plain or MD5) as the call source, then CoreSettings for the PBX's version,
then goodbye. No retry: the first failure is the answer (`cti-desk check`)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from cti_desk.domain.link import LinkPhase, LinkReporter, LinkState, pbx_detail
from cti_desk.domain.text import bounded
from cti_desk.telephony.ami.url import AmiConfig


class ProbeFailed(Exception):
    """Why the PBX could not be logged in to, in one line (never the secret)."""


async def probe_ami(config: AmiConfig, timeout: float = 4.0) -> str:
    """What the PBX says it is ("Asterisk 18.20.0 / pbx-tokyo", else its banner) after a
    successful login; ProbeFailed with the reason otherwise, within `timeout` seconds."""
    from cti_desk.telephony.ami.client import AmiClient, AmiError, AuthenticationFailed, NotAmiPeer

    done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def on_link(state: LinkState) -> None:  # a reconnect means the first try failed
        if state.phase is LinkPhase.RECONNECTING and not done.done():
            done.set_exception(ProbeFailed(state.reason or "the connection failed"))

    async def on_connected(client: AmiClient) -> None:
        detail = pbx_detail(client.banner)
        try:  # needs the AMI user's `system` read right; without it the banner says enough
            response = await client.send_action("CoreSettings")
            if (response.response or "").lower() == "success":
                detail = pbx_detail(client.banner, response)
        except (AmiError, TimeoutError):
            pass
        if not done.done():
            done.set_result(detail)

    short = replace(config, connect_timeout=timeout, action_timeout=timeout)
    link = LinkReporter(config.display(), on_link)
    client = AmiClient(short, on_event=lambda _m: None, on_connected=on_connected, link=link)
    running = asyncio.create_task(client.run())
    running.add_done_callback(lambda task: _ended(task, done))
    try:
        async with asyncio.timeout(timeout):
            return await done
    except TimeoutError:
        raise ProbeFailed(f"no answer within {timeout:g} s") from None
    except AuthenticationFailed:
        raise ProbeFailed("authentication failed: check the AMI user and secret "
                          "(manager.conf)") from None
    except NotAmiPeer as exc:
        raise ProbeFailed(bounded(str(exc), 200)) from None
    finally:
        running.cancel()  # logs off when logged in
        await asyncio.gather(running, return_exceptions=True)


def _ended(task: asyncio.Task, done: asyncio.Future) -> None:
    if done.done() or task.cancelled():
        return
    exc = task.exception()
    done.set_exception(exc if exc is not None else ProbeFailed("the AMI client stopped"))
