"""The project's fake Asterisk (tests/telephony/fake_ami.py) on a thread and loop of its
own, for the benches that feed the real window through the real `ami://` source."""

from __future__ import annotations

import asyncio
import threading

from tests.telephony.fake_ami import FakeAmi


class PbxThread:
    """Listens on 127.0.0.1 (user `bench`, secret `bench-secret`); `run` waits for a
    coroutine on its loop, `close` stops it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.ami: FakeAmi | None = None
        ready = threading.Event()
        self.thread = threading.Thread(target=self._main, args=(ready,), name="fake-pbx", daemon=True)
        self.thread.start()
        ready.wait(10)
        assert self.ami is not None and self.ami.port

    def _main(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)

        async def start() -> None:
            self.ami = FakeAmi(username="bench", secret="bench-secret")
            await self.ami.listen()

        self.loop.run_until_complete(start())
        ready.set()
        self.loop.run_forever()

    def run(self, coro, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        async def stop() -> None:
            await self.ami.stop_listening()

        try:
            self.run(stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
