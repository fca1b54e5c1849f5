from __future__ import annotations

from decimal import Decimal, InvalidOperation

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import IsTenantMember, ReadForMembersWriteForEditors
from apps.catalog.api import serializers as s
from apps.catalog.models import ImportJob, Order, Product
from apps.catalog.search import ProductFilters, product_search
from apps.catalog.selectors import (
    OrderListFilters,
    ProductListFilters,
    collection_list,
    import_job_get,
    import_job_list,
    import_row_error_list,
    order_get,
    order_list,
    product_get,
    product_list,
)
from apps.catalog.services import imports
from apps.core.api.views import found, paginated, validated


def _decimal_param(request: Request, name: str) -> Decimal | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        return Decimal(raw)
    except InvalidOperation as error:
        raise ValidationError({name: ["Enter a number."]}) from error


def _list_filters(request: Request) -> ProductListFilters:
    params = request.query_params
    return ProductListFilters(
        status=params.get("status"),
        vendor=params.get("vendor"),
        collection=params.get("collection"),
        in_stock=params.get("in_stock") in ("1", "true"),
        min_price=_decimal_param(request, "min_price"),
        max_price=_decimal_param(request, "max_price"),
        text=params.get("q"),
    )


# The list filters, parsed by hand (unknown values filter nothing rather than refuse).
_PRODUCT_LIST_PARAMETERS = [
    OpenApiParameter("q", str, description="Part of the title, or a whole SKU."),
    OpenApiParameter("status", str, enum=Product.Status.values),
    OpenApiParameter("vendor", str),
    OpenApiParameter("collection", str, description="A collection's handle or title."),
    OpenApiParameter("in_stock", str, enum=["true", "1"], description="Only available ones."),
    OpenApiParameter("min_price", str, description="A decimal number."),
    OpenApiParameter("max_price", str, description="A decimal number."),
]
_ORDER_LIST_PARAMETERS = [
    OpenApiParameter("q", str, description="Part of the order number."),
    OpenApiParameter("status", str, enum=Order.Status.values),
    OpenApiParameter("financial_status", str, enum=Order.FinancialStatus.values),
    OpenApiParameter("fulfilment_status", str, enum=Order.FulfilmentStatus.values),
    OpenApiParameter("email", str),
]


class ProductListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.ProductListOutput

    @extend_schema(parameters=_PRODUCT_LIST_PARAMETERS, responses=s.ProductListOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(self, product_list(filters=_list_filters(request)), s.ProductListOutput)


class ProductDetailView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(responses=s.ProductDetailOutput)
    def get(self, request: Request, product_id: int) -> Response:
        product = found(product_get(product_id=product_id))
        return Response(s.ProductDetailOutput(product).data)


class ProductSearchView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(request=s.ProductSearchInput, responses=s.ProductSearchOutput)
    def post(self, request: Request) -> Response:
        fields = validated(s.ProductSearchInput, request.data)
        filters = ProductFilters(**fields.get("filters", {}))
        result = product_search(
            query=fields["query"], filters=filters, k=fields["k"], mode=fields["mode"]
        )
        return Response(s.ProductSearchOutput(result).data)


class CollectionListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.CollectionOutput

    @extend_schema(responses=s.CollectionOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(self, collection_list(), s.CollectionOutput)


class OrderListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.OrderListOutput

    @extend_schema(parameters=_ORDER_LIST_PARAMETERS, responses=s.OrderListOutput(many=True))
    def get(self, request: Request) -> Response:
        params = request.query_params
        filters = OrderListFilters(
            status=params.get("status"),
            financial_status=params.get("financial_status"),
            fulfilment_status=params.get("fulfilment_status"),
            email=params.get("email"),
            text=params.get("q"),
        )
        return paginated(self, order_list(filters=filters), s.OrderListOutput)


class OrderDetailView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(responses=s.OrderDetailOutput)
    def get(self, request: Request, order_id: int) -> Response:
        return Response(s.OrderDetailOutput(found(order_get(order_id=order_id))).data)


class ImportListView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.ImportJobOutput

    @extend_schema(responses=s.ImportJobOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(self, import_job_list(), s.ImportJobOutput)

    @extend_schema(request=s.ImportCreateInput, responses={201: s.ImportJobOutput})
    def post(self, request: Request) -> Response:
        data = validated(s.ImportCreateInput, request.data)
        upload = data["file"]
        job = imports.import_create(
            upload=upload,
            filename=upload.name,
            size=upload.size,
            kind=data["kind"],
            currency=data.get("currency"),
        )
        return Response(s.ImportJobOutput(job).data, status=status.HTTP_201_CREATED)


def _job(job_id: int) -> ImportJob:
    return found(import_job_get(job_id=job_id))


class ImportDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(responses=s.ImportJobOutput)
    def get(self, request: Request, job_id: int) -> Response:
        return Response(s.ImportJobOutput(_job(job_id)).data)

    @extend_schema(request=s.ImportMappingInput, responses=s.ImportJobOutput)
    def patch(self, request: Request, job_id: int) -> Response:
        mapping = validated(s.ImportMappingInput, request.data)["mapping"]
        job = imports.import_mapping_update(job=_job(job_id), mapping=mapping)
        return Response(s.ImportJobOutput(job).data)


class ImportStatusWordsView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(request=s.ImportStatusWordsInput, responses=s.ImportJobOutput)
    def put(self, request: Request, job_id: int) -> Response:
        words = validated(s.ImportStatusWordsInput, request.data)["status_words"]
        job = imports.import_status_words_update(job=_job(job_id), status_words=words)
        return Response(s.ImportJobOutput(job).data)


class ImportValidateView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(request=None, responses={202: s.ImportJobOutput})
    def post(self, request: Request, job_id: int) -> Response:
        job = imports.import_validate_request(job=_job(job_id))
        return Response(s.ImportJobOutput(job).data, status=status.HTTP_202_ACCEPTED)


class ImportRunView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(request=s.ImportRunInput, responses={202: s.ImportJobOutput})
    def post(self, request: Request, job_id: int) -> Response:
        job = imports.import_run_request(
            job=_job(job_id), **validated(s.ImportRunInput, request.data)
        )
        return Response(s.ImportJobOutput(job).data, status=status.HTTP_202_ACCEPTED)


class ImportErrorListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.ImportRowErrorOutput

    @extend_schema(responses=s.ImportRowErrorOutput(many=True))
    def get(self, request: Request, job_id: int) -> Response:
        return paginated(self, import_row_error_list(job=_job(job_id)), s.ImportRowErrorOutput)
