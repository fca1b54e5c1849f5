"""SSRF guard: which addresses a merchant-supplied URL may make us connect to.

Merchants type URLs; without this check "https://169.254.169.254/latest/meta-data/" or
"http://localhost:6379/" would make a worker read cloud credentials or talk to internal services.

The check resolves the host itself and refuses if ANY address is not public, because the HTTP
client may connect to any of them. It is a check-then-connect: a hostile DNS server can answer
with a public address now and a private one when httpx resolves again a moment later (DNS
rebinding, TTL 0). Production therefore also sends crawler traffic through an egress proxy that
enforces the same rule at connect time (e.g. Smokescreen, or a Squid/Envoy with private ranges
denied) and a network policy that denies the worker pods any other route out; this check then
turns the obvious cases into clear errors instead of proxy failures.
"""

from __future__ import annotations

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_blocked_address(address: IPAddress) -> bool:
    """True for anything that is not an ordinary public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and 2002:7f00:1:: (6to4) carry an IPv4 address a dual-stack host or
        # relay would reach; judge the embedded address too.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None and is_blocked_address(embedded):
            return True
    return (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast  # is_global is True for most multicast ranges
        or address.is_reserved
        or address.is_unspecified
    )


def blocked_address_for(host: str, port: int) -> str | None:
    """The first non-public address `host` resolves to, or None when all are public.

    Raises OSError (socket.gaierror) when the name does not resolve.
    """
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        literal = str(sockaddr[0])
        if is_blocked_address(ipaddress.ip_address(literal)):
            return literal
    return None
