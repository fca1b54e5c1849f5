"""Shopper-side writes of the chat transports: open (start or resume) a conversation, leave
feedback on an answer. Errors are `Refused`, which every transport turns into its error."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from apps.conversations.limits import Refused, text_is_clean
from apps.conversations.models import Conversation, Message
from apps.conversations.selectors import public_id_parse
from apps.conversations.services.conversations import conversation_get, conversation_start

_LOCALE = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")


def conversation_open(
    *, channel: str, session_id: str, conversation_id: Any = None, locale: Any = None
) -> Conversation:
    """Resume the session's conversation `conversation_id`, or start one when it is None.
    A conversation of another session or store is "not found", like one that never existed."""
    if locale is not None and (not isinstance(locale, str) or not _LOCALE.match(locale)):
        raise Refused("invalid", _("locale must be a language tag such as en or de-CH."))
    if conversation_id is None:
        return conversation_start(channel=channel, session_id=session_id, locale=locale or "")
    public_id = public_id_parse(conversation_id)
    found = conversation_get(public_id=str(public_id), session_id=session_id) if public_id else None
    if found is None or found.channel != channel:
        raise Refused("invalid", _("Conversation not found."))
    return found


def message_feedback_set(
    *, conversation: Conversation, message_id: object, value: object, comment: object = ""
) -> Message:
    """A shopper's thumbs up/down (and optional comment) on an answer in their conversation.
    Raises Refused(invalid) for anything else."""
    if value not in Message.Feedback.values:
        raise Refused("invalid", _("Feedback is 'up' or 'down'."))
    if not isinstance(comment, str) or len(comment) > 1000 or not text_is_clean(comment):
        raise Refused("invalid", _("The comment must be text of at most 1000 characters."))
    public_id = public_id_parse(message_id)
    message = (
        conversation.messages.filter(public_id=public_id, role=Message.Role.ASSISTANT).first()
        if public_id
        else None
    )
    if message is None:
        raise Refused("invalid", _("There is no such answer in this conversation."))
    message.feedback = str(value)
    message.feedback_comment = comment.strip()
    message.save(update_fields=["feedback", "feedback_comment"])
    return message
