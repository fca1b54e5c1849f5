"""`manage.py bench chat`: the widget chat under load, through a real daphne process.

Starts daphne and a Dramatiq worker on loopback against the demo store (seeded like `make dev`;
its knowledge is ingested first), then:
1. For N = 10, 50, 200 concurrent WebSocket conversations (`--quick`: 10), each sends 5
   questions, in two load shapes. `n<N>`: back to back, every conversation sending its next
   question the moment the answer is done (a saturation test: it measures throughput, and
   latency is mostly queueing). `n<N>_paced`: like shoppers, conversations start spread over
   the first RAMP_S seconds and each waits THINK_S (uniform, a seeded draw) between an answer
   and the next question, reading and typing. Per N and shape: `first_event_p50_ms` /
   `first_event_p95_ms` — server time from the message frame received to the first `delta`
   handed to the socket, as the server reports it in `done.timings.server_first_delta_ms`;
   `turn_p95_ms` — client time
   from sending the message to receiving `done`; `errors` — error frames, failed connections
   or turns without `done`; `web_rss_mb` — daphne's peak resident memory during the run.
   Measured after daphne has settled (model loaded) and two warm-up conversations.
2. `idle_ws_rss_kb_per_conn`: daphne's memory growth per connection for 2,000 connections
   (`--quick`: 200) that said hello and stay idle, on one process.

Daphne serves BENCH_CHAT_APPLICATION (reported as `application`; by default the real app,
`tests.conversations.fake_asgi:application` measures the transport alone). Rate
limits are lifted for the daphne process; the conversations the bench creates are deleted.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import secrets
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psutil
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin

from apps.conversations.models import Conversation
from apps.core import processes
from apps.core.demo import demo_seed
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.tenants.selectors import tenant_get_by_slug
from apps.widget.services import widget_settings_get
from bench.common import percentile

Log = Callable[[str], None]
QUESTIONS = [
    "Do you ship to Canada?",
    "What is your return policy?",
    "Do you have a waterproof jacket for hiking?",
    "How long does standard delivery take?",
    "Which tent is best for two people?",
]
SESSION_PREFIX = "bench-"
RAMP_S = 5.0
THINK_S = (3.0, 10.0)
NO_LIMIT = "1000000/minute"


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    levels = (size,) if size else ((10,) if quick else (10, 50, 200))
    idle = 200 if quick else 2_000
    _raise_open_files(idle * 2 + 1_000)
    demo = demo_seed()
    tenant = tenant_get_by_slug(slug=demo.credentials.slug)
    if tenant is None:
        raise RuntimeError("the demo store is missing")
    with tenant_context(tenant):
        origins = widget_settings_get().allowed_origins
    if not origins:
        raise RuntimeError("the demo store allows no widget origin")
    figures: dict[str, Any] = {"application": _application(), "cores": os.cpu_count()}
    try:
        with _server(log) as (port, web_pid):
            _wait_for_knowledge(tenant, log)
            url = f"ws://127.0.0.1:{port}/ws/widget/{demo.widget_key}/"
            _settle(web_pid, log)
            asyncio.run(_load(url=url, origin=origins[0], clients=2, web_pid=web_pid, log=log))
            for clients in levels:
                for paced in (False, True):
                    figures[f"n{clients}{'_paced' if paced else ''}"] = asyncio.run(
                        _load(
                            url=url,
                            origin=origins[0],
                            clients=clients,
                            web_pid=web_pid,
                            log=log,
                            paced=paced,
                        )
                    )
            figures["idle_connections"] = idle
            figures["idle_ws_rss_kb_per_conn"] = asyncio.run(
                _idle(url=url, origin=origins[0], connections=idle, web_pid=web_pid, log=log)
            )
    finally:
        with tenant_context(tenant):
            Conversation.objects.filter(session_id__startswith=SESSION_PREFIX).delete()
    return figures


# --- processes ------------------------------------------------------------------------------
def _raise_open_files(wanted: int) -> None:
    """Daphne inherits this limit: each connection is a file descriptor on both ends."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _application() -> str:
    return os.environ.get("BENCH_CHAT_APPLICATION", "config.asgi:application")


@contextmanager
def _server(log: Log) -> Iterator[tuple[int, int]]:
    port = processes.free_port()
    env = {
        **os.environ,
        "CHAT_RATE_PER_SESSION": NO_LIMIT,
        "CHAT_RATE_PER_IP": NO_LIMIT,
        "CHAT_RATE_PER_STORE": NO_LIMIT,
        "LOG_LEVEL": "WARNING",
    }
    # BENCH_CHAT_LOG=FILE keeps the servers' logs (errors under load) instead of dropping them.
    log_path = os.environ.get("BENCH_CHAT_LOG")
    log_file = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    started: list[subprocess.Popen[bytes]] = []
    try:
        started.append(
            processes.dramatiq_worker(
                queues=["default", "ingest"], threads=2, env=env, stderr=log_file
            )
        )
        web = processes.daphne_server(
            port=port, env=env, stderr=log_file, application=_application()
        )
        started.append(web)
        log(f"daphne on 127.0.0.1:{port} (pid {web.pid}), worker pid {started[0].pid}")
        yield port, web.pid
    finally:
        processes.processes_stop(started)
        if not isinstance(log_file, int):
            log_file.close()


def _wait_for_knowledge(tenant: Any, log: Log, timeout_s: float = 300) -> None:
    """The grounded responder answers from the demo knowledge: let the worker ingest it."""
    deadline = time.monotonic() + timeout_s
    with tenant_context(tenant):
        sources = Source.objects.filter(kind__in=[Source.Kind.TEXT, Source.Kind.FAQ])
        while sources.exclude(status__in=[Source.Status.READY, Source.Status.ERROR]).exists():
            if time.monotonic() > deadline:
                log("knowledge: still ingesting, measuring anyway")
                return
            time.sleep(1)
    log("knowledge: ready")


def _settle(pid: int, log: Log, timeout_s: float = 180) -> None:
    """Daphne loads the embedding model in the background at start: measure after it has."""
    process = psutil.Process(pid)
    deadline = time.monotonic() + timeout_s
    process.cpu_percent()
    while time.monotonic() < deadline:
        time.sleep(1)
        if process.cpu_percent() < 10:
            break
    log(f"daphne settled at {process.memory_info().rss // 2**20} MB")


class _RssSampler:
    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.1)

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# --- load -----------------------------------------------------------------------------------
@dataclass
class _Tally:
    server_first_delta_ms: list[float] = field(default_factory=list)
    client_first_delta_ms: list[float] = field(default_factory=list)
    turn_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)  # error code or exception name


async def _open(url: str, origin: str) -> ClientConnection:
    return await connect(url, origin=Origin(origin), open_timeout=60, ping_interval=None)


async def _hello(ws: ClientConnection) -> None:
    await ws.send(
        json.dumps({"type": "hello", "session_id": SESSION_PREFIX + secrets.token_hex(8)})
    )
    ready = json.loads(await ws.recv())
    if ready.get("type") != "ready":
        raise RuntimeError(f"hello answered {ready}")


async def _conversation(url: str, origin: str, tally: _Tally, pace: random.Random | None) -> None:
    try:
        if pace is not None:
            await asyncio.sleep(pace.uniform(0, RAMP_S))
        async with await _open(url, origin) as ws:
            await _hello(ws)
            for index, question in enumerate(QUESTIONS):
                if pace is not None and index:
                    await asyncio.sleep(pace.uniform(*THINK_S))
                sent = time.perf_counter()
                await ws.send(json.dumps({"type": "message", "text": question}))
                first: float | None = None
                while True:
                    frame = json.loads(await asyncio.wait_for(ws.recv(), 120))
                    if frame["type"] == "delta" and first is None:
                        first = time.perf_counter()
                    elif frame["type"] == "error":
                        tally.errors[frame["code"]] += 1
                        break
                    elif frame["type"] == "done":
                        tally.turn_ms.append((time.perf_counter() - sent) * 1000)
                        server_first = frame["timings"].get("server_first_delta_ms")
                        if server_first is not None and first is not None:
                            tally.server_first_delta_ms.append(server_first)
                            tally.client_first_delta_ms.append((first - sent) * 1000)
                        break
    except ConnectionClosed as error:  # name the close code: 1006 (dropped), 4429, ...
        code = error.rcvd.code if error.rcvd else 1006
        tally.errors[f"{type(error).__name__}:{code}"] += 1
    except Exception as error:
        tally.errors[type(error).__name__] += 1


async def _load(
    *, url: str, origin: str, clients: int, web_pid: int, log: Log, paced: bool = False
) -> dict[str, Any]:
    tally = _Tally()
    with _RssSampler(web_pid) as rss:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _conversation(url, origin, tally, random.Random(n) if paced else None)  # noqa: S311
                for n in range(clients)
            )
        )
        elapsed = time.perf_counter() - started
    figures = {
        "turns": len(tally.turn_ms),
        "first_event_p50_ms": percentile(tally.server_first_delta_ms, pct=50),
        "first_event_p95_ms": percentile(tally.server_first_delta_ms, pct=95),
        "client_first_event_p95_ms": percentile(tally.client_first_delta_ms, pct=95),
        "turn_p95_ms": percentile(tally.turn_ms, pct=95),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
        "web_rss_mb": round(rss.peak / 2**20),
        "elapsed_s": round(elapsed, 1),
    }
    log(f"N={clients}{' paced' if paced else ''}: {figures}")
    return figures


async def _idle(*, url: str, origin: str, connections: int, web_pid: int, log: Log) -> float:
    web = psutil.Process(web_pid)
    await asyncio.sleep(1)
    before = web.memory_info().rss
    sockets: list[ClientConnection] = []
    try:
        for start in range(0, connections, 100):  # in batches: the listen backlog is finite
            batch = await asyncio.gather(
                *(_open(url, origin) for _ in range(min(100, connections - start)))
            )
            sockets.extend(batch)
            await asyncio.gather(*(_hello(ws) for ws in batch))
        await asyncio.sleep(2)
        after = web.memory_info().rss
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    per_conn = round((after - before) / 1024 / connections, 1)
    grown_mb = (after - before) // 2**20
    log(f"idle: {connections} connections, daphne +{grown_mb} MB, {per_conn} KB each")
    return per_conn
