"""`make dev`: migrate, start web, seed the demo store, then run the workers, the scheduler and
the demo storefront (a shop page on another origin that embeds the widget) too.

The supervisor itself only starts and watches processes, so it answers SIGINT, SIGTERM and SIGHUP
at any moment: manage.py installs the handlers before the settings start the embedded services,
and migrations and seeding run as children too. On a signal, or when a child dies on its own (a
dev stack with a dead worker would silently not process jobs), it stops every child's process
group (SIGTERM, then SIGKILL after a grace period), then the embedded PostgreSQL and Redis it
started itself. Servers it found running belong to whoever started them and stay up (`make stop`
stops them). Children die with the supervisor even if it is killed outright (see
apps/core/supervisor.py). Each step prints a `[dev] phase: ...` line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from typing import IO, Any

from django import db
from django.conf import settings
from django.core.management.base import BaseCommand

from apps.core.demo import DemoStore, demo_store_get, demo_storefront_origin
from apps.core.supervisor import child_start, children_stop, stop_request
from apps.tenants.selectors import host_url
from config import embedded_services

# Short enough that a stop takes well under ten seconds; Dramatiq's actors are safe to kill.
GRACE_SECONDS = 5.0
POLL_SECONDS = 0.2


def _say(line: str) -> None:
    # The terminal may be gone (SIGHUP): output is best effort, stopping is not.
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def _pump(name: str, stream: IO[bytes]) -> None:
    # Keeps reading even when the terminal is gone, so a child never blocks on a full pipe.
    for line in iter(stream.readline, b""):
        _say(f"[{name:9}] {line.decode(errors='replace').rstrip()}")


class ChildExited(Exception):
    def __init__(self, name: str, code: int) -> None:
        super().__init__(f"{name} exited with code {code}")
        self.name = name
        self.code = code


class StopSignal(Exception):
    pass


class Command(BaseCommand):
    help = "Run the whole product locally (web, worker, scheduler) with the demo store."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1"))
        parser.add_argument(
            "--no-demo-conversations",
            action="store_true",
            help="seed the demo store without its sample conversations (a minute faster)",
        )

    def handle(
        self, *args: Any, port: int, bind: str, no_demo_conversations: bool, **options: Any
    ) -> None:
        stop_request.install()  # manage.py did already; kept for `call_command("dev")`
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        exit_code = 0
        try:
            self._run(port=port, bind=bind, conversations=not no_demo_conversations)
        except StopSignal:
            assert stop_request.signum is not None
            exit_code = 128 + stop_request.signum
            _say(f"[dev] received {signal.Signals(stop_request.signum).name}; stopping.")
        except ChildExited as exited:
            _say(f"[dev] {exited.name} exited unexpectedly with code {exited.code}; stopping.")
            exit_code = 1
        finally:
            self._stop_everything()
        sys.exit(exit_code)

    def _run(self, *, port: int, bind: str, conversations: bool) -> None:
        python = sys.executable
        manage = [python, "manage.py"]
        self._wait(0)  # a signal during the settings' start of the embedded services
        self._phase("migrating")
        self._run_to_end("migrate", [*manage, "migrate_schemas", "--noinput", "-v", "0"])
        # Web first: the demo's spec sheets are static files that the ingest worker fetches.
        daphne = [python, "-m", "apps.core.daphne_server"]
        web = [*daphne, "-b", bind, "-p", str(port), "config.asgi:application"]
        self._start("web", web)
        self._phase("seeding")
        seed = [*manage, "seed_demo", *([] if conversations else ["--no-conversations"])]
        self._run_to_end("seed", seed)
        rundramatiq = [*manage, "rundramatiq"]
        queues = ["--queues", "default", "sync", "eval"]
        self._start("worker", [*rundramatiq, "--processes", "1", "--threads", "4", *queues])
        # Embedding is CPU-bound: one single-threaded process per core (see compose.yaml).
        cores = str(os.cpu_count() or 1)
        ingest = [*rundramatiq, "--processes", cores, "--threads", "1", "--queues", "ingest"]
        self._start("ingest", ingest, env={**os.environ, "EMBEDDING_THREADS": "1"})
        self._start("scheduler", [*manage, "run_scheduler"])
        self._start("shop", [*manage, "demo_storefront"])
        demo = demo_store_get()
        db.connections.close_all()  # the embedded server is stopped last; keep no session open
        if demo is not None:
            self._banner(demo)
        self._phase("running")
        while True:
            self._wait(POLL_SECONDS)

    def _phase(self, name: str) -> None:
        _say(f"[dev] phase: {name}")

    def _start(
        self, name: str, argv: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        process = child_start(argv=argv, cwd=settings.BASE_DIR, env=env)
        self.children[name] = process
        assert process.stdout is not None
        threading.Thread(target=_pump, args=(name, process.stdout), daemon=True).start()
        return process

    def _run_to_end(self, name: str, argv: list[str]) -> None:
        process = self._start(name, argv)
        while process.poll() is None:
            self._wait(POLL_SECONDS, awaiting=name)
        del self.children[name]
        if process.returncode != 0:
            raise ChildExited(name, process.returncode)

    def _wait(self, seconds: float, *, awaiting: str | None = None) -> None:
        """Sleep, unless a stop signal arrives or a child other than `awaiting` dies."""
        if stop_request.wait(seconds):
            raise StopSignal
        for name, process in self.children.items():
            code = process.poll()
            if code is not None and name != awaiting:
                raise ChildExited(name, code)

    def _stop_everything(self) -> None:
        if self.children:
            _say(f"[dev] stopping {', '.join(self.children)}...")
            killed = children_stop(list(self.children.values()), grace=GRACE_SECONDS)
            if killed:
                _say(f"[dev] killed {len(killed)} that did not stop in {GRACE_SECONDS:.0f}s")
        started = embedded_services.started_here()
        if started:
            stopped = embedded_services.stop(
                postgres="postgres" in started, redis="redis" in started
            )
            _say(f"[dev] stopped embedded {', '.join(stopped) or 'services'}")

    def _banner(self, demo: DemoStore) -> None:
        root = host_url(path="/")
        creds = demo.credentials
        _say(
            "\n"
            "  Aisle is running\n"
            f"    Sign up / sign in   {root}\n"
            f"    Demo store admin    {creds.url}\n"
            f"    Second demo store   {demo.second_store_url or '(not seeded)'}\n"
            f"    API docs            {creds.url.replace('/app/', '/api/docs/')}\n"
            f"    Demo owner          {creds.email} / {creds.password}\n"
            f"    Demo widget key     {demo.widget_key}\n"
            f"    Demo storefront     {demo_storefront_origin()}/  (the widget on another origin)\n"
            f"    Emails (verification, invitations) are printed below by the web process.\n"
            "  Press Ctrl-C to stop everything.\n"
        )
