from lineup.extensions import db
from lineup.models import Role

from ..support import PASSWORD, make_user


def test_sign_in_with_employee_number_then_today(client, staff):
    response = client.post("/login", data={"identifier": staff.employee_number,
                                           "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_sign_in_with_email_in_any_case(client, department):
    make_user(Role.STAFF, department, email="lena@example.org")
    db.session.commit()
    response = client.post("/login", data={"identifier": "LENA@Example.org",
                                           "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_message(client, staff):
    wrong = client.post("/login", data={"identifier": staff.employee_number, "password": "nope"})
    unknown = client.post("/login", data={"identifier": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert b"Sign-in failed" in wrong.data and b"Sign-in failed" in unknown.data


def test_csrf_is_enforced_on_login(client, staff):
    response = client.post("/login", csrf=False,
                           data={"identifier": staff.employee_number, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302  # still signed out
