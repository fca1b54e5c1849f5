from django.test import Client


def test_healthz_is_alive_without_database(client: Client) -> None:
    response = Client(HTTP_HOST="localhost").get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_database_redis_and_migrations(db: None) -> None:
    response = Client(HTTP_HOST="localhost").get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "migrations": "ok"}


def test_readyz_names_the_failing_part(db: None, settings) -> None:
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    caches._settings = caches.settings = settings.CACHES  # type: ignore[attr-defined]
    try:
        del caches._connections.default  # type: ignore[attr-defined]
    except AttributeError:
        pass
    response = Client(HTTP_HOST="localhost").get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["redis"] and body["checks"]["database"] == "ok"
