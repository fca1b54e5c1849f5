"""Root-domain pages: the store picker, self-service store creation and invitation acceptance.
Login, signup, password reset and MFA are allauth's (under /accounts/)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.accounts.forms import StoreCreateForm
from apps.accounts.selectors import membership_list_for_user
from apps.accounts.services.invitations import InvitationUnusable, invitation_accept, invitation_get_usable
from apps.accounts.services.memberships import store_create
from apps.tenants.selectors import tenant_url
from apps.tenants.services import ProvisioningFailed


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("store-picker")
    return render(request, "public/home.html")


@login_required
def store_picker(request: HttpRequest) -> HttpResponse:
    stores = [
        {"name": m.tenant.name, "slug": m.tenant.slug, "role": m.get_role_display(),
         "status": m.tenant.status, "url": tenant_url(tenant=m.tenant)}
        for m in membership_list_for_user(user=request.user)  # type: ignore[arg-type]
    ]
    return render(request, "accounts/store_picker.html", {"stores": stores})


@login_required
@require_http_methods(["GET", "POST"])
def store_new(request: HttpRequest) -> HttpResponse:
    form = StoreCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tenant = store_create(user=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error("slug" if error.code == "slug_taken" else None, error)
        except ProvisioningFailed:
            form.add_error(None, _("We could not create your store just now, and nothing was "
                                   "saved. Please try again in a minute."))
        else:
            return HttpResponseRedirect(tenant_url(tenant=tenant))
    status = 400 if form.errors else 200
    return render(request, "accounts/store_new.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_get_usable(token=token)
    except InvitationUnusable as error:
        status = 404 if error.code == "invalid_token" else 410
        return render(request, "accounts/invitation_error.html", {"message": error.message},
                      status=status)
    context = {"invitation": invitation, "error": None}
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        try:
            membership = invitation_accept(token=token, user=request.user)  # type: ignore[arg-type]
        except InvitationUnusable as error:
            return render(request, "accounts/invitation_error.html", {"message": error.message},
                          status=410)
        except PermissionDenied as error:
            context["error"] = str(error)
            return render(request, "accounts/invitation.html", context, status=403)
        return HttpResponseRedirect(tenant_url(tenant=membership.tenant))
    return render(request, "accounts/invitation.html", context)
