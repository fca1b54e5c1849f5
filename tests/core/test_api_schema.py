import json

from django.conf import settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from tests.conftest import client_for


def test_openapi_schema_and_docs_are_served(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/members/{member_id}/" in paths and "/api/v1/api-keys/" in paths
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()


REGENERATE = "make openapi"


def test_committed_openapi_schema_matches_the_code() -> None:
    # given the schema the admin site's TypeScript types are generated from
    committed = json.loads((settings.BASE_DIR / "frontend" / "openapi.json").read_text())

    # when the code's schema is generated now (as `manage.py spectacular` does)
    schema = SchemaGenerator().get_schema(request=None, public=True)
    current = json.loads(OpenApiJsonRenderer().render(schema, renderer_context={}))

    # then they are the same: an API change must regenerate the file and the types
    assert current == committed, (
        f"frontend/openapi.json is out of date with the API. Run `{REGENERATE}` and commit "
        "frontend/openapi.json (the admin site's types follow it on its next build)."
    )


def test_no_enum_in_the_schema_is_a_librarys_data() -> None:
    # given the committed schema
    schema = json.loads((settings.BASE_DIR / "frontend" / "openapi.json").read_text())

    # when every enum in it is collected
    enums: list[list[object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                enums.append(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)

    # then none is long enough to be a data package's list (currencies, countries, languages):
    # those are patterned strings validated at run time, so a Babel release never changes the API
    assert enums and max(len(values) for values in enums) < 50
    currency = schema["components"]["schemas"]["ImportCreateInputRequest"]["properties"]["currency"]
    assert currency["type"] == "string" and currency["pattern"] == "^[A-Z]{3}$"
