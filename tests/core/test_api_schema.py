from tests.conftest import client_for


def test_openapi_schema_and_docs_are_served(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/members/{member_id}/" in paths and "/api/v1/api-keys/" in paths
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()
