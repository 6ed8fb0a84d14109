"""`cti-desk relay` run as a user runs it, and a private PostgreSQL a test may stop and
start again (the shared test server must stay up for everyone else)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.telephony.monitor_cli import CTI_DESK, SAFETY

PGBIN = Path("/usr/lib/postgresql/15/bin")


class RelayCli:
    """The relay command; its stderr lines read as they come (kept in `seen`)."""

    def __init__(self, source: str, db: str) -> None:
        self.args = [str(CTI_DESK), "relay", "--source", source, "--db", db]
        self.seen: list[str] = []

    async def __aenter__(self) -> RelayCli:
        self.proc = await asyncio.create_subprocess_exec(
            *self.args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    async def stderr_line(self, pattern: str) -> re.Match:
        for line in self.seen:
            if m := re.search(pattern, line):
                return m
        while True:
            raw = await asyncio.wait_for(self.proc.stderr.readline(), SAFETY)
            assert raw, f"relay ended: {''.join(self.seen)}"
            self.seen.append(raw.decode())
            if m := re.search(pattern, raw.decode()):
                return m

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)

    async def stop(self, sig=signal.SIGTERM) -> tuple[int, str]:
        self.proc.send_signal(sig)
        _out, err = await asyncio.wait_for(self.proc.communicate(), SAFETY)
        return self.proc.returncode, "".join(self.seen) + err.decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*args: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


class PrivatePostgres:
    """initdb into a folder of its own in /tmp (user postgres must reach it: pytest's
    tmp_path is root's alone), then start/stop at will (pg_ctl, as user postgres when
    root, as scripts/pg.sh does for the CI server). `close` stops it and removes it."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="cti-desk-relay-pg."))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/cti"
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        subprocess.run(_as_postgres(str(PGBIN / "initdb"), "-D", str(self.data), "-U", "postgres",
                                    "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"),
                       check=True, capture_output=True)
        self.start()
        admin = create_engine(self.url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE cti"))
        admin.dispose()

    def start(self) -> None:
        subprocess.run(_as_postgres(
            str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o",
            f"-k {self.folder} -h 127.0.0.1 -p {self.port} -F -c fsync=off -c max_connections=50",
            "start"), check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"),
                       check=False, capture_output=True)

    def close(self) -> None:
        subprocess.run(_as_postgres(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"),
                       check=False, capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)
