import ipaddress

import pytest

from apps.core.addresses import blocked_address_for, is_blocked_address


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata (link-local)
        "100.64.0.1",  # carrier-grade NAT: not private, not global either
        "0.0.0.0",  # noqa: S104 - an address under test, not a bind
        "224.0.0.1",  # multicast, which ipaddress calls global
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",  # reserved
        "::1",
        "::",
        "fe80::1",
        "fc00::1",  # unique local
        "ff02::1",  # multicast
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:169.254.169.254",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    ],
)
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert is_blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert not is_blocked_address(ipaddress.ip_address(address))


def test_names_are_judged_by_what_they_resolve_to() -> None:
    assert blocked_address_for("localhost", 80) == "127.0.0.1"
    assert blocked_address_for("127.0.0.1", 443) == "127.0.0.1"


def test_unresolvable_names_raise() -> None:
    with pytest.raises(OSError):
        blocked_address_for("no-such-host.invalid", 80)
