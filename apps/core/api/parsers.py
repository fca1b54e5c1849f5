"""The API's JSON parser: bounded nesting and finite numbers (see apps/core/jsonsafe.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from apps.core.jsonsafe import UntrustedJSONError, json_loads_untrusted


class UntrustedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        raw = stream.read() if stream is not None else b""
        try:
            return json_loads_untrusted(raw.decode(encoding))
        except UnicodeDecodeError as error:
            raise ParseError("The body is not valid UTF-8.", code="invalid_json") from error
        except UntrustedJSONError as error:
            raise ParseError(error.detail, code=error.code) from error
