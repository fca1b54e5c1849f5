"""The stop signals `manage.py dev` answers at any moment, and child processes that never outlive
it.

Each child runs in its own session (one process group to stop as a whole; a Ctrl-C in the
terminal reaches only the supervisor) and is killed by the kernel when the supervisor dies,
even by SIGKILL (`PR_SET_PDEATHSIG`). That setting is per process and not inherited by forks, so
every process the dev settings load under a supervisor (daphne, the Dramatiq workers that
Dramatiq forks, the scheduler) calls `die_with_parent()`: a chain from the supervisor down.

Django-free: manage.py installs the signal handlers before the settings start the embedded
services.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Set in each child's environment: the processes started under it die with their parent.
SUPERVISOR_PID_ENV = "AISLE_SUPERVISOR_PID"
_PR_SET_PDEATHSIG = 1
# Looked up once, here: a child between fork and exec must not search for libraries.
_prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)


class StopRequest:
    """The first stop signal received; the handler only records it, so the supervisor reacts
    between steps whatever it is doing (a signal handler that raised could leave a half-started
    child)."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._event = threading.Event()

    def install(self) -> None:
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        if self.signum is None:
            self.signum = signum
        self._event.set()

    def wait(self, timeout: float) -> bool:
        """True once a stop signal arrived (waits at most `timeout` seconds for one)."""
        return self._event.wait(timeout)


stop_request = StopRequest()


def _parent_death_signal(signum: int) -> bool:
    """Ask the kernel to send `signum` to this process when its parent dies (Linux only)."""
    return _prctl is not None and _prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0


def _running(pid: int) -> bool:
    """False for a process that is gone or a zombie (dead, not yet reaped by its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def die_with_parent() -> None:
    """Under a supervisor: be killed when the process that started this one dies. A process
    whose supervisor is already dead (it died while this one was starting) exits now."""
    supervisor = os.environ.get(SUPERVISOR_PID_ENV)
    if supervisor and _parent_death_signal(signal.SIGKILL) and not _running(int(supervisor)):
        os._exit(1)


def _child_setup(supervisor: int) -> None:
    # Runs in the child between fork and exec, so the kernel watches the supervisor itself.
    if _parent_death_signal(signal.SIGKILL) and os.getppid() != supervisor:
        os._exit(1)


def child_start(
    *, argv: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start `argv` in its own session, dying with this process; output on a pipe. Call it from
    the main thread: the kernel ties the parent-death signal to the thread that forked."""
    supervisor = os.getpid()
    return subprocess.Popen(
        argv,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: _child_setup(supervisor),
        env={**(os.environ if env is None else env), SUPERVISOR_PID_ENV: str(supervisor)},
    )


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    # The group outlives its leader while a member (a forked Dramatiq worker) is alive.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)


def children_stop(children: Sequence[subprocess.Popen[bytes]], *, grace: float) -> list[int]:
    """SIGTERM each child's process group, wait up to `grace` seconds for the leaders, then
    SIGKILL every group. Returns the pids of leaders that had to be killed.

    Never SIGHUP: Dramatiq's main process reloads on it instead of stopping."""
    for child in children:
        _signal_group(child, signal.SIGTERM)
    deadline = time.monotonic() + grace
    killed = []
    for child in children:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            killed.append(child.pid)
        _signal_group(child, signal.SIGKILL)
    for child in children:
        child.wait()
    return killed
