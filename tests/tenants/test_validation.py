import pytest
from django.core.exceptions import ValidationError

from apps.tenants.validation import name_validate, schema_name_for, slug_validate


@pytest.mark.parametrize(
    "raw, expected", [("acme", "acme"), ("  Acme-Shop2 ", "acme-shop2"), ("a1b", "a1b")]
)
def test_slug_accepts_and_normalises(raw: str, expected: str) -> None:
    assert slug_validate(raw) == expected


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "required"),
        ("ab", "slug_length"),
        ("a" * 41, "slug_length"),
        ("1shop", "slug_charset"),
        ("shop-", "slug_charset"),
        ("sh--op", "slug_charset"),
        ("shop_1", "slug_charset"),
        ("shöp", "slug_charset"),
        ("shop.com", "slug_charset"),
        ("www", "slug_reserved"),
        ("admin", "slug_reserved"),
        ("api", "slug_reserved"),
        ("xn--shop", "slug_charset"),
    ],
)
def test_slug_rejects_with_a_stable_code(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        slug_validate(raw)
    assert error.value.code == code
    assert error.value.messages[0]  # a human message comes with the code


def test_name_keeps_unicode_and_trims() -> None:
    assert name_validate("  Café Ünïcode 🛍️ ") == "Café Ünïcode 🛍️"


@pytest.mark.parametrize(
    "raw, code",
    [
        ("   ", "required"),
        ("x" * 101, "name_length"),
        ("Bad\x00name", "name_charset"),
        ("rtl\u202eoverride", "name_charset"),
    ],
)
def test_name_rejects(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        name_validate(raw)
    assert error.value.code == code


def test_schema_names_cannot_collide_between_slugs() -> None:
    assert schema_name_for("a-b") == "t_a_b"
    with pytest.raises(ValidationError):
        slug_validate("a_b")  # the only slug that could map to the same schema is invalid
