"""Every endpoint is classified; anonymous users go to sign-in; lower roles get 403.

A new route fails here until its view is decorated with public / signed_in / role_required.
"""

import re

import pytest

from lineup.models import Role
from lineup.permissions import access_of

ROLE_ORDER = ["signed-in", "supervisor", "hr", "admin"]
USERS_BY_LEVEL = {"signed-in": "staff", "supervisor": "supervisor", "hr": "hr", "admin": "admin"}


def _sample_url(rule) -> str:
    # Any value will do: the role check runs before the view looks anything up.
    url = rule.rule
    for arg in rule.arguments:
        converter = rule._converters[arg].__class__.__name__
        value = "1" if converter == "IntegerConverter" else "x"
        url = re.sub(rf"<(?:[^:<>]+:)?{arg}>", value, url)
    return url


def _request(client, rule):
    """GET where the route allows it, else a POST with a valid CSRF token."""
    if "GET" in rule.methods:
        return client.get(_sample_url(rule))
    return client.post(_sample_url(rule))


def _rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def test_every_endpoint_is_classified(app):
    unclassified = [r.endpoint for r in _rules(app) if access_of(r.endpoint) is None]
    assert unclassified == []


def test_anonymous_users_are_sent_to_sign_in(app, client):
    for rule in _rules(app):
        level = access_of(rule.endpoint)
        if level == "public":
            continue
        response = _request(client, rule)
        assert response.status_code == 302, rule.endpoint
        assert "/login" in response.headers["Location"], rule.endpoint


@pytest.mark.parametrize("user_level", ["signed-in", "supervisor", "hr"])
def test_lower_roles_get_403(app, user_level, request):
    client = request.getfixturevalue(f"{USERS_BY_LEVEL[user_level]}_client")
    for rule in _rules(app):
        level = access_of(rule.endpoint)
        if level == "public" or ROLE_ORDER.index(level) <= ROLE_ORDER.index(user_level):
            continue
        response = _request(client, rule)
        assert response.status_code == 403, (rule.endpoint, user_level)


def test_role_order_matches_model():
    assert [r.value for r in Role] == ["staff", "supervisor", "hr", "admin"]
