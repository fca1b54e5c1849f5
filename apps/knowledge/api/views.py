from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import (
    IsTenantMember,
    ReadForMembersWriteForAdmins,
    ReadForMembersWriteForEditors,
)
from apps.core.api.views import found, paginated, validated
from apps.core.search import embeddings
from apps.knowledge.api import serializers as s
from apps.knowledge.models import Document, Source
from apps.knowledge.retrieval import Filters, knowledge_search
from apps.knowledge.selectors import (
    document_list,
    faq_entry_get,
    faq_entry_list,
    source_get,
    source_list,
)
from apps.knowledge.services import sources as source_services
from apps.knowledge.services.settings import (
    knowledge_settings_get,
    knowledge_settings_update,
    reembedding_in_progress,
    search_languages,
)
from apps.knowledge.services.sync import source_sync_request


def _source(source_id: int) -> Source:
    return found(source_get(source_id=source_id))


class SourceListView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]
    serializer_class = s.SourceOutput

    @extend_schema(
        parameters=[
            OpenApiParameter("kind", str, enum=Source.Kind.values),
            OpenApiParameter("status", str, enum=Source.Status.values),
        ],
        responses=s.SourceOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        sources = source_list(
            kind=request.query_params.get("kind"), status=request.query_params.get("status")
        )
        return paginated(self, sources, s.SourceOutput)

    @extend_schema(request=s.SourceCreateInput, responses={201: s.SourceOutput})
    def post(self, request: Request) -> Response:
        source = source_services.source_create(**validated(s.SourceCreateInput, request.data))
        return Response(s.SourceOutput(source).data, status=status.HTTP_201_CREATED)


class SourceUploadView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=s.SourceUploadInput, responses={201: s.SourceOutput})
    def post(self, request: Request) -> Response:
        fields = validated(s.SourceUploadInput, request.data)
        upload = fields.pop("file")
        source_services.upload_size_check(size=upload.size)  # before reading it into memory
        source = source_services.source_create_upload(
            filename=upload.name, data=upload.read(), declared_type=upload.content_type, **fields
        )
        return Response(s.SourceOutput(source).data, status=status.HTTP_201_CREATED)


class SourceDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(responses=s.SourceOutput)
    def get(self, request: Request, source_id: int) -> Response:
        return Response(s.SourceOutput(_source(source_id)).data)

    @extend_schema(request=s.SourceUpdateInput, responses=s.SourceOutput)
    def patch(self, request: Request, source_id: int) -> Response:
        source = source_services.source_update(
            source=_source(source_id), **validated(s.SourceUpdateInput, request.data)
        )
        return Response(s.SourceOutput(source).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, source_id: int) -> Response:
        source_services.source_delete(source=_source(source_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SourceSyncView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(request=None, responses={202: s.SourceOutput})
    def post(self, request: Request, source_id: int) -> Response:
        source = source_sync_request(source=_source(source_id))
        return Response(s.SourceOutput(source).data, status=status.HTTP_202_ACCEPTED)


class DocumentListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.DocumentOutput

    @extend_schema(
        parameters=[OpenApiParameter("status", str, enum=Document.Status.values)],
        responses=s.DocumentOutput(many=True),
    )
    def get(self, request: Request, source_id: int) -> Response:
        documents = document_list(
            source=_source(source_id), status=request.query_params.get("status")
        )
        return paginated(self, documents, s.DocumentOutput)


class FaqEntryListView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]
    serializer_class = s.FaqEntryOutput

    @extend_schema(responses=s.FaqEntryOutput(many=True))
    def get(self, request: Request, source_id: int) -> Response:
        return paginated(self, faq_entry_list(source=_faq_source(source_id)), s.FaqEntryOutput)

    @extend_schema(request=s.FaqEntryInput, responses={201: s.FaqEntryOutput})
    def post(self, request: Request, source_id: int) -> Response:
        entry = source_services.faq_entry_create(
            source=_faq_source(source_id), **validated(s.FaqEntryInput, request.data)
        )
        return Response(s.FaqEntryOutput(entry).data, status=status.HTTP_201_CREATED)


def _faq_source(source_id: int) -> Source:
    source = _source(source_id)
    if source.kind != Source.Kind.FAQ:
        raise NotFound("This source is not an FAQ list.")
    return source


class FaqEntryDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForEditors]

    @extend_schema(request=s.FaqEntryUpdateInput, responses=s.FaqEntryOutput)
    def patch(self, request: Request, entry_id: int) -> Response:
        entry = source_services.faq_entry_update(
            entry=found(faq_entry_get(entry_id=entry_id)),
            **validated(s.FaqEntryUpdateInput, request.data),
        )
        return Response(s.FaqEntryOutput(entry).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, entry_id: int) -> Response:
        source_services.faq_entry_delete(entry=found(faq_entry_get(entry_id=entry_id)))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SearchView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(request=s.SearchInput, responses=s.SearchOutput)
    def post(self, request: Request) -> Response:
        fields = validated(s.SearchInput, request.data)
        result = knowledge_search(
            query=fields["query"],
            k=fields["k"],
            mode=fields["mode"],
            filters=Filters(source_ids=tuple(fields["source_ids"]), kinds=tuple(fields["kinds"])),
        )
        return Response(s.SearchOutput(result).data)


class LimitsView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(responses=s.LimitsOutput)
    def get(self, request: Request) -> Response:
        return Response(
            s.LimitsOutput(
                {
                    "max_upload_bytes": settings.KNOWLEDGE_MAX_UPLOAD_BYTES,
                    "allowed_extensions": list(source_services.UPLOAD_EXTENSIONS),
                }
            ).data
        )


class SettingsView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    def _output(self) -> Response:
        row = knowledge_settings_get()
        return Response(
            s.SettingsOutput(
                {
                    "search_language": row.search_language,
                    "embedding_model": row.embedding_model,
                    "available_languages": search_languages(),
                    "available_models": embeddings.available_models(),
                    "reembedding": reembedding_in_progress(model_name=row.embedding_model),
                }
            ).data
        )

    @extend_schema(responses=s.SettingsOutput)
    def get(self, request: Request) -> Response:
        return self._output()

    @extend_schema(request=s.SettingsUpdateInput, responses=s.SettingsOutput)
    def patch(self, request: Request) -> Response:
        knowledge_settings_update(**validated(s.SettingsUpdateInput, request.data))
        return self._output()
