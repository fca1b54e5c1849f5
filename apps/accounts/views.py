"""Root-domain pages: the store picker, self-service store creation and invitation acceptance.
Login, signup, password reset and MFA are allauth's (under /accounts/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.forms import StoreCreateForm
from apps.accounts.handoff import handoff_token_issue, handoff_token_redeem
from apps.accounts.requests import AuthenticatedHttpRequest
from apps.accounts.selectors import (
    invitation_list_pending_for_user,
    membership_get,
    membership_list_for_user,
)
from apps.accounts.services.invitations import (
    InvitationUnusable,
    invitation_accept,
    invitation_accept_pending,
    invitation_get_usable,
)
from apps.accounts.services.memberships import store_create
from apps.tenants.requests import StoreHttpRequest
from apps.tenants.selectors import store_open_url, tenant_get_by_slug, tenant_url
from apps.tenants.services import ProvisioningFailed


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("store-picker")
    return render(request, "public/home.html")


@login_required
def store_picker(request: AuthenticatedHttpRequest) -> HttpResponse:
    stores = [
        {
            "name": m.tenant.name,
            "slug": m.tenant.slug,
            "role": m.get_role_display(),
            "status": m.tenant.status,
            "url": store_open_url(tenant=m.tenant),
        }
        for m in membership_list_for_user(user=request.user)
    ]
    invitations = invitation_list_pending_for_user(user=request.user)
    return render(
        request, "accounts/store_picker.html", {"stores": stores, "invitations": invitations}
    )


@login_required
@require_POST
def invitation_accept_from_picker(
    request: AuthenticatedHttpRequest, invitation_id: int
) -> HttpResponse:
    try:
        membership = invitation_accept_pending(invitation_id=invitation_id, user=request.user)
    except InvitationUnusable as error:
        return render(
            request,
            "accounts/invitation_error.html",
            {"message": error.message},
            status=404 if error.code == "not_found" else 410,
        )
    return HttpResponseRedirect(store_open_url(tenant=membership.tenant))


@login_required
@require_http_methods(["GET", "POST"])
def store_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StoreCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tenant = store_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("slug" if error.code == "slug_taken" else None, error)
        except ProvisioningFailed:
            form.add_error(
                None,
                _(
                    "We could not create your store just now, and nothing was "
                    "saved. Please try again in a minute."
                ),
            )
        else:
            return HttpResponseRedirect(store_open_url(tenant=tenant))
    status = 400 if form.errors else 200
    return render(request, "accounts/store_new.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_get_usable(token=token)
    except InvitationUnusable as error:
        status = 404 if error.code == "invalid_token" else 410
        return render(
            request, "accounts/invitation_error.html", {"message": error.message}, status=status
        )
    context: dict[str, Any] = {"invitation": invitation, "error": None}
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        try:
            membership = invitation_accept(token=token, user=request.user)  # type: ignore[arg-type]
        except InvitationUnusable as error:
            return render(
                request, "accounts/invitation_error.html", {"message": error.message}, status=410
            )
        except PermissionDenied as error:
            context["error"] = str(error)
            return render(request, "accounts/invitation.html", context, status=403)
        return HttpResponseRedirect(store_open_url(tenant=membership.tenant))
    return render(request, "accounts/invitation.html", context)


def _safe_app_path(raw: str | None) -> str:
    return raw if raw and raw.startswith("/") and not raw.startswith("//") else "/app/"


@login_required
def store_open(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Root domain: hand the signed-in member over to the store's host (see handoff.py)."""
    tenant = tenant_get_by_slug(slug=slug)
    if tenant is None or membership_get(user=request.user, tenant=tenant) is None:
        return render(
            request,
            "errors/tenant_error.html",
            {
                "status": 404,
                "code": "unknown_store",
                "detail": _("You are not a member of a store at this address."),
            },
            status=404,
        )
    token = handoff_token_issue(user=request.user, tenant=tenant)
    next_path = _safe_app_path(request.GET.get("next"))
    target = tenant_url(tenant=tenant, path="/accounts/handoff/")
    return HttpResponseRedirect(f"{target}?{urlencode({'token': token, 'next': next_path})}")


def store_handoff(request: StoreHttpRequest) -> HttpResponse:
    """Store host: redeem a hand-off token and sign the user in on this host."""
    user = handoff_token_redeem(token=request.GET.get("token", ""), tenant=request.tenant)
    if user is None:
        return render(
            request,
            "errors/tenant_error.html",
            {
                "status": 403,
                "code": "handoff_invalid",
                "detail": _("This sign-in link has expired or was already used."),
            },
            status=403,
        )
    if request.user != user:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(_safe_app_path(request.GET.get("next")))
