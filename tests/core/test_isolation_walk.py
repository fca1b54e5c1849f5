"""Every operation of the store API, walked by everyone who must not get through.

The operations come from the OpenAPI schema (the same generator as `make openapi`), so a new
endpoint is walked the day it appears:
  * another store's member (on that store's host) and another store's API key (on the root
    domain, where the key names the store) ask for store A's objects by id: 404 or 403, and
    nothing they can read shows store A's data;
  * store A's viewer (signed in, or with a viewer API key) tries every write: 403;
  * nobody (no credentials, another store's member, another store's API key) gets a 2xx on
    store A's host, except the public endpoints listed below.

Store A's data carries MARKER in its texts; a response that contains it leaked. Path parameters
are filled from IDS, keyed by the path up to the parameter: a new resource needs an entry there.
The data is built once for the module, inside one transaction that is rolled back at the end.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator

from apps.accounts.models import ApiKey, Invitation, Membership
from apps.accounts.roles import Role
from apps.accounts.services.api_keys import api_key_create
from apps.accounts.services.invitations import invitation_create
from apps.catalog.models import ImportJob, Order, Product, ProductSource
from apps.catalog.services.imports import import_create
from apps.catalog.services.orders import orders_upsert
from apps.conversations.models import Conversation
from apps.conversations.services.conversations import conversation_start, messages_append
from apps.core import tenancy
from apps.core.tenancy import tenant_context
from apps.knowledge.models import FaqEntry, Source
from apps.knowledge.services.sources import faq_entry_create, source_create
from apps.tenants.models import Tenant, WidgetKey
from apps.tenants.services import widget_key_create
from tests.accounts.factories import MembershipFactory
from tests.catalog.test_imports import SHOPIFY_CSV
from tests.catalog.test_orders import order
from tests.conftest import _store, host_of

MARKER = "Quokka7731"
THIS_FILE = "tests/core/test_isolation_walk.py"
WRITES = ("POST", "PUT", "PATCH", "DELETE")

# Valid input (a write's body, a read's query) for the operations that check it before they look
# the object up: with none they would answer 400 and never show whether another store's id is
# found.
SHOPPER_SESSION = "walk-shopper"
INPUTS: dict[tuple[str, str], dict[str, Any]] = {
    ("GET", "/api/v1/chat/conversations/{conversation_id}/messages/"): {
        "session_id": SHOPPER_SESSION
    },
    ("PATCH", "/api/v1/members/{member_id}/"): {"role": "viewer"},
    ("PATCH", "/api/v1/catalog/imports/{job_id}/"): {"mapping": {}},
    ("PUT", "/api/v1/catalog/imports/{job_id}/status-words/"): {
        "status_words": {"processed": {"fulfilment_status": "fulfilled"}}
    },
    ("POST", "/api/v1/conversations/{conversation_id}/replies/"): {"text": "Hello"},
}

# Writes a viewer may make, each with its reason.
VIEWER_MAY = {
    ("POST", "/api/v1/catalog/search/"): "a product search; the query travels in the body",
    ("POST", "/api/v1/knowledge/search/"): "a knowledge search; the query travels in the body",
    ("POST", "/api/v1/chat/messages/"): (
        "the shopper channel: a program holding any of the store's API keys chats as a shopper "
        "does through the widget (a signed-in session is not a shopper channel: 401)"
    ),
    ("POST", "/api/v1/chat/stream/"): "the shopper channel, as POST /api/v1/chat/messages/",
    ("POST", "/api/v1/playground/messages/"): (
        "every member may try the assistant; it writes only the member's own playground thread"
    ),
}

# Operations anyone may call on a store's host, each with its reason.
PUBLIC = {
    ("GET", "/api/v1/widget/config/{key}/"): (
        "a storefront's widget loader fetches it without credentials: the public widget key "
        "and the page's allowed Origin decide"
    ),
}


@dataclass(frozen=True)
class StoreA:
    """Store A's data: one object of every kind the API addresses by id."""

    viewer: Membership
    member: Membership
    invitation: Invitation
    api_key: ApiKey
    viewer_api_key: str
    faq_source: Source
    faq: FaqEntry
    product: Product
    order: Order
    import_job: ImportJob
    conversation: Conversation
    widget_key: WidgetKey


@dataclass(frozen=True)
class Ref:
    """Which of store A's objects a path parameter names, and by which field."""

    obj: Callable[[StoreA], Model]
    field: str = "pk"


# The path up to a parameter -> the store A object it names.
IDS: dict[str, Ref] = {
    "/api/v1/members/{member_id}": Ref(lambda a: a.member),
    "/api/v1/invitations/{invitation_id}": Ref(lambda a: a.invitation),
    "/api/v1/api-keys/{key_id}": Ref(lambda a: a.api_key),
    "/api/v1/knowledge/sources/{source_id}": Ref(lambda a: a.faq_source),
    "/api/v1/knowledge/faqs/{entry_id}": Ref(lambda a: a.faq),
    "/api/v1/catalog/products/{product_id}": Ref(lambda a: a.product),
    "/api/v1/catalog/orders/{order_id}": Ref(lambda a: a.order),
    "/api/v1/catalog/imports/{job_id}": Ref(lambda a: a.import_job),
    "/api/v1/conversations/{conversation_id}": Ref(lambda a: a.conversation, "public_id"),
    "/api/v1/chat/conversations/{conversation_id}": Ref(lambda a: a.conversation, "public_id"),
    "/api/v1/widget/keys/{key_id}": Ref(lambda a: a.widget_key),
    "/api/v1/widget/config/{key}": Ref(lambda a: a.widget_key, "key"),
}

PARAM = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    # Whether a signed-in member's session authenticates it (the schema's cookieAuth).
    session: bool

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def prefixes(self) -> list[str]:
        return [self.path[: match.end()] for match in PARAM.finditer(self.path)]


@cache
def operations() -> list[Operation]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        Operation(
            method=method.upper(),
            path=path,
            session=any("cookieAuth" in option for option in spec.get("security", [])),
        )
        for path, item in schema["paths"].items()
        for method, spec in item.items()
    ]


def _missing_entry(prefix: str) -> str:
    return (
        f"The walk has no store A object for `{prefix}`. Add to IDS in {THIS_FILE}:\n"
        f'    "{prefix}": Ref(lambda a: a.<object>),\n'
        "and, when it is a new kind of object, create one in `_store_a_data()` (a StoreA field) "
        f"with {MARKER!r} in its text."
    )


def _api_url_routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_url_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


# --- data ---------------------------------------------------------------------------------


def _store_a_data(tenant: Tenant) -> StoreA:
    owner = MembershipFactory(tenant=tenant, role=Role.OWNER, user__name=f"{MARKER} Owner")
    viewer = MembershipFactory(tenant=tenant, role=Role.VIEWER, user__name=f"{MARKER} Viewer")
    member = MembershipFactory(tenant=tenant, role=Role.EDITOR, user__name=f"{MARKER} Editor")
    invitation, _token = invitation_create(
        actor=owner, email=f"{MARKER.lower()}@example.com", role=Role.EDITOR
    )
    api_key, _secret = api_key_create(actor=owner, name=f"{MARKER} key", role=Role.ADMIN)
    _key, viewer_api_key = api_key_create(actor=owner, name=f"{MARKER} viewer", role=Role.VIEWER)
    faq_source = source_create(kind=Source.Kind.FAQ, name=f"{MARKER} FAQ", config={})
    faq = faq_entry_create(
        source=faq_source, question=f"Do {MARKER} boots fit?", answer=f"{MARKER} boots run large."
    )
    catalog = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name=f"{MARKER} feed")
    # Directly, not through products_upsert: loading the embedding model would dominate the walk.
    tee = Product.objects.create(
        source=catalog, external_id="quokka-tee", handle="quokka-tee", title=f"{MARKER} Tee"
    )
    orders_upsert(source=catalog, records=[order("QK-1001", email=f"{MARKER.lower()}@example.com")])
    upload = SHOPIFY_CSV.encode()
    import_job = import_create(
        upload=io.BytesIO(upload), filename=f"{MARKER}.csv", size=len(upload)
    )
    conversation = conversation_start(channel="widget", session_id=SHOPPER_SESSION)
    messages_append(
        conversation=conversation,
        messages=[
            {"role": "user", "content": f"Where are my {MARKER} boots?"},
            {"role": "assistant", "content": f"Your {MARKER} boots ship today."},
        ],
    )
    return StoreA(
        viewer=viewer,
        member=member,
        invitation=invitation,
        api_key=api_key,
        viewer_api_key=viewer_api_key,
        faq_source=faq_source,
        faq=faq,
        product=tee,
        order=Order.objects.get(number="QK-1001"),
        import_job=import_job,
        conversation=conversation,
        widget_key=widget_key_create(tenant=tenant, actor=owner.user),
    )


@dataclass(frozen=True)
class World:
    a: Tenant
    b: Tenant
    data: StoreA
    owner_b: Membership
    api_key_b: str


@pytest.fixture(scope="module")
def world(_stores: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        tenancy.activate_public()
        a, b = _store("store-a", "Store A"), _store("store-b", "Store B")
        with tenant_context(a):
            data = _store_a_data(a)
        owner_b = MembershipFactory(tenant=b, role=Role.OWNER)
        with tenant_context(b):
            _key, api_key_b = api_key_create(actor=owner_b, name="B's key", role=Role.ADMIN)
        tenancy.activate_public()
        yield World(a=a, b=b, data=data, owner_b=owner_b, api_key_b=api_key_b)
        transaction.set_rollback(True)


# --- requests -----------------------------------------------------------------------------


def _path_for(operation: Operation, data: StoreA) -> str:
    path = operation.path
    for prefix in operation.prefixes:
        ref = IDS.get(prefix)
        if ref is None:
            pytest.fail(_missing_entry(prefix))
        name = PARAM.findall(prefix)[-1]
        path = path.replace(f"{{{name}}}", str(getattr(ref.obj(data), ref.field)), 1)
    return path


def _call(client: Client, operation: Operation, path: str) -> tuple[int, bytes]:
    given = INPUTS.get((operation.method, operation.path), {})
    response: HttpResponseBase = (
        client.generic(
            operation.method, path, data=json.dumps(given), content_type="application/json"
        )
        if operation.method in WRITES
        else client.generic(operation.method, f"{path}?{urlencode(given)}" if given else path)
    )
    body = (
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if response.streaming
        else response.content
    )
    return response.status_code, body


def _exists_in(tenant: Tenant, ref: Ref, data: StoreA) -> bool:
    """Whether `tenant` has an object of its own under the id of store A's: each store's schema
    numbers its rows itself. Public tables number them once for all stores."""
    obj = ref.obj(data)
    if obj._meta.app_config.name not in settings.TENANT_APPS:
        return False
    with tenant_context(tenant):
        return type(obj)._default_manager.filter(**{ref.field: getattr(obj, ref.field)}).exists()


def _ids(operations: list[Operation]) -> list[str]:
    return [str(operation) for operation in operations]


READS_AND_ADDRESSED = [o for o in operations() if o.prefixes or (o.method == "GET" and o.session)]
STORE_A_WRITES = [o for o in operations() if o.method in WRITES]


# --- the walk -----------------------------------------------------------------------------


def test_every_path_parameter_has_store_a_data() -> None:
    # given every parameterised path of the store API
    prefixes = {prefix for operation in operations() for prefix in operation.prefixes}

    # then the walk knows a store A object for each, and IDS names no path that is gone
    missing = sorted(prefixes - IDS.keys())
    assert not missing, "\n\n".join(_missing_entry(prefix) for prefix in missing)
    assert not IDS.keys() - prefixes, f"IDS in {THIS_FILE} names paths the API no longer has"


def test_every_store_api_url_is_in_the_schema() -> None:
    # given the store API's URL patterns (an endpoint left out of the schema escapes the walk)
    routes = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
        for route in _api_url_routes(get_resolver().url_patterns)
        if route.startswith("api/v1/")
    }

    # then every one of them is an operation of the schema
    assert routes - {operation.path for operation in operations()} == set()


@pytest.mark.parametrize("stranger", ["member of store B", "API key of store B"])
@pytest.mark.parametrize("operation", READS_AND_ADDRESSED, ids=_ids(READS_AND_ADDRESSED))
def test_another_store_never_sees_store_a_data(
    world: World, db: None, operation: Operation, stranger: str
) -> None:
    # given store B's owner on store B's host, or store B's API key on the root domain (the key
    # names the store), and store A's ids in the path
    if stranger == "member of store B":
        if not operation.session:
            pytest.skip("not a member's endpoint (shopper channel or public)")
        client = Client(HTTP_HOST=host_of(world.b))
        client.force_login(world.owner_b.user)
    else:
        client = Client(HTTP_HOST=host_of(None), HTTP_AUTHORIZATION=f"Bearer {world.api_key_b}")
    path = _path_for(operation, world.data)

    # when it calls the operation
    status, body = _call(client, operation, path)

    # then nothing of store A comes back, and store A's objects are not found
    assert MARKER.encode() not in body, f"{operation} showed store A's data to store B"
    addressed = [IDS[prefix] for prefix in operation.prefixes]
    if addressed and not any(_exists_in(world.b, ref, world.data) for ref in addressed):
        assert status != 400, (
            f"{operation} refused its input before looking store A's object up. Add valid input "
            f"(the body of a write, the query of a read) to INPUTS in {THIS_FILE}:\n"
            f'    ("{operation.method}", "{operation.path}"): {{...}},'
        )
        assert status in (403, 404), f"{operation} answered {status} for store A's object"


@pytest.mark.parametrize("credentials", ["session", "API key"])
@pytest.mark.parametrize("operation", STORE_A_WRITES, ids=_ids(STORE_A_WRITES))
def test_store_a_viewer_cannot_write(
    world: World, db: None, operation: Operation, credentials: str
) -> None:
    if (operation.method, operation.path) in VIEWER_MAY:
        pytest.skip(VIEWER_MAY[operation.method, operation.path])
    # given store A's viewer on store A's host, signed in or with a viewer API key
    if credentials == "session":
        client = Client(HTTP_HOST=host_of(world.a))
        client.force_login(world.data.viewer.user)
    else:
        client = Client(
            HTTP_HOST=host_of(world.a), HTTP_AUTHORIZATION=f"Bearer {world.data.viewer_api_key}"
        )

    # when it calls a write
    status, _body = _call(client, operation, _path_for(operation, world.data))

    # then the write is refused
    assert status == 403, f"{operation} answered {status} to a viewer ({credentials})"


@pytest.mark.parametrize("caller", ["no credentials", "member of store B", "API key of store B"])
@pytest.mark.parametrize("operation", operations(), ids=_ids(operations()))
def test_only_public_endpoints_answer_outsiders_on_store_a(
    world: World, db: None, operation: Operation, caller: str
) -> None:
    # given someone who is not in store A, on store A's host
    client = Client(HTTP_HOST=host_of(world.a))
    if caller == "member of store B":
        client.force_login(world.owner_b.user)
    elif caller == "API key of store B":
        client = Client(HTTP_HOST=host_of(world.a), HTTP_AUTHORIZATION=f"Bearer {world.api_key_b}")

    # when they call an operation with store A's ids
    status, body = _call(client, operation, _path_for(operation, world.data))

    # then only a public endpoint answers, and none shows store A's data
    if (operation.method, operation.path) not in PUBLIC:
        assert not 200 <= status < 300, f"{operation} answered {status} ({caller})"
        assert MARKER.encode() not in body, f"{operation} showed store A's data ({caller})"
