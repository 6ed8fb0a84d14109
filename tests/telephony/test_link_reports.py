"""Every call source says what its link does (domain.link), real sources on real sockets:
the AMI source against the fake Asterisk, the webhook on a real port, the simulator."""

from __future__ import annotations

import asyncio
import socket

import pytest

from cti_desk.domain.link import (
    AUTH_FAILED,
    PORT_IN_USE,
    SOURCE_STOPPED,
    LinkPhase,
    LinkState,
)
from cti_desk.telephony.ami.client import AuthenticationFailed, NotAmiPeer
from cti_desk.telephony.ami_source import AmiSource
from cti_desk.telephony.link import run_reporting
from cti_desk.telephony.simulator import CallSimulator
from cti_desk.telephony.sources import parse_source
from cti_desk.telephony.webhook import WebhookSource
from tests.telephony.fake_ami import FakeAmi, frame, run

# What Asterisk answers to CoreSettings (shape as documented for manager CoreSettings).
CORE_SETTINGS = frame(Response="Success", AMIversion="2.10.3", AsteriskVersion="13.18.3",
                      SystemName="pbx-tokyo", CoreMaxCalls="0", CoreMaxLoadAvg="0.000000",
                      CoreRunUser="asterisk", CoreRunGroup="asterisk", CoreMaxFilehandles="0",
                      CoreRealTimeEnabled="No", CoreCDRenabled="Yes", CoreHTTPenabled="No")


class Link:
    """What a source reported, and a way to wait for a state."""

    def __init__(self) -> None:
        self.states: list[LinkState] = []
        self._changed = asyncio.Event()

    def __call__(self, state: LinkState) -> None:
        self.states.append(state)
        self._changed.set()

    @property
    def phases(self) -> list[str]:
        return [str(s.phase) for s in self.states]

    async def until(self, test) -> LinkState:
        while True:
            for state in self.states:
                if test(state):
                    return state
            self._changed.clear()
            await self._changed.wait()


def ami_source(pbx: FakeAmi, secret: str = "s3cret") -> AmiSource:
    source = AmiSource(parse_source(f"ami://admin:{secret}@127.0.0.1:{pbx.port}"))
    source.config.ami.reconnect_initial = 0.05  # type: ignore[attr-defined]
    source.config.ami.reconnect_max = 0.2  # type: ignore[attr-defined]
    return source


async def stop(task: asyncio.Task) -> None:
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@pytest.mark.parametrize("auth", ["", "?auth=md5"])
def test_a_refused_login_is_reported_as_refused_and_final(auth):
    async def scenario():
        async with FakeAmi() as pbx:
            link = Link()
            source = AmiSource(parse_source(f"ami://admin:wrong@127.0.0.1:{pbx.port}{auth}"))
            with pytest.raises(AuthenticationFailed):
                await run_reporting(source, lambda _u: None, link)
            await asyncio.sleep(0.3)  # long enough for a retry loop to show itself
            return link, pbx.refused_logins

    link, refused = run(scenario)
    assert link.phases == ["connecting", "refused"]
    assert link.states[-1].reason == AUTH_FAILED and link.states[-1].final
    assert refused == 1


def test_connected_names_the_asterisk_from_core_settings():
    async def scenario():
        async with FakeAmi() as pbx:
            pbx["CoreSettings"] = CORE_SETTINGS
            link = Link()
            task = asyncio.create_task(run_reporting(ami_source(pbx), lambda _u: None, link))
            named = await link.until(lambda s: s.detail.startswith("Asterisk 13"))
            await stop(task)
            return link, named

    link, named = run(scenario)
    assert link.phases == ["connecting", "connected", "connected", "stopped"]
    assert link.states[1].detail == "Asterisk Call Manager/9.0.0"  # at login, from the banner
    assert named.detail == "Asterisk 13.18.3 / pbx-tokyo"
    assert named.since == link.states[1].since  # connected since the login
    assert link.states[-1].reason == SOURCE_STOPPED


def test_without_the_right_to_read_core_settings_the_banner_is_shown():
    async def scenario():
        async with FakeAmi() as pbx:
            pbx["CoreSettings"] = frame(Response="Error", Message="Permission denied")
            link = Link()
            task = asyncio.create_task(run_reporting(ami_source(pbx), lambda _u: None, link))
            await pbx.wait_for_action("CoreSettings")
            await asyncio.sleep(0.1)
            await stop(task)
            return link

    link = run(scenario)
    assert link.phases == ["connecting", "connected", "stopped"]
    assert link.states[1].detail == "Asterisk Call Manager/9.0.0"


def test_a_dead_link_reports_reconnecting_since_the_drop_until_the_pbx_is_back():
    async def scenario():
        async with FakeAmi() as pbx:
            link = Link()
            task = asyncio.create_task(run_reporting(ami_source(pbx), lambda _u: None, link))
            await pbx.wait_for_login()
            await pbx.stop_listening()  # the PBX goes away and stays away for a while
            first = await link.until(lambda s: s.phase is LinkPhase.RECONNECTING)
            await link.until(lambda s: s.phase is LinkPhase.RECONNECTING and s.reason == "connection refused")
            down = [s for s in link.states if s.phase is LinkPhase.RECONNECTING]
            await pbx.listen()
            await pbx.wait_for_login(2)
            back = await link.until(lambda s: s.phase is LinkPhase.CONNECTED and s.since > first.since)
            await stop(task)
            return first, down, back

    first, down, back = run(scenario)
    assert first.reason == "the PBX closed the connection"
    assert all(s.since == first.since for s in down)  # down since the drop, whatever the attempts
    assert all(s.next_try is not None and s.next_try > s.since for s in down)
    assert back.detail == "Asterisk Call Manager/9.0.0" and back.next_try is None


def test_a_peer_that_is_not_ami_stops_the_source_with_the_reason():
    async def scenario():
        hung_up = asyncio.Event()

        async def ssh(reader, writer):
            writer.write(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
            await reader.read()  # until the client hangs up
            writer.close()
            hung_up.set()

        server = await asyncio.start_server(ssh, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        link = Link()
        with pytest.raises(NotAmiPeer):
            await run_reporting(AmiSource(parse_source(f"ami://admin:x@127.0.0.1:{port}")), lambda _u: None, link)
        await hung_up.wait()
        server.close()
        await server.wait_closed()
        return link

    link = run(scenario)
    assert link.phases == ["connecting", "stopped"]
    assert "is not an Asterisk Manager Interface" in link.states[-1].reason


def test_the_webhook_is_connected_once_its_port_listens():
    async def scenario():
        source = WebhookSource("127.0.0.1", 0)
        link = Link()
        task = asyncio.create_task(run_reporting(source, lambda _u: None, link))
        listening = await link.until(lambda s: s.phase is LinkPhase.CONNECTED)
        await stop(task)
        return source, link, listening

    source, link, listening = run(scenario)
    assert listening.via == "webhook" and listening.detail == f"127.0.0.1:{source.port}"
    assert link.phases == ["connecting", "connected", "stopped"]


def test_a_webhook_port_in_use_stops_the_source_and_says_so():
    taken = socket.create_server(("127.0.0.1", 0))
    port = taken.getsockname()[1]
    try:
        async def scenario():
            link = Link()
            with pytest.raises(OSError):
                await run_reporting(WebhookSource("127.0.0.1", port), lambda _u: None, link)
            return link

        link = run(scenario)
    finally:
        taken.close()
    assert link.phases == ["connecting", "stopped"]
    assert link.states[-1].reason == PORT_IN_USE and link.states[-1].source == f"webhook://127.0.0.1:{port}"


def test_the_simulator_is_running_at_once():
    async def scenario():
        link = Link()
        source = CallSimulator(lambda _n: ["0312345678"], rate=60, seed=1)
        task = asyncio.create_task(run_reporting(source, lambda _u: None, link))
        await link.until(lambda s: s.phase is LinkPhase.CONNECTED)
        await stop(task)
        return link

    link = run(scenario)
    assert link.phases == ["connecting", "connected", "stopped"]
    assert link.states[1].via == "sim"
