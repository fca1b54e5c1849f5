"""Child processes for benchmarks and browser tests: a Dramatiq worker or a daphne server running
this project, started the way production starts them, and stopped without leaking."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

from django.conf import settings

Output = int | IO[bytes]

# Debian's Chromium (never a downloaded browser) and the flags every headless run uses.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def dramatiq_worker(
    *,
    modules: Sequence[str] | None = None,
    queues: Sequence[str] | None = None,
    processes: int = 1,
    threads: int = 1,
    env: Mapping[str, str] | None = None,
    stdout: Output = subprocess.DEVNULL,
    stderr: Output = subprocess.DEVNULL,
) -> subprocess.Popen[bytes]:
    """A worker for `modules`' actors (None: every app's, as `manage.py rundramatiq` deploys) on
    `queues` (None: all); `env` replaces the environment when given (pass `{**os.environ, ...}`)."""
    if modules is None:
        argv = [sys.executable, "manage.py", "rundramatiq"]
    else:
        argv = [sys.executable, "-m", "dramatiq", "django_dramatiq.setup", *modules]
    argv += ["--processes", str(processes), "--threads", str(threads)]
    argv += ["--path", str(settings.BASE_DIR), *(["--queues", *queues] if queues else [])]
    return subprocess.Popen(argv, cwd=settings.BASE_DIR, env=env, stdout=stdout, stderr=stderr)


def daphne_server(
    *,
    port: int,
    env: Mapping[str, str] | None = None,
    stdout: Output = subprocess.DEVNULL,
    stderr: Output = subprocess.DEVNULL,
    timeout: float = 60,
    application: str = "config.asgi:application",
) -> subprocess.Popen[bytes]:
    """The ASGI `application` on 127.0.0.1:`port`, returned once the port accepts connections.
    RuntimeError (the process stopped) if daphne exits or is not listening within `timeout`."""
    argv = [sys.executable, "-m", "apps.core.daphne_server", "-b", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(
        [*argv, application],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=stdout,
        stderr=stderr,
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                processes_stop([process])
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"daphne did not start on port {port}\n{output}") from None
            time.sleep(0.1)


def processes_stop(processes: Iterable[subprocess.Popen[bytes]], *, timeout: float = 30) -> None:
    """Terminate all, then wait for each; kill any that outlive `timeout`."""
    processes = list(processes)
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
