"""The AMI client against a fake Asterisk on 127.0.0.1 (real sockets), fed recorded traffic."""

from __future__ import annotations

import asyncio
import hashlib
import logging

import pytest

from cti_desk.telephony.ami.client import (
    AmiClient,
    AuthenticationFailed,
    ConnectionLost,
    NotAmiPeer,
    reconnect_delay,
)
from cti_desk.telephony.ami.message import Message
from cti_desk.telephony.ami.parser import AmiParser
from cti_desk.telephony.ami.url import AmiConfig
from tests.telephony.fake_ami import FakeAmi, frame, list_reply, load_recording, run

SECRET = "s3cret-Zq9"



class Seat:
    """One AmiClient on the fake PBX, keeping what it hands to its callbacks."""

    def __init__(self, pbx: FakeAmi, on_connected=None, **config) -> None:
        fast = {"reconnect_initial": 0.01, "reconnect_max": 0.05, "ping_interval": 30.0}
        cfg = AmiConfig(host="127.0.0.1", port=pbx.port, username="admin", secret=SECRET, **{**fast, **config})
        self.events: asyncio.Queue[Message] = asyncio.Queue()
        self.connects: asyncio.Queue[int] = asyncio.Queue()
        self.disconnects: asyncio.Queue[str] = asyncio.Queue()
        self.extra_on_connected = on_connected
        self.client = AmiClient(cfg, self.events.put_nowait, self._on_connected, self.disconnects.put_nowait)
        self.task: asyncio.Task | None = None

    async def _on_connected(self, client: AmiClient) -> None:
        if self.extra_on_connected is not None:
            await self.extra_on_connected(client)
        self.connects.put_nowait(client.logins)

    async def __aenter__(self) -> Seat:
        self.task = asyncio.create_task(self.client.run())
        return self

    async def __aexit__(self, *exc) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    async def next_event(self, name: str) -> Message:
        while True:
            message = await self.events.get()
            if message.event == name:
                return message

    def drain_events(self) -> list[Message]:
        out = []
        while not self.events.empty():
            out.append(self.events.get_nowait())
        return out


def recorded_challenge() -> str:
    """The challenge a real Asterisk 7.0.3-AMI server sent (panoramisk's login_md5)."""
    messages = AmiParser().feed(b"".join(load_recording("panoramisk-login.txt")))
    return next(m["Challenge"] for m in messages if "Challenge" in m)


def assert_secret_never_logged(caplog, *secrets: str) -> None:
    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for secret in secrets:
        assert secret not in text


def test_plain_login_then_events_flow(caplog):
    caplog.set_level(logging.DEBUG)

    async def main():
        async with FakeAmi(username="admin", secret=SECRET) as pbx, Seat(pbx) as seat:
            assert await seat.connects.get() == 1
            assert seat.client.connected
            assert seat.client.banner == "Asterisk Call Manager/9.0.0"
            login = await pbx.wait_for_action("Login")
            assert (login["Username"], login["Secret"], login["Events"]) == ("admin", SECRET, "on")
            assert login.action_id
            await pbx.push(load_recording("goami2-call.txt"))
            hangups = [await seat.next_event("Hangup"), await seat.next_event("Hangup")]
            assert [h["Channel"] for h in hangups] == [
                "SIP/okon.ferry.sip.com-0000003d",
                "SIP/9170-12-0000003c",
            ]

    run(main)
    assert_secret_never_logged(caplog, SECRET)


def test_md5_login_with_a_recorded_challenge(caplog):
    caplog.set_level(logging.DEBUG)
    challenge = recorded_challenge()
    key = hashlib.md5((challenge + SECRET).encode()).hexdigest()

    async def main():
        async with FakeAmi(secret=SECRET, challenge=challenge) as pbx, Seat(pbx, auth="md5", events="call,agent") as seat:
            await seat.connects.get()
            login = await pbx.wait_for_action("Login")
            assert (login["AuthType"], login["Key"], login["Events"]) == ("MD5", key, "call,agent")
            assert "Secret" not in login

    run(main)
    assert challenge == "145769581"
    assert_secret_never_logged(caplog, SECRET, key)


@pytest.mark.parametrize("auth", ["plain", "md5"])
def test_refused_login_is_final_and_never_retried(auth, caplog):
    caplog.set_level(logging.DEBUG)

    async def main():
        async with FakeAmi(secret="the-real-one") as pbx:
            seat = Seat(pbx, auth=auth)
            with pytest.raises(AuthenticationFailed) as info:
                await seat.client.run()
            assert str(info.value) == "authentication failed"
            assert (pbx.refused_logins, pbx.connections_accepted, pbx.logins) == (1, 1, 0)
            assert seat.connects.empty() and seat.disconnects.empty()

    run(main)
    assert_secret_never_logged(caplog, SECRET)


def test_a_peer_that_is_not_ami_is_a_clear_final_error():
    async def main():
        hung_up = asyncio.Event()

        async def ssh(reader, writer):
            writer.write(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
            await reader.read()  # until the client hangs up
            writer.close()
            hung_up.set()

        server = await asyncio.start_server(ssh, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = AmiClient(AmiConfig(host="127.0.0.1", port=port, username="a", secret="b"), print)
        with pytest.raises(NotAmiPeer, match=r"not an Asterisk Manager Interface.*SSH-2\.0"):
            await client.run()
        await hung_up.wait()
        server.close()
        await server.wait_closed()

    run(main)


def test_answers_are_matched_by_action_id_whatever_their_order_and_events_between():
    async def main():
        release_pause = asyncio.Event()

        async def slow_pause(action: Message) -> list[bytes]:
            await release_pause.wait()  # answered only after the Originate below
            return [frame(Response="Success", Message="Interface paused successfully")]

        def originate(action: Message) -> list[bytes]:
            release_pause.set()
            return [
                frame(Event="Newchannel", Channel="PJSIP/2001-00000001", Linkedid="1.1"),
                frame(Response="Success", Message="Originate successfully queued"),
                frame(Event="Newstate", Channel="PJSIP/2001-00000001", Linkedid="1.1"),
            ]

        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            pbx["QueuePause"] = slow_pause
            pbx["Originate"] = originate
            pause = asyncio.create_task(seat.client.queue_pause("PJSIP/2001", True, queue="support", reason="lunch"))
            await pbx.wait_for_action("QueuePause")
            dial = await seat.client.originate(
                "PJSIP/2001", "0312345678", "from-internal", caller_id="Desk <2001>",
                variables={"CTI_CUSTOMER": "42", "CTI_SEAT": "3"},
            )
            paused = await pause
            assert dial["Message"] == "Originate successfully queued"
            assert paused["Message"] == "Interface paused successfully"
            sent = await pbx.wait_for_action("Originate")
            assert sent.getall("Variable") == ["CTI_CUSTOMER=42", "CTI_SEAT=3"]
            assert (sent["Async"], sent["Priority"], sent["CallerID"]) == ("true", "1", "Desk <2001>")
            sent_pause = await pbx.wait_for_action("QueuePause")
            assert (sent_pause["Paused"], sent_pause["Queue"], sent_pause["Reason"]) == ("true", "support", "lunch")
            assert sent.action_id != sent_pause.action_id
            assert (await seat.next_event("Newchannel"))["Linkedid"] == "1.1"
            assert (await seat.next_event("Newstate"))["Linkedid"] == "1.1"

    run(main)


def test_a_list_is_collected_while_other_events_arrive_in_between():
    recorded = load_recording("goami2-queues.txt")[1:6]  # start, QueueParams, 2 QueueMember, Complete
    call = load_recording("goami2-call.txt")

    def queue_status(action: Message) -> list[bytes]:
        ours = action.action_id.encode()
        items = [f.replace(b"175a511275bae@okon.ferry.sip.com", ours) for f in recorded]
        # the call's events interleave with the list, as on a busy PBX
        return [items[0], call[0], items[1], call[1], call[2], items[2], items[3], call[3], items[4]]

    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            seat.drain_events()
            pbx["QueueStatus"] = queue_status
            response, items = await seat.client.queue_status("Shipping_12")
            assert response["Message"] == "Queue status will follow"
            assert [m.event for m in items] == ["QueueParams", "QueueMember", "QueueMember"]
            assert [m["Name"] for m in items[1:]] == ["9170@okon.ferry.sip.com", "8194@okon.ferry.sip.com"]
            assert (await pbx.wait_for_action("QueueStatus"))["Queue"] == "Shipping_12"
            await seat.next_event("Newexten")
            others = [m.event for m in seat.drain_events()]
            assert "QueueMember" not in others and "QueueStatusComplete" not in others

    run(main)


def test_empty_and_refused_lists():
    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            response, items = await seat.client.core_show_channels()
            assert (response.response, items) == ("Success", [])
            pbx["QueueSummary"] = [frame(Response="Error", Message="Permission denied")]
            response, items = await seat.client.queue_summary()
            assert (response.response, items) == ("Error", [])

    run(main)


def test_on_connected_resyncs_through_the_client_after_every_login():
    channel = frame(Event="CoreShowChannel", Channel="PJSIP/100-00000001", Linkedid="9.9")
    seen: list[list[str]] = []

    async def resync(client: AmiClient) -> None:
        _, items = await client.core_show_channels()
        seen.append([m["Linkedid"] for m in items])

    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx, on_connected=resync) as seat:
            pbx["CoreShowChannels"] = list_reply("CoreShowChannelsComplete", [channel])
            assert await seat.connects.get() == 1
            pbx.drop()
            assert await seat.connects.get() == 2
            assert seen == [["9.9"], ["9.9"]]

    run(main)


def test_keepalive_pings_and_a_silent_peer_is_left_for_a_new_connection():
    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx, ping_interval=0.02, ping_timeout=0.1) as seat:
            await seat.connects.get()
            await pbx.wait_for_action("Ping", count=3)
            assert seat.client.connected and seat.disconnects.empty()
            pbx.silent = True
            reason = await seat.disconnects.get()
            assert "no answer to Ping" in reason
            pbx.silent = False
            assert await seat.connects.get() == 2
            assert pbx.logins == 2

    run(main)


def test_drop_mid_frame_reconnects_and_only_whole_frames_arrive():
    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            seat.drain_events()
            newchannel = load_recording("goami2-call.txt")[0]
            await pbx.push(newchannel[:100])  # half a frame, then the link is gone
            pbx.drop()
            assert await seat.disconnects.get()
            assert await seat.connects.get() == 2
            await pbx.push(frame(Event="Hangup", Uniqueid="2.2"))
            events = [await seat.events.get(), await seat.events.get()]
            assert [m.event for m in events] == ["FullyBooted", "Hangup"]

    run(main)


def test_shutdown_event_reconnects_when_asterisk_is_back():
    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            await pbx.shutdown(shutdown="Uncleanly", restart="True")
            shutdown = await seat.next_event("Shutdown")
            assert shutdown["Restart"] == "True"
            assert "shutting down" in await seat.disconnects.get()
            assert await seat.connects.get() == 2

    run(main)


class _Signal(logging.Handler):
    """Wakes the test at each reconnect attempt the client logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "reconnecting" in record.getMessage():
            self.count += 1
            self.changed.set()

    async def wait_for(self, count: int) -> None:
        while self.count < count:
            self.changed.clear()
            await self.changed.wait()


def test_pbx_down_for_a_while_then_back_on_the_same_port():
    async def main():
        signal = _Signal()
        logger = logging.getLogger("cti_desk.telephony.ami.client")
        logger.addHandler(signal)
        try:
            async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
                await seat.connects.get()
                await pbx.stop_listening()
                await seat.disconnects.get()
                with pytest.raises(ConnectionLost):  # nothing can be asked while down
                    await seat.client.send_action("Ping")
                await signal.wait_for(4)  # the drop, then refused connection attempts
                accepted = pbx.connections_accepted
                await pbx.listen()
                assert await seat.connects.get() == 2
                assert pbx.connections_accepted == accepted + 1
        finally:
            logger.removeHandler(signal)

    run(main)


def test_action_pending_when_the_link_drops_fails_at_once():
    async def main():
        async def never(action: Message) -> list[bytes]:
            await asyncio.Event().wait()
            return []

        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            pbx["QueueStatus"] = never
            status = asyncio.create_task(seat.client.queue_status())
            await pbx.wait_for_action("QueueStatus")
            pbx.drop()
            with pytest.raises(ConnectionLost):
                await status

    run(main)


def test_header_values_cannot_smuggle_another_action():
    async def main():
        async with FakeAmi(secret=SECRET) as pbx, Seat(pbx) as seat:
            await seat.connects.get()
            with pytest.raises(ValueError, match="line break"):
                await seat.client.originate("PJSIP/2001", "0312\r\nAction: Logoff", "from-internal")
            assert seat.client.connected
            assert len([a for a in pbx.actions if a.get("Action") == "Originate"]) == 0

    run(main)


def test_backoff_doubles_from_0_2_s_and_is_capped_so_login_follows_within_5_s():
    config = AmiConfig(host="pbx")
    no_jitter = [reconnect_delay(config, n, jitter=lambda: 1.0) for n in range(8)]
    assert no_jitter == [0.2, 0.4, 0.8, 1.6, 3.0, 3.0, 3.0, 3.0]
    # worst case once the PBX is back: a full capped wait, then connect + banner + login
    assert max(reconnect_delay(config, n) for n in range(200)) <= 3.0
    assert min(reconnect_delay(config, 0) for _ in range(200)) >= 0.1
