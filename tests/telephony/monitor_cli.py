"""`cti-desk monitor` run as a user runs it, for the tests that drive the real command."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import sys
from pathlib import Path

CTI_DESK = Path(sys.executable).parent / "cti-desk"
KEYS = ["call_id", "state", "number", "raw_number", "caller_name", "queue", "agent",
        "resolution", "customer_ids", "ts"]
SAFETY = 30  # seconds: only so a broken build fails instead of hanging


class Monitor:
    """The command as a user runs it; stdout lines read as they are flushed."""

    def __init__(self, source: str, db: str, shell: str | None = None,
                 stderr_file: Path | None = None, extra: tuple[str, ...] = ()) -> None:
        self.args = [str(CTI_DESK), "monitor", "--source", source, "--db", db, *extra]
        if shell:  # e.g. "ulimit -n 1024": run through bash, then exec the command
            self.args = ["bash", "-c", f'{shell}; exec "$@"', "monitor", *self.args]
        self.stderr: list[str] = []
        self.stderr_file = stderr_file  # a file instead of a pipe: never fills, size measurable

    async def __aenter__(self) -> Monitor:
        if self.stderr_file is not None:
            with open(self.stderr_file, "wb") as err:
                self.proc = await asyncio.create_subprocess_exec(
                    *self.args, stdout=asyncio.subprocess.PIPE, stderr=err)
        else:
            self.proc = await asyncio.create_subprocess_exec(
                *self.args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    async def line(self) -> dict:
        raw = await asyncio.wait_for(self.proc.stdout.readline(), SAFETY)
        assert raw, f"monitor ended early: {self.stderr}"
        return json.loads(raw)

    async def lines(self, n: int) -> list[dict]:
        return [await self.line() for _ in range(n)]

    async def stderr_line(self, pattern: str) -> re.Match:
        if self.stderr_file is not None:
            async with asyncio.timeout(SAFETY):
                while not (m := re.search(pattern, self.stderr_file.read_text("utf-8", "replace"))):
                    assert self.proc.returncode is None, "monitor ended"
                    await asyncio.sleep(0.05)
            return m
        while True:
            raw = await asyncio.wait_for(self.proc.stderr.readline(), SAFETY)
            assert raw, f"monitor ended: {self.stderr}"
            self.stderr.append(raw.decode())
            if m := re.search(pattern, raw.decode()):
                return m

    async def stop(self, sig=signal.SIGTERM) -> tuple[int, bytes, str]:
        self.proc.send_signal(sig)
        out, err = await asyncio.wait_for(self.proc.communicate(), SAFETY)
        if self.stderr_file is not None:
            return self.proc.returncode, out, self.stderr_file.read_text("utf-8", "replace")
        return self.proc.returncode, out, "".join(self.stderr) + err.decode()
