from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from apps.onboarding.selectors import StepKey, onboarding_steps
from apps.tenants.requests import StoreRequest


class OnboardingStepOutput(serializers.Serializer[object]):
    key = serializers.ChoiceField(choices=StepKey.choices)
    done = serializers.BooleanField()
    detail = serializers.CharField()


class OnboardingOutput(serializers.Serializer[object]):
    steps = OnboardingStepOutput(many=True)


class OnboardingView(GenericAPIView):
    """The getting-started checklist's steps with their state (any member)."""

    serializer_class = OnboardingOutput

    @extend_schema(responses=OnboardingOutput)
    def get(self, request: StoreRequest) -> Response:
        steps = onboarding_steps(tenant=request.tenant)
        return Response(OnboardingOutput({"steps": steps}).data)
