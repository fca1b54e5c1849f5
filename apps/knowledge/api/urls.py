from django.urls import path

from apps.knowledge.api import views

urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="knowledge-sources"),
    path("sources/upload/", views.SourceUploadView.as_view(), name="knowledge-upload"),
    path("sources/<int:source_id>/", views.SourceDetailView.as_view(), name="knowledge-source"),
    path("sources/<int:source_id>/sync/", views.SourceSyncView.as_view(), name="knowledge-sync"),
    path(
        "sources/<int:source_id>/documents/",
        views.DocumentListView.as_view(),
        name="knowledge-documents",
    ),
    path("sources/<int:source_id>/faqs/", views.FaqEntryListView.as_view(), name="knowledge-faqs"),
    path("faqs/<int:entry_id>/", views.FaqEntryDetailView.as_view(), name="knowledge-faq"),
    path("search/", views.SearchView.as_view(), name="knowledge-search"),
    path("limits/", views.LimitsView.as_view(), name="knowledge-limits"),
    path("settings/", views.SettingsView.as_view(), name="knowledge-settings"),
]
