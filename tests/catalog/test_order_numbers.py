"""The store's order-number format, learnt from its orders and cached per store, and the
shopper lookup that compares numbers by key (any case, with or without "#", spaces, dashes)."""

from __future__ import annotations

from apps.catalog.models import ProductSource
from apps.catalog.selectors import order_get_for_shopper, order_number_format
from apps.catalog.services.orders import orders_upsert
from apps.core.tenancy import tenant_context
from tests.catalog.test_orders import order


def test_the_format_is_learnt_from_the_stores_orders_and_refreshed_when_orders_come(
    source,
) -> None:
    # Given a store with no orders, then orders numbered "#W" + 7 digits
    assert order_number_format() is None
    orders_upsert(source=source, records=[order("#W1812830"), order("#W3197825")])
    # Then the format is learnt (the cached "no format" was forgotten)
    learnt = order_number_format()
    assert learnt is not None and learnt.digits == {"W": (7, 7)}
    # When orders in a second format arrive, the format is learnt again
    orders_upsert(source=source, records=[order("NV-20451")])
    assert order_number_format().digits == {"W": (7, 7), "NV": (5, 5)}


def test_the_format_is_served_from_the_cache(source, django_assert_num_queries) -> None:
    orders_upsert(source=source, records=[order("#1001")])
    order_number_format()
    with django_assert_num_queries(0):
        assert order_number_format().digits == {"": (4, 4)}


def test_lookups_match_the_number_by_key(source) -> None:
    # Given orders numbered "#W1812830" and "NV-20451"
    orders_upsert(
        source=source,
        records=[order("#W1812830"), order("NV-20451"), order("#1001", email="bea@example.com")],
    )
    # Then any case, with or without "#", spaces or dashes, finds them with the right email
    for typed in ("#W1812830", "w1812830", "#w 181 2830", "W-1812830"):
        found = order_get_for_shopper(number=typed, email="ADA@example.com")
        assert found is not None and found.number == "#W1812830"
    for typed in ("nv20451", "NV 20451", "#NV-20451"):
        found = order_get_for_shopper(number=typed, email="ada@example.com")
        assert found is not None and found.number == "NV-20451"
    # And a wrong email, a wrong number, or a number that is only part of one find nothing
    assert order_get_for_shopper(number="W1812830", email="bea@example.com") is None
    assert order_get_for_shopper(number="W1812831", email="ada@example.com") is None
    assert order_get_for_shopper(number="1812830", email="ada@example.com") is None
    assert order_get_for_shopper(number="#", email="ada@example.com") is None


def test_two_numbers_with_one_key_name_no_order(source) -> None:
    # Given two orders whose numbers differ only by punctuation
    orders_upsert(source=source, records=[order("A-100"), order("A100")])
    # Then neither is given out for the shared key
    assert order_get_for_shopper(number="a100", email="ada@example.com") is None


def test_another_stores_orders_and_format_stay_invisible(tenant_a, tenant_b) -> None:
    # Given store B numbers its orders "NV-" + 5 digits, and store A "#W" + 7 digits
    with tenant_context(tenant_b):
        shop_b = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="B")
        orders_upsert(source=shop_b, records=[order("NV-20451")])
        assert order_number_format().digits == {"NV": (5, 5)}
    with tenant_context(tenant_a):
        # Then store A has no format of its own yet, and never finds B's order
        assert order_number_format() is None
        assert order_get_for_shopper(number="nv20451", email="ada@example.com") is None
        shop_a = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="A")
        orders_upsert(source=shop_a, records=[order("#W1812830")])
        assert order_number_format().digits == {"W": (7, 7)}
