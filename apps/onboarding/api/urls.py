from django.urls import path

from apps.onboarding.api.views import OnboardingView

urlpatterns = [path("", OnboardingView.as_view(), name="api-onboarding")]
