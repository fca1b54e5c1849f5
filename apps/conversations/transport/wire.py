"""JSON shapes the chat transports send besides the pipeline's events (see README, "Chat
protocol"): stored messages (replay, inbox, HTTP) and the frames around a conversation."""

from __future__ import annotations

from typing import Any

from apps.conversations.models import Conversation, Message


def message_record(message: Message) -> dict[str, Any]:
    """A stored message as clients see it. Tool call arguments and turn logs stay server-side."""
    return {
        "message_id": str(message.public_id),
        "seq": message.seq,
        "role": message.role,
        "status": message.status,
        "content": message.content,
        "citations": message.citations,
        "products": message.products,
        "feedback": message.feedback or None,
        "created_at": message.created_at.isoformat(),
        "author": message.author_name or None,  # the team member, on role "agent"
    }


def ready_frame(conversation: Conversation) -> dict[str, Any]:
    return {
        "type": "ready",
        "conversation_id": str(conversation.public_id),
        "last_seq": conversation.message_count,
    }


def message_frame(message: Message) -> dict[str, Any]:
    return {"type": "message", **message_record(message)}


def conversation_frame(conversation: Conversation) -> dict[str, Any]:
    return {
        "type": "conversation",
        "conversation_id": str(conversation.public_id),
        "status": conversation.status,
    }
