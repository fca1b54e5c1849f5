"""Operator view of stores in the Django admin (root domain, staff only). Stores are created
through signup (provisioning), so adding one here is disabled."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.tenants.models import Domain, Plan, Tenant
from apps.tenants.selectors import tenant_list_with_member_counts
from apps.tenants.services import tenant_activate, tenant_suspend


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    fields = ["domain", "is_primary"]


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "status", "plan", "created_at", "member_count"]
    list_filter = ["status", "plan"]
    search_fields = ["name", "slug"]
    readonly_fields = ["schema_name", "slug", "created_at", "updated_at"]
    fields = [
        "name",
        "slug",
        "schema_name",
        "status",
        "suspended_reason",
        "plan",
        "created_at",
        "updated_at",
    ]
    inlines = [DomainInline]
    actions = ["suspend", "activate"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tenant]:
        return tenant_list_with_member_counts()

    @admin.display(description="Members", ordering="member_count")
    def member_count(self, tenant: Tenant) -> int:
        return tenant.member_count  # type: ignore[attr-defined]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Tenant | None = None) -> bool:
        return False  # deleting a store drops its data: not a one-click action

    @admin.action(description="Suspend selected stores (data is kept)")
    def suspend(self, request: HttpRequest, queryset: QuerySet[Tenant]) -> None:
        for tenant in queryset:
            tenant_suspend(tenant=tenant, reason=f"suspended by {request.user}")
        messages.success(request, f"Suspended {queryset.count()} store(s).")

    @admin.action(description="Reactivate selected stores")
    def activate(self, request: HttpRequest, queryset: QuerySet[Tenant]) -> None:
        for tenant in queryset:
            tenant_activate(tenant=tenant)
        messages.success(request, f"Reactivated {queryset.count()} store(s).")


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_default"]
