"""`make dev`: migrate, start web, seed the demo store, then run the workers, the scheduler and
the demo storefront (a shop page on another origin that embeds the widget) too.

Children run in their own process groups so Ctrl-C reaches only this supervisor, which then
stops them (SIGTERM, then SIGKILL to the whole group after a grace period) and finally the embedded
PostgreSQL and Redis. If a child dies on its own, that is reported and everything stops: a dev
stack with a dead worker would silently not process jobs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from typing import IO, Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from apps.core.demo import DemoStore, demo_seed, demo_storefront_origin
from apps.tenants.selectors import host_url
from config import embedded_services

GRACE_SECONDS = 15


def _pump(name: str, stream: IO[bytes]) -> None:
    for line in iter(stream.readline, b""):
        sys.stdout.write(f"[{name:9}] {line.decode(errors='replace')}")
        sys.stdout.flush()


class Command(BaseCommand):
    help = "Run the whole product locally (web, worker, scheduler) with the demo store."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1"))

    def handle(self, *args: Any, port: int, bind: str, **options: Any) -> None:
        self.stdout.write("Applying migrations (up-to-date schemas are skipped)...")
        call_command("migrate_schemas", interactive=False, verbosity=0)
        python = sys.executable
        web = [python, "-m", "daphne", "-b", bind, "-p", str(port), "config.asgi:application"]
        # Web first: the demo's spec sheets are static files that the ingest worker fetches.
        processes = {"web": self._spawn("web", web)}
        try:
            demo = demo_seed()
        except BaseException:
            self._shutdown(processes)
            raise
        workers = {
            "worker": [
                python,
                "manage.py",
                "rundramatiq",
                "--processes",
                "1",
                "--threads",
                "4",
                "--queues",
                "default",
                "sync",
                "eval",
            ],
            # Embedding is CPU-bound: one single-threaded process per core (see compose.yaml).
            "ingest": [
                python,
                "manage.py",
                "rundramatiq",
                "--processes",
                str(os.cpu_count() or 1),
                "--threads",
                "1",
                "--queues",
                "ingest",
            ],
            "scheduler": [python, "manage.py", "run_scheduler"],
            "shop": [python, "manage.py", "demo_storefront"],
        }
        processes.update({name: self._spawn(name, argv) for name, argv in workers.items()})
        self._banner(demo, port)
        stop_requested = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop_requested.set())
        exit_code = 0
        while not stop_requested.is_set():
            crashed = {name: p.returncode for name, p in processes.items() if p.poll() is not None}
            if crashed:
                for name, code in crashed.items():
                    self.stderr.write(
                        f"[dev] {name} exited unexpectedly with code {code}; stopping everything."
                    )
                exit_code = 1
                break
            time.sleep(0.5)
        self._shutdown(processes)
        if embedded_services.in_use():
            stopped = embedded_services.stop()
            self.stdout.write(f"[dev] stopped embedded {', '.join(stopped) or 'services'}")
        sys.exit(exit_code)

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        env = {**os.environ, "EMBEDDING_THREADS": "1"} if name == "ingest" else None
        process = subprocess.Popen(
            argv,
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )
        assert process.stdout is not None
        threading.Thread(target=_pump, args=(name, process.stdout), daemon=True).start()
        return process

    def _shutdown(self, processes: dict[str, subprocess.Popen[bytes]]) -> None:
        self.stdout.write("[dev] stopping web, workers, scheduler and storefront...")
        for process in processes.values():
            if process.poll() is None:
                # The child's main process only: Dramatiq's stops its own workers gracefully.
                process.terminate()
        deadline = time.monotonic() + GRACE_SECONDS
        for name, process in processes.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.stderr.write(f"[dev] {name} did not stop in {GRACE_SECONDS}s; killing it")
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def _banner(self, demo: DemoStore, port: int) -> None:
        root = host_url(path="/")
        creds = demo.credentials
        self.stdout.write(
            "\n"
            "  Aisle is running\n"
            f"    Sign up / sign in   {root}\n"
            f"    Demo store admin    {creds.url}\n"
            f"    API docs            {creds.url.replace('/app/', '/api/docs/')}\n"
            f"    Demo owner          {creds.email} / {creds.password}\n"
            f"    Demo widget key     {demo.widget_key}\n"
            f"    Demo storefront     {demo_storefront_origin()}/  (the widget on another origin)\n"
            f"    Emails (verification, invitations) are printed below by the web process.\n"
            "  Press Ctrl-C to stop everything.\n"
        )
