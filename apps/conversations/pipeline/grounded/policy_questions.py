"""Questions about the store's rules (returns, exchanges, refunds, warranty, cancelling) that
mention a product or its details ("can I exchange my shoes for another size?"): the store's
policy answers them, not the product's size list or a product search."""

from __future__ import annotations

import re

_POLICY = re.compile(
    r"\b(exchang\w*|return(s|ed|ing)?|refund\w*|swap\w*|money back|warrant(y|ies)|guarantee\w*"
    r"|cancel\w*|send (it|them|this|these) back|polic(y|ies)|restocking|store credit)\b",
    re.I,
)


def asks_about_policy(question: str) -> bool:
    return _POLICY.search(question) is not None
