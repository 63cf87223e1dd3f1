"""Bad input never hurts: every route, as every role, with odd ids and junk forms, on the demo
data, answers without a server error."""

import re

from lineup.extensions import db

JUNK_FORMS = [
    {},
    {"id": "abc", "page": "-1", "date": "2026-13-45", "due_on": "yesterday", "q": "'; DROP TABLE",
     "department_id": "999999", "user_id": "abc", "value_id": "0", "rating": "11",
     "text": "<script>alert(1)</script>" * 50, "name": "x" * 5000, "email": "not-an-email"},
]
QUERY_STRINGS = ["", "?page=0", "?page=abc&date=2026-02-30&start=x&end=y&site=nowhere"
                 "&department=abc&month=2026-99&value=abc&period=forever"]


def _urls(rule):
    values = {"int": ["1", "999999"], "default": ["x", "berlin"]}
    urls = [rule.rule]
    for arg in rule.arguments:
        converter = rule._converters[arg].__class__.__name__
        kind = "int" if converter == "IntegerConverter" else "default"
        urls = [re.sub(rf"<(?:[^:<>]+:)?{arg}>", v, u) for u in urls for v in values[kind]]
    return urls


def _signed_in(app, account):
    client = app.test_client()
    login = client.post("/login", data={"identifier": f"{account}@lineup.demo",
                                        "password": "lineup-demo"})
    assert login.status_code == 302
    return client


def test_no_route_answers_500(app):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    db.session.remove()
    # Everyone signs in first: a junk POST of one role must not lock the next one out.
    clients = [_signed_in(app, account) for account in ("staff", "supervisor", "hr", "admin")]
    failures = []
    for client in clients:
        failures += _sweep(app, client)
    assert failures == []


def _sweep(app, client) -> list[str]:
    failures = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "accounts.logout", "accounts.set_language"):
            continue
        for url in _urls(rule):
            if "GET" in rule.methods:
                for query in QUERY_STRINGS:
                    response = client.get(url + query)
                    if response.status_code >= 500:
                        failures.append(f"GET {url}{query} -> {response.status_code}")
            if "POST" in rule.methods:
                for form in JUNK_FORMS:
                    response = client.post(url, data=dict(form))
                    if response.status_code >= 500:
                        failures.append(f"POST {url} -> {response.status_code}")
    return failures
