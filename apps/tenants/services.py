from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.tenants import provisioning
from apps.tenants.models import Domain, Plan, Tenant
from apps.tenants.validation import name_validate, schema_name_for, slug_validate

logger = logging.getLogger(__name__)


class ProvisioningFailed(Exception):
    """Provisioning failed for a reason other than the input; nothing was kept."""


def tenant_provision(*, name: str, slug: str) -> Tenant:
    """Create a store: tenant row, primary domain and a schema cloned from the template.

    Runs in one transaction (PostgreSQL DDL is transactional): when any step fails, no row and
    no schema remain. Raises ValidationError for bad or taken names, ProvisioningFailed
    otherwise. Callers that add more rows (the owner's membership) wrap this in their own
    atomic block so those roll back too.
    """
    name = name_validate(name)
    slug = slug_validate(slug)
    schema_name = schema_name_for(slug)
    if Tenant.objects.filter(slug=slug).exists():
        raise ValidationError(_("That store address is taken."), code="slug_taken")
    try:
        with transaction.atomic():
            tenant = Tenant.objects.create(
                name=name,
                slug=slug,
                schema_name=schema_name,
                plan=Plan.objects.filter(is_default=True).first(),
            )
            Domain.objects.create(
                tenant=tenant, domain=f"{slug}.{settings.BASE_DOMAIN}", is_primary=True
            )
            provisioning.schema_clone_from_template(schema_name=schema_name)
    except IntegrityError as error:
        # Lost a race for the same slug: the unique constraints caught it.
        raise ValidationError(_("That store address is taken."), code="slug_taken") from error
    except Exception as error:
        logger.exception("tenant provisioning failed", extra={"slug": slug})
        raise ProvisioningFailed(str(error)) from error
    logger.info("tenant provisioned", extra={"slug": slug})
    return tenant


def tenant_suspend(*, tenant: Tenant, reason: str = "") -> Tenant:
    tenant.status = Tenant.Status.SUSPENDED
    tenant.suspended_reason = reason[:500]
    tenant.save(update_fields=["status", "suspended_reason", "updated_at"])
    return tenant


def tenant_activate(*, tenant: Tenant) -> Tenant:
    tenant.status = Tenant.Status.ACTIVE
    tenant.suspended_reason = ""
    tenant.save(update_fields=["status", "suspended_reason", "updated_at"])
    return tenant
