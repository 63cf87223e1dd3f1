"""Who may open what in the quizzes area, as a table."""

import pytest

ALLOWED = {"staff": 0, "supervisor": 1, "hr": 2}

# (url, the lowest role that gets 200)
PAGES = [
    ("/quizzes/", "staff"),
    ("/quizzes/assignments", "supervisor"),
    ("/quizzes/assignments/new", "supervisor"),
    ("/quizzes/mastery", "supervisor"),
    ("/quizzes/bank", "hr"),
    ("/quizzes/bank/new", "hr"),
    ("/quizzes/manage", "hr"),
    ("/quizzes/manage/new", "hr"),
    ("/quizzes/stats", "hr"),
    ("/quizzes/import", "hr"),
    ("/quizzes/export?format=gift", "hr"),
]


@pytest.mark.parametrize(("url", "lowest"), PAGES)
@pytest.mark.parametrize("role", ["staff", "supervisor", "hr"])
def test_page_access(request, url, lowest, role):
    client = request.getfixturevalue(f"{role}_client")
    expected = 200 if ALLOWED[role] >= ALLOWED[lowest] else 403
    assert client.get(url).status_code == expected


@pytest.mark.parametrize("url", [url for url, _ in PAGES])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_csrf_is_enforced_on_answers(staff_client):
    response = staff_client.post("/quizzes/daily", data={"question": 1, "option": 1},
                                 csrf=False)
    assert response.status_code == 400
