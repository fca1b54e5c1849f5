"""The getting-started checklist on the admin site's home page: each step's state, computed from
the store's own data through the other apps' selectors (this module owns no data)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.catalog.models import Product
from apps.catalog.selectors import ProductListFilters, product_list
from apps.conversations.selectors import (
    assistant_settings_customised,
    shopper_conversation_first_at,
)
from apps.knowledge.models import Source
from apps.knowledge.selectors import source_list
from apps.tenants.models import Tenant
from apps.tenants.selectors import widget_key_active_exists
from apps.widget.selectors import widget_settings_customised, widget_settings_find


class StepKey(models.TextChoices):
    KNOWLEDGE = "knowledge"
    CATALOG = "catalog"
    ASSISTANT = "assistant"
    WIDGET = "widget"
    INSTALL = "install"
    LIVE = "live"


@dataclass(frozen=True)
class OnboardingStep:
    key: StepKey
    done: bool
    detail: str


def _knowledge() -> OnboardingStep:
    ready = source_list(status=Source.Status.READY).count()
    if ready:
        detail = ngettext("%(n)d source ready", "%(n)d sources ready", ready) % {"n": ready}
    elif source_list().exists():
        detail = _("Your sources are still being processed.")
    else:
        detail = _("No knowledge sources yet.")
    return OnboardingStep(key=StepKey.KNOWLEDGE, done=bool(ready), detail=detail)


def _catalog() -> OnboardingStep:
    active = product_list(filters=ProductListFilters(status=Product.Status.ACTIVE)).count()
    detail = (
        ngettext("%(n)d active product", "%(n)d active products", active) % {"n": active}
        if active
        else _("No active products yet.")
    )
    return OnboardingStep(key=StepKey.CATALOG, done=bool(active), detail=detail)


def _changed(key: StepKey, done: bool) -> OnboardingStep:
    detail = _("Customised.") if done else _("Still on the default settings.")
    return OnboardingStep(key=key, done=done, detail=detail)


def _install(*, tenant: Tenant, origins: list[str]) -> OnboardingStep:
    has_key = widget_key_active_exists(tenant=tenant)
    if not origins:
        detail = _("Add your storefront's address to the allowed domains.")
    elif not has_key:
        detail = _("Create a widget key for the snippet.")
    else:
        detail = ngettext(
            "%(n)d allowed domain and an active key.",
            "%(n)d allowed domains and an active key.",
            len(origins),
        ) % {"n": len(origins)}
    return OnboardingStep(key=StepKey.INSTALL, done=bool(origins) and has_key, detail=detail)


def _live() -> OnboardingStep:
    first = shopper_conversation_first_at()
    detail = (
        _("First shopper message on %(date)s.") % {"date": date_format(first, "DATE_FORMAT")}
        if first
        else _("No shopper has written through the widget yet.")
    )
    return OnboardingStep(key=StepKey.LIVE, done=first is not None, detail=detail)


def onboarding_steps(*, tenant: Tenant) -> list[OnboardingStep]:
    """The steps in the order a merchant takes them: add knowledge, import the catalog, shape
    the assistant, customise the widget, install the snippet, go live."""
    widget = widget_settings_find()
    return [
        _knowledge(),
        _catalog(),
        _changed(StepKey.ASSISTANT, assistant_settings_customised()),
        _changed(StepKey.WIDGET, widget_settings_customised(settings=widget)),
        _install(tenant=tenant, origins=widget.allowed_origins if widget else []),
        _live(),
    ]
