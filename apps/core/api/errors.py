"""Every API error is JSON `{code, detail, field?}` with a 4xx/5xx status."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def _first_error(detail: Any, field: str | None = None) -> tuple[str | None, Any]:
    """Walk DRF's nested error structure down to the first ErrorDetail and its field."""
    if isinstance(detail, dict):
        key, value = next(iter(detail.items()))
        nested_field = key if key != "non_field_errors" else None
        return _first_error(value, field if field else nested_field)
    if isinstance(detail, list) and detail:
        return _first_error(detail[0], field)
    return field, detail


def _django_to_drf(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):  # raised as ValidationError({"field": ...})
            return exceptions.ValidationError(
                {
                    field: [
                        exceptions.ErrorDetail(e.messages[0], code=e.code or "invalid")
                        for e in errors
                    ]
                    for field, errors in exc.error_dict.items()
                }
            )
        message = exc.messages[0] if exc.messages else "Invalid input."
        return exceptions.ValidationError(
            {"non_field_errors": [exceptions.ErrorDetail(message, code=exc.code or "invalid")]}
        )
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    # An object deleted by another request after this one found it (an edit racing a delete).
    if isinstance(exc, Http404 | ObjectDoesNotExist):
        return exceptions.NotFound()
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _django_to_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    field, detail = _first_error(exc.detail)
    code = getattr(detail, "code", None) or exc.default_code
    body: dict[str, Any] = {"code": code, "detail": str(detail)}
    if field:
        body["field"] = field
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["errors"] = exc.detail
    if response.status_code == status.HTTP_429_TOO_MANY_REQUESTS:
        body["code"] = "throttled"
    response.data = body
    return response
