"""`manage.py bench bodies`: how fast daphne refuses a body it will not take.

Starts daphne on loopback the way production does (apps/core/daphne_server.py) and sends RUNS
requests that announce a 600 MB upload (Content-Length, an API key header) and send nothing
more: the answer can only have come from the headers, since no body byte was ever sent.
`oversize_refusal_p50_ms` / `_p95_ms`: from the headers' send to the connection closed after
the 413. Every answer is checked to be the API's JSON 413; any other answer fails the run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Callable
from typing import Any

from apps.core import processes
from bench.common import percentile

Log = Callable[[str], None]
RUNS = 200
WARM_UP = 20
ANNOUNCED = 600 * 1024 * 1024
HEAD = (
    "POST /api/v1/catalog/imports/ HTTP/1.1\r\nHost: localhost\r\n"
    f"Authorization: Bearer ak_bench\r\nContent-Length: {ANNOUNCED}\r\n\r\n"
).encode()


def _refusal_ms(port: int) -> float:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        started = time.perf_counter()
        sock.sendall(HEAD)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        elapsed = (time.perf_counter() - started) * 1000
    status_line, _, rest = answer.partition(b"\r\n")
    body = json.loads(rest.partition(b"\r\n\r\n")[2])
    if status_line.split()[1] != b"413" or body["code"] != "request_too_large":
        raise RuntimeError(f"expected a JSON 413, got {answer[:200]!r}")
    return elapsed


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    runs = size or (20 if quick else RUNS)
    port = processes.free_port()
    env = {**os.environ, "SITE_PORT": str(port), "LOG_LEVEL": "WARNING"}
    web = processes.daphne_server(port=port, env=env, stdout=subprocess.DEVNULL)
    try:
        log(f"daphne on 127.0.0.1:{port} (pid {web.pid})")
        for _ in range(WARM_UP):
            _refusal_ms(port)
        timings = [_refusal_ms(port) for _ in range(runs)]
    finally:
        processes.processes_stop([web])
    log(f"{runs} refusals of a {ANNOUNCED // 2**20} MB announced body")
    return {
        "runs": runs,
        "announced_mb": ANNOUNCED // 2**20,
        "oversize_refusal_p50_ms": percentile(timings, pct=50),
        "oversize_refusal_p95_ms": percentile(timings, pct=95),
    }
