"""The ASGI app answering with the scripted fake pipeline (tests.conversations.fakes), for a
daphne process of its own: `manage.py bench chat` serves it to measure the transport alone
(`BENCH_CHAT_APPLICATION=tests.conversations.fake_asgi:application`)."""

from __future__ import annotations

from config.asgi import application  # sets Django up: import it first

# isort: split
from apps.conversations.transport import turns
from tests.conversations.fakes import scripted_reply_stream

turns.PIPELINE = scripted_reply_stream

__all__ = ["application"]
