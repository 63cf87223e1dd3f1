"""Sites and departments (admin only) and the audit log page."""

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import AuditLog, Department, Role, Site

from ..support import count_queries, make_department, make_site, make_user

SITE = {"name": "Lineup Hotel Vienna", "slug": "vienna", "timezone": "Europe/Vienna",
        "default_language": "de"}


def _sites() -> dict[str, Site]:
    db.session.expire_all()
    return {s.slug: s for s in db.session.scalars(sa.select(Site))}


def test_admin_creates_and_edits_a_site(admin_client):
    response = admin_client.post("/admin/sites/new", data=dict(SITE))
    assert response.status_code == 302
    site = _sites()["vienna"]
    assert (site.name, site.timezone, site.default_language) == (
        "Lineup Hotel Vienna", "Europe/Vienna", "de")
    response = admin_client.post(f"/admin/sites/{site.id}",
                                 data=dict(SITE, name="Vienna Opera", default_language="en"))
    assert response.status_code == 302
    assert _sites()["vienna"].name == "Vienna Opera"
    actions = list(db.session.scalars(sa.select(AuditLog.action).order_by(AuditLog.id)))
    assert actions[-2:] == ["site.created", "site.updated"]
    listing = admin_client.get("/admin/sites").get_data(as_text=True)
    assert "Vienna Opera" in listing and "Europe/Vienna" in listing


def test_unknown_timezone_bad_slug_and_taken_slug_are_400(admin_client, site):
    response = admin_client.post("/admin/sites/new", data=dict(SITE, timezone="Europe/Atlantis"))
    assert response.status_code == 400
    assert "Unknown time zone" in response.get_data(as_text=True)
    response = admin_client.post("/admin/sites/new", data=dict(SITE, timezone="../etc/passwd"))
    assert response.status_code == 400
    response = admin_client.post("/admin/sites/new", data=dict(SITE, slug="Not a slug!"))
    assert response.status_code == 400
    assert "lower-case letters" in response.get_data(as_text=True)
    response = admin_client.post("/admin/sites/new", data=dict(SITE, slug="berlin"))
    assert response.status_code == 400
    assert "already uses this short name" in response.get_data(as_text=True)
    response = admin_client.post("/admin/sites/new", data=dict(SITE, name="x" * 121))
    assert response.status_code == 400
    assert set(_sites()) == {"berlin"}


def test_departments_are_unique_per_site(admin_client, site):
    other = make_site("new-york", "America/New_York")
    make_department("Spa", other)
    db.session.commit()
    response = admin_client.post(f"/admin/sites/{site.id}/departments/new", data={"name": "Spa"})
    assert response.status_code == 302  # the same name at another site is fine
    response = admin_client.post(f"/admin/sites/{site.id}/departments/new", data={"name": "spa"})
    assert response.status_code == 400
    assert "already has a department" in response.get_data(as_text=True)
    response = admin_client.post(f"/admin/sites/{site.id}/departments/new", data={"name": ""})
    assert response.status_code == 400
    names = db.session.scalars(sa.select(Department.name).where(Department.site_id == site.id))
    assert list(names) == ["Spa"]


def test_rename_a_department(admin_client, site):
    spa = make_department("Spa", site)
    kitchen = make_department("Kitchen", site)
    db.session.commit()
    response = admin_client.post(f"/admin/departments/{spa.id}", data={"name": "Spa & Pool"})
    assert response.status_code == 302
    response = admin_client.post(f"/admin/departments/{kitchen.id}", data={"name": "spa & pool"})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(Department, spa.id).name == "Spa & Pool"
    assert db.session.get(Department, kitchen.id).name == "Kitchen"
    assert "department.renamed" in set(db.session.scalars(sa.select(AuditLog.action)))


def test_site_page_lists_departments_with_head_counts(admin_client, site):
    spa = make_department("Spa", site)
    make_user(Role.STAFF, spa)
    make_user(Role.STAFF, spa)
    make_user(Role.STAFF, spa, active=False)
    db.session.commit()
    html = admin_client.get(f"/admin/sites/{site.id}").get_data(as_text=True)
    assert "Spa" in html
    assert f"department={spa.id}" in html and ">2</a>" in html


def test_hr_and_supervisor_cannot_manage_sites(hr_client, supervisor_client, site):
    for client in (hr_client, supervisor_client):
        assert client.get("/admin/sites").status_code == 403
        assert client.post("/admin/sites/new", data=dict(SITE)).status_code == 403
        assert client.get(f"/admin/sites/{site.id}").status_code == 403
        assert client.get("/admin/audit").status_code == 403
    assert "vienna" not in _sites()


def test_unknown_site_and_department_are_404(admin_client):
    assert admin_client.get("/admin/sites/9999").status_code == 404
    assert admin_client.get("/admin/departments/9999").status_code == 404
    assert admin_client.post("/admin/sites/9999/departments/new",
                             data={"name": "X"}).status_code == 404


def test_audit_log_is_newest_first_and_paginated(app, admin_client):
    app.config["PAGE_SIZE"] = 5
    admin_client.post("/admin/sites/new", data=dict(SITE))
    admin_client.post("/admin/sites/new", data=dict(SITE, slug="graz", name="Graz"))
    with count_queries() as few:
        html = admin_client.get("/admin/audit").get_data(as_text=True)
    assert html.index("graz") < html.index("vienna")
    for n in range(10):
        admin_client.post("/admin/sites/new", data=dict(SITE, slug=f"site-{n}", name=f"S{n}"))
    with count_queries() as many:
        html = admin_client.get("/admin/audit").get_data(as_text=True)
    assert many.count == few.count
    assert "Page 1 of 3" in html
    assert "site.created" in html


def test_admin_sees_the_admin_hub(admin_client, hr_client):
    html = admin_client.get("/admin/").get_data(as_text=True)
    assert "/admin/sites" in html and "/admin/audit" in html
    html = hr_client.get("/admin/").get_data(as_text=True)
    assert "/admin/people" in html and "/admin/sites" not in html
