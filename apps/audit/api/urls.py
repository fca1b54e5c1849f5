from django.urls import path

from apps.audit.api.views import AuditEventListView

urlpatterns = [path("audit-events/", AuditEventListView.as_view(), name="api-audit-events")]
