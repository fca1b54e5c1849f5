"""Dramatiq middleware carrying the tenant from the enqueuing code to the worker.

On enqueue the current schema is stored in the message options; in the worker the schema is
activated before the actor runs and reset afterwards. Worker threads each have their own
database connection, and the reset means a thread never starts a message in the previous
message's schema.
"""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from django_tenants.utils import get_tenant_model
from dramatiq.broker import MessageProxy
from dramatiq.middleware import SkipMessage

from apps.core import tenancy

logger = logging.getLogger(__name__)

SCHEMA_OPTION = "tenant_schema"


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
