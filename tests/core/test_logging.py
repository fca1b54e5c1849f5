import json
import logging

from django.test import Client
from pythonjsonlogger.json import JsonFormatter

from apps.core.logging import ContextFilter


def _json_handler(stream):
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(ContextFilter())
    return handler


def test_log_lines_carry_request_id_and_tenant(tenant_a, owner_a, monkeypatch, tmp_path) -> None:
    # given a JSON handler on the logger of a view that logs during a store request
    from apps.audit import services

    log_file = (tmp_path / "log.jsonl").open("w+")
    logger = logging.getLogger("aisle.test.requests")
    logger.addHandler(_json_handler(log_file))
    logger.setLevel(logging.INFO)
    real_record = services.audit_record

    def record_and_log(**kwargs):
        logger.info("auditing", extra={"action": kwargs["action"]})
        return real_record(**kwargs)

    monkeypatch.setattr("apps.accounts.services.api_keys.audit_record", record_and_log)
    client = Client(HTTP_HOST="store-a.localhost", HTTP_X_REQUEST_ID="req-log-test-1")
    client.force_login(owner_a.user)
    # when
    client.post(
        "/api/v1/api-keys/", {"name": "x", "role": "viewer"}, content_type="application/json"
    )
    # then
    log_file.seek(0)
    line = json.loads(log_file.readline())
    assert line["message"] == "auditing" and line["action"] == "api_key.created"
    assert line["request_id"] == "req-log-test-1" and line["tenant"] == "store-a"
