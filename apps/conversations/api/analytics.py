"""`GET /api/v1/analytics/?days=7|30|90`: the analytics page's figures (any member)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.conversations.analytics import PERIODS, Report, analytics_report
from apps.core.api.views import validated


class AnalyticsInput(serializers.Serializer[Any]):
    days = serializers.ChoiceField(choices=PERIODS, default=30)


class DayOutput(serializers.Serializer[Any]):
    date = serializers.DateField()
    conversations = serializers.IntegerField()
    messages = serializers.IntegerField()
    questions = serializers.IntegerField()
    feedback_up = serializers.IntegerField()
    feedback_down = serializers.IntegerField()


class QuestionOutput(serializers.Serializer[Any]):
    text = serializers.CharField()
    count = serializers.IntegerField()
    last_asked_at = serializers.DateTimeField()


class GapOutput(QuestionOutput):
    best_similarity = serializers.FloatField(allow_null=True)


class TotalsOutput(serializers.Serializer[Any]):
    conversations = serializers.IntegerField()
    messages = serializers.IntegerField()
    questions = serializers.IntegerField()
    handed_off = serializers.IntegerField()
    answered_without_handoff_share = serializers.FloatField(allow_null=True)
    feedback_up = serializers.IntegerField()
    feedback_down = serializers.IntegerField()
    feedback_positive_share = serializers.FloatField(allow_null=True)


class AnalyticsOutput(serializers.Serializer[Any]):
    days = serializers.ChoiceField(choices=PERIODS)
    since = serializers.DateField()
    until = serializers.DateField()
    totals = TotalsOutput()
    daily = DayOutput(many=True)
    top_questions = QuestionOutput(many=True)
    knowledge_gaps = GapOutput(many=True)


def _data(report: Report) -> dict[str, Any]:
    totals = {
        "conversations": report.conversations,
        "handed_off": report.handed_off,
        "answered_without_handoff_share": report.answered_without_handoff_share,
        "feedback_positive_share": report.feedback_positive_share,
        **{
            name: report.total(name)
            for name in ("messages", "questions", "feedback_up", "feedback_down")
        },
    }
    return {
        "days": report.days,
        "since": report.since,
        "until": report.until,
        "totals": totals,
        "daily": report.daily,
        "top_questions": report.top_questions,
        "knowledge_gaps": report.knowledge_gaps,
    }


class AnalyticsView(GenericAPIView):
    serializer_class = AnalyticsOutput

    @extend_schema(
        parameters=[AnalyticsInput],
        responses=AnalyticsOutput,
    )
    def get(self, request: Request) -> Response:
        days = validated(AnalyticsInput, request.query_params)["days"]
        return Response(AnalyticsOutput(_data(analytics_report(days=days))).data)


urlpatterns = [path("", AnalyticsView.as_view(), name="api-analytics")]
