from django.urls import path

from apps.catalog.api import views

urlpatterns = [
    path("products/", views.ProductListView.as_view(), name="catalog-products"),
    path("products/<int:product_id>/", views.ProductDetailView.as_view(), name="catalog-product"),
    path("search/", views.ProductSearchView.as_view(), name="catalog-search"),
    path("collections/", views.CollectionListView.as_view(), name="catalog-collections"),
    path("orders/", views.OrderListView.as_view(), name="catalog-orders"),
    path("orders/<int:order_id>/", views.OrderDetailView.as_view(), name="catalog-order"),
    path("imports/", views.ImportListView.as_view(), name="catalog-imports"),
    path("imports/<int:job_id>/", views.ImportDetailView.as_view(), name="catalog-import"),
    path(
        "imports/<int:job_id>/validate/",
        views.ImportValidateView.as_view(),
        name="catalog-import-validate",
    ),
    path(
        "imports/<int:job_id>/status-words/",
        views.ImportStatusWordsView.as_view(),
        name="catalog-import-status-words",
    ),
    path("imports/<int:job_id>/run/", views.ImportRunView.as_view(), name="catalog-import-run"),
    path(
        "imports/<int:job_id>/errors/",
        views.ImportErrorListView.as_view(),
        name="catalog-import-errors",
    ),
]
