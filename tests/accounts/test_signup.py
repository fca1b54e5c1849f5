"""Self-service signup: account, email verification, store creation, login limits."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_exists

from apps.accounts.models import Membership, User
from apps.tenants.models import Tenant
from tests.accounts.factories import TEST_PASSWORD, UserFactory


def _root() -> Client:
    return Client(HTTP_HOST="localhost")


def test_signup_verify_and_create_a_store(db: None) -> None:
    client = _root()
    # sign up: no access until the email is verified
    response = client.post(
        "/accounts/signup/",
        {
            "email": "Maker@Example.com",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    assert client.get("/stores/").status_code == 302
    # verify through the emailed link
    link = re.search(
        r"http://localhost(/accounts/confirm-email/[^\s]+)", mail.outbox[-1].body
    ).group(1)
    client.post(link)
    assert client.get("/stores/").status_code == 200
    # create the store
    response = client.post("/stores/new/", {"name": "Maker Supplies", "slug": "maker-supplies"})
    assert response.status_code == 302
    assert response["Location"] == "http://localhost/stores/maker-supplies/open/"
    tenant = Tenant.objects.get(slug="maker-supplies")
    assert Membership.objects.get(tenant=tenant, user__email="maker@example.com").role == "owner"
    assert schema_exists(tenant.schema_name)
    assert b"Maker Supplies" in client.get("/stores/").content


@pytest.mark.parametrize(
    "form, message",
    [
        ({"name": "Shop", "slug": "admin"}, "is reserved"),
        ({"name": "Shop", "slug": "Bad_Slug!"}, "Use lowercase letters"),
        ({"name": "x" * 101, "slug": "long-name"}, "at most 100 characters"),
        ({"name": "", "slug": "no-name"}, "This field is required"),
    ],
)
def test_store_form_explains_bad_input_and_writes_nothing(db: None, form, message) -> None:
    client = _root()
    client.force_login(UserFactory())
    before = Tenant.objects.count()
    response = client.post("/stores/new/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Tenant.objects.count() == before


def test_taken_slug_is_explained(tenant_a: Tenant) -> None:
    client = _root()
    client.force_login(UserFactory())
    response = client.post("/stores/new/", {"name": "Copy", "slug": tenant_a.slug})
    assert (
        response.status_code == 400 and "That store address is taken." in response.content.decode()
    )


def test_store_picker_lists_only_my_stores(tenant_a: Tenant, owner_a, owner_b) -> None:
    client = _root()
    client.force_login(owner_a.user)
    page = client.get("/stores/").content.decode()
    assert "Store A" in page and "Store B" not in page
    assert "http://localhost/stores/store-a/open/" in page


def test_failed_logins_are_rate_limited(db: None) -> None:
    user = UserFactory()
    client = _root()
    for _ in range(5):
        page = client.post("/accounts/login/", {"login": user.email, "password": "wrong"})
        assert b"are not correct" in page.content
    # the right password is refused too while the limit holds
    blocked = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert blocked.status_code == 200 and b"Too many failed login attempts" in blocked.content
    assert "_auth_user_id" not in client.session


def test_login_works_and_lands_on_the_store_picker(db: None) -> None:
    user = UserFactory()
    response = _root().post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/stores/"


def test_login_may_return_to_a_store_subdomain(db: None) -> None:
    user = UserFactory()
    response = _root().post(
        "/accounts/login/?next=http://store-a.localhost/app/",
        {"login": user.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == "http://store-a.localhost/app/"


def test_login_refuses_to_redirect_off_site(db: None) -> None:
    user = UserFactory()
    response = _root().post(
        "/accounts/login/?next=https://evil.example.com/",
        {"login": user.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == "/stores/"


def test_session_cookie_is_shared_with_store_subdomains_on_a_real_domain(
    db: None, settings
) -> None:
    settings.SESSION_COOKIE_DOMAIN = ".aisle.example"
    settings.ALLOWED_HOSTS = ["aisle.example", ".aisle.example"]
    settings.BASE_DOMAIN = "aisle.example"
    user = UserFactory()
    response = Client(HTTP_HOST="aisle.example").post(
        "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.cookies["aisle_session"]["domain"] == ".aisle.example"


def totp_code(secret_b32: str, at: float) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written independently of allauth."""
    key = base64.b32decode(secret_b32, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_totp_helper_matches_the_rfc_6238_vector() -> None:
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, 59) == "287082"  # RFC 6238 appendix B, last 6 digits of 94287082


def test_totp_mfa_is_set_up_and_then_required_at_login(db: None) -> None:
    from allauth.mfa.models import Authenticator

    user = UserFactory()
    credentials = {"login": user.email, "password": TEST_PASSWORD}
    client = _root()
    client.post("/accounts/login/", credentials)
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200 and b"data:image/svg+xml" in page.content  # the QR code
    secret = client.session["mfa.totp.secret"]
    activated = client.post(
        "/accounts/2fa/totp/activate/", {"code": totp_code(secret, time.time())}
    )
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    # a new sign-in now stops at the code prompt
    fresh = _root()
    step = fresh.post("/accounts/login/", credentials)
    assert step["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in fresh.session
    wrong = fresh.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in fresh.session
    done = fresh.post("/accounts/2fa/authenticate/", {"code": totp_code(secret, time.time())})
    assert done.status_code == 302 and fresh.session["_auth_user_id"] == str(user.pk)


def test_unverified_user_cannot_log_in(db: None) -> None:
    user = UserFactory(verified=False)
    response = _root().post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert "confirm-email" in response["Location"]
    assert User.objects.get(pk=user.pk).last_login is None


def test_password_reset_by_email(db: None) -> None:
    user = UserFactory()
    client = _root()
    client.post("/accounts/password/reset/", {"email": user.email})
    link = re.search(r"http://localhost(/accounts/password/reset/key/[^\s]+)", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    form_page = client.get(link.group(1), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": "brand-new-passphrase-7", "password2": "brand-new-passphrase-7"},
    )
    assert response.status_code == 302
    assert (
        _root()
        .post("/accounts/login/", {"login": user.email, "password": "brand-new-passphrase-7"})
        .status_code
        == 302
    )
