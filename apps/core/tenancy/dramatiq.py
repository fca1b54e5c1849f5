"""Dramatiq middleware carrying the tenant from the enqueuing code to the worker.

On enqueue the current schema is stored in the message options; in the worker the schema is
activated before the actor runs and reset afterwards. Worker threads each have their own
database connection, and the reset means a thread never starts a message in the previous
message's schema. Code on the root domain (webhook endpoints) that must start work in a store
names the store with `actor_send_to_store` instead of switching schema itself.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import dramatiq
from django.db import transaction
from django_tenants.utils import get_public_schema_name, get_tenant_model
from dramatiq.broker import MessageProxy
from dramatiq.middleware import SkipMessage

from apps.core import tenancy

if TYPE_CHECKING:
    from apps.tenants.models import Tenant

logger = logging.getLogger(__name__)

SCHEMA_OPTION = "tenant_schema"


def actor_send_to_store(
    actor: dramatiq.Actor[..., Any],
    *,
    tenant: Tenant,
    args: tuple[Any, ...] = (),
    kwargs: dict[str, Any] | None = None,
    on_commit: bool = False,
) -> dramatiq.Message[Any]:
    """Enqueue `actor` to run in `tenant`'s schema, whatever schema the caller is on; the
    caller's connection is never switched. With `on_commit`, the message is enqueued only once
    the current transaction commits (and never if it rolls back), so the worker finds the rows
    the caller wrote; the message is returned at once either way, its id already set."""
    if tenant.schema_name == get_public_schema_name():
        raise ValueError("actor_send_to_store needs a store, not the public tenant")
    message = actor.message_with_options(
        args=args, kwargs=kwargs or {}, **{SCHEMA_OPTION: tenant.schema_name}
    )
    if on_commit:
        transaction.on_commit(lambda: actor.broker.enqueue(message))
    else:
        actor.broker.enqueue(message)
    return message


class TenantMiddleware(dramatiq.Middleware):
    def before_enqueue(
        self, broker: dramatiq.Broker, message: dramatiq.Message, delay: int
    ) -> None:
        if SCHEMA_OPTION not in message.options and not tenancy.is_public():
            message.options[SCHEMA_OPTION] = tenancy.current_schema()

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        tenancy.activate_public()
        schema = message.options.get(SCHEMA_OPTION)
        if not schema:
            return
        # The tenant model through django-tenants: core sits below the tenants app.
        tenant = get_tenant_model().objects.filter(schema_name=schema).first()
        if tenant is None or not tenant.is_active:
            logger.warning(
                "skipping message for unavailable tenant",
                extra={
                    "schema": schema,
                    "actor": message.actor_name,
                    "message_id": message.message_id,
                },
            )
            raise SkipMessage()
        tenancy.activate(tenant)

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        tenancy.activate_public()

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        tenancy.activate_public()
