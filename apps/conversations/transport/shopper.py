"""What a shopper's client may tell the assistant besides the message text: the shopper's
email (the storefront knows it when they are signed in) and an order to look up. Both are used
for order lookups only: never stored on the conversation, in a message or in logs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from apps.conversations.limits import Refused, text_is_clean
from apps.conversations.pipeline.turn import OrderQuery

ORDER_NUMBER_MAX_CHARS = 64


def shopper_email_check(value: Any) -> str | None:
    """The email, or None when absent; Refused(invalid) when it is not an email address."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 254:
        raise Refused("invalid", _("Enter a valid email address."))
    try:
        validate_email(value.strip())
    except ValidationError as error:
        raise Refused("invalid", _("Enter a valid email address.")) from error
    return value.strip()


def order_query_check(value: Any) -> OrderQuery | None:
    """`{"number", "email"?}`, or None when absent; Refused(invalid) otherwise."""
    if value is None:
        return None
    number = value.get("number") if isinstance(value, dict) else None
    if (
        not isinstance(number, str)
        or not number.strip()
        or len(number) > ORDER_NUMBER_MAX_CHARS
        or not text_is_clean(number)
    ):
        raise Refused("invalid", _("order.number must be the order number, as text."))
    return OrderQuery(number=number.strip(), email=shopper_email_check(value.get("email")))
