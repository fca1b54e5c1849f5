"""`manage.py dev` stops whenever it is stopped: a signal while it migrates, seeds or runs ends
it within ten seconds with every process it started, the embedded servers it started, and its
ports free; killed outright, its children die with it.

The runs share one data directory and their own embedded PostgreSQL and Redis (free ports), so
only the first migrates from scratch and the test suite's servers are never touched. The demo
is seeded without its sample conversations (`--no-demo-conversations`), through the real seed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from django.conf import settings

from apps.core.processes import free_port
from apps.core.supervisor import SUPERVISOR_PID_ENV

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

STOP_SECONDS = 10
# The test run's own services and settings must not leak into the dev run.
_NOT_INHERITED = {"DATABASE_URL", "REDIS_URL", "SITE_PORT", "DJANGO_SETTINGS_MODULE"}


class DevRun:
    """`manage.py dev` on its own ports, its output collected line by line."""

    def __init__(self, *, env: dict[str, str], port: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "dev", "--port", str(port), "--no-demo-conversations"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in iter(self.process.stdout.readline, b""):
            with self._changed:
                self.lines.append(raw.decode(errors="replace").rstrip())
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, text: str, *, timeout: float) -> None:
        def seen() -> bool:
            return any(text in line for line in self.lines) or self.process.poll() is not None

        with self._changed:
            self._changed.wait_for(seen, timeout=timeout)
            assert any(text in line for line in self.lines), self.output()

    def output(self) -> str:
        return "\n".join(self.lines[-60:])

    def tree(self) -> list[psutil.Process]:
        supervisor = psutil.Process(self.process.pid)
        return [supervisor, *supervisor.children(recursive=True)]


def _running(processes: list[psutil.Process]) -> list[psutil.Process]:
    alive = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.NoSuchProcess:
            pass
    return alive


def _started_by(supervisor: int) -> list[psutil.Process]:
    """Every process whose environment names `supervisor`, however it was started."""
    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(SUPERVISOR_PID_ENV) == str(supervisor):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return _running(found)


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        # As the next `make dev` binds: connections left in TIME_WAIT do not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _leftovers(recorded: list[psutil.Process], supervisor: int) -> list[psutil.Process]:
    deadline = time.monotonic() + 3  # the kernel's reparenting and reaping of orphans
    while True:
        left = {p.pid: p for p in [*_running(recorded), *_started_by(supervisor)]}
        if not left or time.monotonic() > deadline:
            return list(left.values())
        time.sleep(0.1)


@pytest.fixture(scope="module")
def dev_env() -> Iterator[dict[str, str]]:
    # Not under pytest's base temp: concurrent pytest sessions prune it and reset its mode.
    data_dir = Path(tempfile.mkdtemp(prefix="aisle-dev-signals-"))
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        AISLE_DATA_DIR=str(data_dir),
        AISLE_EMBEDDED_PG_PORT=str(free_port()),
        AISLE_EMBEDDED_REDIS_PORT=str(free_port()),
        DEMO_STOREFRONT_PORT=str(free_port()),
        PYTHONUNBUFFERED="1",
    )
    yield env
    # Only a killed supervisor leaves its embedded servers running.
    stop = "from config import embedded_services as e; e.stop()"
    subprocess.run([sys.executable, "-c", stop], cwd=settings.BASE_DIR, env=env, check=True)
    shutil.rmtree(data_dir)


def _ports(env: dict[str, str], web: int) -> list[int]:
    names = ("AISLE_EMBEDDED_PG_PORT", "AISLE_EMBEDDED_REDIS_PORT", "DEMO_STOREFRONT_PORT")
    return [web, *(int(env[name]) for name in names)]


def _signalled_at(
    env: dict[str, str], *, phase: str, children: int, signum: int, timeout: float
) -> None:
    # given a dev run that reached `phase` and started its `children`, all of them recorded
    port = free_port()
    run = DevRun(env=env, port=port)
    try:
        run.wait_for(f"[dev] phase: {phase}", timeout=timeout)
        recorded = run.tree()
        while len(recorded) < 1 + children and run.process.poll() is None:
            time.sleep(0.02)
            recorded = run.tree()
        # when it is signalled
        run.process.send_signal(signum)
        code = run.process.wait(timeout=STOP_SECONDS)
    finally:
        if run.process.poll() is None:
            run.process.kill()
    # then it has stopped everything it started, its embedded servers included
    assert code == 128 + signum, run.output()
    assert _leftovers(recorded, run.process.pid) == [], run.output()
    assert [p for p in _ports(env, port) if not _port_free(p)] == [], run.output()


def test_a_signal_while_migrating_stops_everything(dev_env: dict[str, str]) -> None:
    # (migrate)
    _signalled_at(dev_env, phase="migrating", children=1, signum=signal.SIGINT, timeout=180)


def test_a_signal_while_seeding_stops_everything(dev_env: dict[str, str]) -> None:
    # (web, seed)
    _signalled_at(dev_env, phase="seeding", children=2, signum=signal.SIGTERM, timeout=240)


def _workers_forked(run: DevRun, *, timeout: float) -> list[psutil.Process]:
    """The whole tree once each Dramatiq main process has forked its workers."""
    deadline = time.monotonic() + timeout
    while True:
        tree = run.tree()
        # Dramatiq's main processes are the supervisor's children (their forks share the argv).
        mains = [p for p in tree[0].children() if "django_dramatiq.setup" in p.cmdline()]
        forked = [p for p in mains if p.children()]
        if len(forked) == 2 or time.monotonic() > deadline:
            assert len(forked) == 2, run.output()
            time.sleep(1)  # each main forks all its workers in one quick loop
            return run.tree()
        time.sleep(0.5)


def test_a_signal_while_running_stops_everything(dev_env: dict[str, str]) -> None:
    # (web, worker, ingest, scheduler, shop; the process groups take whatever they fork next)
    _signalled_at(dev_env, phase="running", children=5, signum=signal.SIGHUP, timeout=420)


def test_children_die_with_a_killed_supervisor(dev_env: dict[str, str]) -> None:
    # given a running dev stack whose Dramatiq workers are up: forks do not inherit the
    # kernel's parent-death signal, each process sets its own
    port = free_port()
    run = DevRun(env=dev_env, port=port)
    try:
        run.wait_for("[dev] phase: running", timeout=420)
        recorded = _workers_forked(run, timeout=120)
        # when the supervisor is killed outright
        run.process.kill()
        run.process.wait(timeout=STOP_SECONDS)
    finally:
        if run.process.poll() is None:
            run.process.kill()
    # then its children and their workers die with it, and the web port is free
    assert _leftovers(recorded, run.process.pid) == [], run.output()
    assert _port_free(port) and _port_free(int(dev_env["DEMO_STOREFRONT_PORT"]))
