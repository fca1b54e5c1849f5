"""Small helpers that keep API views to a few lines each."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import Http404
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

T = TypeVar("T")


def validated(input_serializer: type[BaseSerializer[Any]], data: Any) -> dict[str, Any]:
    """Validate request data with an input serializer; errors become a 400 with code/field."""
    serializer = input_serializer(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def paginated(
    view: GenericAPIView, queryset: QuerySet[Any], output: type[BaseSerializer[Any]]
) -> Response:
    page = view.paginate_queryset(queryset)
    return view.get_paginated_response(output(page, many=True).data)


def found(obj: T | None) -> T:
    """Selectors return None for rows outside the current store: that is a 404."""
    if obj is None:
        raise Http404
    return obj
