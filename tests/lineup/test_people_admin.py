"""People administration by HR and admin: list, create, edit, deactivate, invites."""

import re

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import AuditLog, Role, User

from ..support import PASSWORD, count_queries, make_department, make_site, make_user


def _person(number: str) -> User:
    db.session.expire_all()
    return db.session.scalars(sa.select(User).where(User.employee_number == number)).one()


def _new_person_data(site, department, **overrides):
    db.session.commit()  # the fixtures only flush; requests run in their own session
    data = {
        "employee_number": "N-1", "first_name": "Jürgen", "last_name": "Weiß",
        "display_name": "", "email": "Juergen@Example.org", "role": "staff",
        "site_id": str(site.id), "department_id": str(department.id), "language": "de",
        "access": "invite",
    }
    data.update(overrides)
    return data


def _invite_path(html: str) -> str:
    match = re.search(r"http://[^/\"]+(/invite/[A-Za-z0-9_\-]+)", html)
    assert match, "no invite link on the page"
    return match.group(1)


def test_hr_creates_a_person_and_gets_an_invite_link(app, hr_client, site, department):
    response = hr_client.post("/admin/people/new", data=_new_person_data(site, department))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Invite link" in html
    person = _person("N-1")
    assert person.email == "juergen@example.org"
    assert person.display_name == "Jürgen"
    assert person.password_hash is None
    actions = set(db.session.scalars(sa.select(AuditLog.action)))
    assert {"user.created", "user.invited"} <= actions

    visitor = app.test_client()
    path = _invite_path(html)
    assert visitor.get(path).status_code == 200
    response = visitor.post(path, data={"password": "a long new passphrase",
                                        "confirm": "a long new passphrase"})
    assert response.status_code == 302
    assert visitor.get("/").status_code == 200


def test_hr_creates_a_person_with_a_temporary_password(app, hr_client, site, department):
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, department, access="password"))
    assert response.status_code == 200
    match = re.search(r'id="temporary-password"[^>]*value="([^"]+)"', response.get_data(True))
    assert match
    person = _person("N-1")
    assert person.must_change_password
    newcomer = app.test_client()
    newcomer.login(person, match.group(1))
    assert newcomer.get("/").headers["Location"].endswith("/account/password")


def test_hr_cannot_create_an_admin(hr_client, site, department):
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, department, role="admin"))
    assert response.status_code == 403
    assert db.session.scalars(sa.select(User).where(User.employee_number == "N-1")).first() is None
    form = hr_client.get("/admin/people/new").get_data(as_text=True)
    assert 'value="admin"' not in form


def test_admin_can_create_an_admin(admin_client, site, department):
    response = admin_client.post("/admin/people/new",
                                 data=_new_person_data(site, department, role="admin",
                                                       department_id=""))
    assert response.status_code == 200
    assert _person("N-1").role == "admin"


def test_hr_cannot_promote_to_admin_or_edit_an_admin(hr_client, staff, admin, site):
    data = _new_person_data(site, staff.department, employee_number=staff.employee_number,
                            role="admin", email="")
    assert hr_client.post(f"/admin/people/{staff.id}", data=data).status_code == 403
    assert _person(staff.employee_number).role == "staff"
    assert hr_client.get(f"/admin/people/{admin.id}").status_code == 403
    assert hr_client.post(f"/admin/people/{admin.id}/deactivate").status_code == 403


def test_supervisor_and_staff_get_403(supervisor_client, staff_client):
    for client in (supervisor_client, staff_client):
        assert client.get("/admin/people").status_code == 403
        assert client.get("/admin/people/new").status_code == 403
        assert client.get("/admin/people/import").status_code == 403


def test_duplicate_employee_number_or_email_is_refused(hr_client, site, department, staff):
    staff.email = "taken@example.org"
    db.session.commit()
    response = hr_client.post("/admin/people/new", data=_new_person_data(
        site, department, employee_number=staff.employee_number))
    assert response.status_code == 400
    assert "already in use" in response.get_data(as_text=True)
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, department, email="TAKEN@example.org"))
    assert response.status_code == 400
    assert "belongs to someone else" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2


def test_over_long_and_missing_fields_are_400(hr_client, site, department):
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, department, first_name="x" * 81))
    assert response.status_code == 400
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, department, last_name=""))
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_department_must_belong_to_the_site(hr_client, site):
    other = make_department("Spa", make_site("new-york", "America/New_York"))
    db.session.commit()
    response = hr_client.post("/admin/people/new",
                              data=_new_person_data(site, other))
    assert response.status_code == 400
    assert "department of the chosen site" in response.get_data(as_text=True)


def test_edit_changes_role_and_department_with_audit(hr_client, site, staff):
    spa = make_department("Spa", site)
    db.session.commit()
    data = _new_person_data(site, spa, employee_number=staff.employee_number,
                            first_name=staff.first_name, last_name=staff.last_name,
                            email="", role="supervisor", led_department_ids=[str(spa.id)])
    response = hr_client.post(f"/admin/people/{staff.id}", data=data)
    assert response.status_code == 302
    person = _person(staff.employee_number)
    assert person.role == "supervisor"
    assert person.department_id == spa.id
    assert [d.id for d in person.led_departments] == [spa.id]
    actions = set(db.session.scalars(sa.select(AuditLog.action)))
    assert {"user.role_changed", "user.department_changed"} <= actions


def test_nobody_changes_their_own_role(admin_client, admin, site):
    data = _new_person_data(site, make_department("Spa", site),
                            employee_number=admin.employee_number, role="staff", email="")
    db.session.commit()
    response = admin_client.post(f"/admin/people/{admin.id}", data=data)
    assert response.status_code == 400
    assert "your own role" in response.get_data(as_text=True)


def test_deactivation_ends_the_session_and_reactivation_allows_sign_in(app, hr_client, staff):
    staff_client = app.test_client()
    staff_client.login(staff)
    assert staff_client.get("/").status_code == 200

    response = hr_client.post(f"/admin/people/{staff.id}/deactivate")
    assert response.status_code == 302
    assert staff_client.get("/").status_code == 302  # signed out
    assert app.test_client().post("/login", data={"identifier": staff.employee_number,
                                                  "password": PASSWORD}).status_code == 401

    assert hr_client.post(f"/admin/people/{staff.id}/reactivate").status_code == 302
    app.test_client().login(staff)


def test_nobody_deactivates_themself(hr_client, hr):
    response = hr_client.post(f"/admin/people/{hr.id}/deactivate")
    assert response.status_code == 400
    assert "your own account" in response.get_data(as_text=True)
    assert _person(hr.employee_number).active


def test_action_without_csrf_token_is_400(hr_client, staff):
    response = hr_client.post(f"/admin/people/{staff.id}/deactivate", csrf=False)
    assert response.status_code == 400
    assert _person(staff.employee_number).active


def test_resend_invite_replaces_the_old_link(app, hr_client, staff):
    first = _invite_path(hr_client.post(f"/admin/people/{staff.id}/invite").get_data(True))
    second = _invite_path(hr_client.post(f"/admin/people/{staff.id}/invite").get_data(True))
    visitor = app.test_client()
    assert visitor.get(first).status_code == 410
    assert visitor.get(second).status_code == 200


def test_unknown_person_is_404(hr_client):
    assert hr_client.get("/admin/people/99999").status_code == 404
    assert hr_client.post("/admin/people/99999/deactivate").status_code == 404


def test_people_list_search_and_filters(hr_client, site, department):
    spa = make_department("Spa", site)
    make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß",
              email="jw@example.org")
    make_user(Role.STAFF, spa, first_name="Leonie", last_name="Schulz")
    make_user(Role.STAFF, spa, first_name="Björn", last_name="Meyer", active=False)
    db.session.commit()

    def names(query: str) -> str:
        response = hr_client.get("/admin/people" + query)
        assert response.status_code == 200
        return response.get_data(as_text=True)

    assert "Leonie" not in names("?q=j%C3%BCrgen+wei") and "Jürgen Weiß" in names("?q=weiß")
    assert "Jürgen" in names("?q=JW%40example")
    html = names(f"?department={spa.id}")
    assert "Leonie" in html and "Jürgen" not in html
    html = names("?active=0")
    assert "Björn" in html and "Leonie" not in html
    assert "Hanna" in names("?role=hr")
    assert "No one matches" in names("?q=%25%25nobody")


def test_bad_filter_value_is_400(hr_client):
    response = hr_client.get("/admin/people?site=abc")
    assert response.status_code == 400


def test_people_list_is_paginated_with_bounded_queries(app, hr_client, department):
    app.config["PAGE_SIZE"] = 10
    make_user(Role.STAFF, department)
    db.session.commit()
    hr_client.get("/admin/people")
    with count_queries() as one:
        assert hr_client.get("/admin/people").status_code == 200
    for _ in range(49):
        make_user(Role.STAFF, department)
    db.session.commit()
    with count_queries() as many:
        response = hr_client.get("/admin/people")
    assert many.count == one.count
    assert "Page 1 of 6" in response.get_data(as_text=True)
    assert "Page 2 of 6" in hr_client.get("/admin/people?page=2").get_data(as_text=True)


def test_hr_hub_links_to_people_administration(hr_client):
    html = hr_client.get("/hr").get_data(as_text=True)
    assert "/admin/people" in html


def test_a_lost_race_on_a_unique_number_is_409_and_saves_nothing(hr_client, site, department,
                                                                  staff, monkeypatch):
    from lineup.admin import services
    from lineup.models import Department, Site

    def unchecked(data, person):  # as if another request took the number a moment ago
        return db.session.get(Site, data.site_id), db.session.get(Department,
                                                                  data.department_id), []

    data = _new_person_data(site, department, employee_number=staff.employee_number)
    monkeypatch.setattr(services, "_check_person", unchecked)
    response = hr_client.post("/admin/people/new", data=data)
    assert response.status_code == 409
    assert "conflicting change" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2
    assert db.session.scalar(sa.select(sa.func.count(AuditLog.id))) == 0
