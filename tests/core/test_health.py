from django.core.cache.backends.redis import RedisCache
from django.test import Client

from apps.core import health


def test_healthz_is_alive_without_database(client: Client) -> None:
    response = Client(HTTP_HOST="localhost").get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_database_redis_and_migrations(db: None) -> None:
    response = Client(HTTP_HOST="localhost").get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "migrations": "ok"}


def test_readyz_names_the_failing_part(db: None, monkeypatch) -> None:
    # given Redis is unreachable (nothing listens on port 1)
    monkeypatch.setattr(health, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    response = Client(HTTP_HOST="localhost").get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["redis"] and body["checks"]["database"] == "ok"


def test_probes_answer_whatever_the_host_header(db: None) -> None:
    # orchestrators probe containers by IP address
    assert Client(HTTP_HOST="10.1.2.3:8000").get("/healthz").status_code == 200
    assert Client(HTTP_HOST="10.1.2.3:8000").get("/readyz").status_code == 200
    assert Client(HTTP_HOST="10.1.2.3:8000").get("/").status_code == 400
