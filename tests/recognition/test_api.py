"""The JSON API: bearer tokens bound to a site, idempotency, JSON errors, the OpenAPI document."""

import pytest
import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from recognition.models import ApiToken, Feedback
from recognition.tokens import create_token, revoke_token
from tests.support import make_site, make_user


@pytest.fixture
def token(department):
    make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß")
    _, plain = create_token(department.site, "google-reviews")
    db.session.commit()
    return plain


def _post(client, token, body, **kwargs):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/api/v1/feedback", json=body, headers=headers, **kwargs)


BODY = {"source": "google", "external_id": "r-1", "text": "Juergen was superb", "rating": 5,
        "staff_name": "Juergen"}


def test_created_then_idempotent(client, token):
    first = _post(client, token, BODY)
    assert first.status_code == 201
    data = first.get_json()
    assert data["status"] == "pending" and data["match"] == "one"
    assert data["matched_staff"][0]["name"] == "Jürgen"
    again = _post(client, token, {**BODY, "text": "changed"})
    assert again.status_code == 200 and again.get_json()["id"] == data["id"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 1


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic abc"])
def test_missing_or_wrong_token_is_401_json(client, token, header):
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/v1/feedback", json=BODY, headers=headers)
    assert response.status_code == 401
    assert response.is_json and response.get_json()["error"] == "unauthorized"
    assert "Bearer" in response.headers["WWW-Authenticate"]


def test_revoked_token_is_401(client, token):
    revoke_token(db.session.scalars(sa.select(ApiToken)).one())
    db.session.commit()
    response = _post(client, token, BODY)
    assert response.status_code == 401 and "revoked" in response.get_json()["message"]


def test_token_of_another_site_is_403(client, token):
    make_site("new-york", "America/New_York")
    db.session.commit()
    response = _post(client, token, {**BODY, "site": "new-york"})
    assert response.status_code == 403 and response.is_json


def test_invalid_bodies_are_400_with_fields(client, token):
    cases = [
        {"source": "google", "text": ""},
        {"source": "google", "text": "ok", "rating": 9},
        {"source": "google", "text": "ok", "kind": "spam"},
        {"text": "no source"},
        {"source": "google", "text": "x" * 5000},
        {"source": "google", "text": "ok", "unexpected": 1},
        {"source": "google", "text": "ok", "occurred_on": "yesterday"},
    ]
    for body in cases:
        response = _post(client, token, body)
        assert response.status_code == 400, body
        assert response.is_json and response.get_json()["fields"], body
    broken = client.post("/api/v1/feedback", data="{not json", content_type="application/json",
                         headers={"Authorization": f"Bearer {token}"})
    assert broken.status_code == 400 and broken.is_json
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 0


def test_oversize_body_is_413_json(client, token):
    response = client.post("/api/v1/feedback", data="{" + " " * 70000 + "}",
                           content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413 and response.is_json


def test_html_is_kept_as_text_never_rendered(client, token, supervisor_client):
    _post(client, token, {**BODY, "external_id": "x", "text": "<img src=x onerror=alert(1)>"})
    feedback = db.session.scalars(sa.select(Feedback)).one()
    page = supervisor_client.get(f"/recognition/inbox/{feedback.id}").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_api_needs_no_csrf_and_get_is_json_405(client, token):
    response = client.get("/api/v1/feedback")
    assert response.status_code == 405 and response.is_json


def test_cli_creates_a_token_that_works_and_stores_only_its_hash(app, client, department):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-api-token", "--site", "berlin", "--name", "tripadvisor"])
    assert result.exit_code == 0, result.output
    plain = result.output.strip().splitlines()[-1]
    stored = db.session.scalars(sa.select(ApiToken)).one()
    assert stored.token_hash != plain and plain not in stored.token_hash
    assert _post(client, plain, BODY).status_code == 201
    revoked = runner.invoke(args=["revoke-api-token", str(stored.id)])
    assert revoked.exit_code == 0
    assert _post(client, plain, {**BODY, "external_id": "2"}).status_code == 401
    unknown = runner.invoke(args=["create-api-token", "--site", "atlantis", "--name", "x"])
    assert unknown.exit_code != 0


def test_admin_page_lists_and_revokes_tokens(admin_client, token):
    page = admin_client.get("/recognition/tokens").get_data(as_text=True)
    assert "google-reviews" in page and token not in page
    created = admin_client.post("/recognition/tokens", data={"site": "1", "name": "booking"})
    assert created.status_code == 200
    assert "shown only now" in created.get_data(as_text=True)
    token_id = db.session.scalars(sa.select(ApiToken.id).where(
        ApiToken.name == "google-reviews")).one()
    admin_client.post(f"/recognition/tokens/{token_id}/revoke")
    db.session.expire_all()
    assert db.session.get(ApiToken, token_id).revoked_at is not None


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_openapi_document_is_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    assert {"title", "version"} <= set(spec["info"])
    assert "/api/v1/feedback" in spec["paths"]
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert operation["responses"], (path, method)
            for code in operation["responses"]:
                assert code == "default" or 100 <= int(code) < 600
    schemas = spec["components"]["schemas"]
    for ref in _refs(spec):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas
    responses = spec["paths"]["/api/v1/feedback"]["post"]["responses"]
    assert {"200", "201", "400", "401", "403", "413"} <= set(responses)
    from openapi_spec_validator import validate

    validate(spec)


@pytest.mark.parametrize("body", [
    [], "text", 5,
    {"source": ["x"], "text": "ok"},
    {"source": "g", "text": {"a": 1}},
    {"source": "g", "text": "ok", "kind": ["praise"]},
    {"source": "g", "text": "ok", "rating": True},
    {"source": "g", "text": "ok", "shift": ["morning"]},
    {"source": "g", "text": "ok", "reply_consent": "yes"},
    {"source": "g", "text": "ok", "site": ["berlin"]},
])
def test_strange_json_types_are_400_or_403_never_500(client, token, body):
    response = _post(client, token, body)
    assert response.status_code in (400, 403) and response.is_json
