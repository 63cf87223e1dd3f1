"""Service hero of the month (ties shown, confirmed once), the fairness view, the QR poster."""

from datetime import timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role, utcnow
from recognition.heroes import candidates
from recognition.models import BoardItem, ServiceHero
from recognition.moderation import approve
from recognition.services import month_start, site_today
from tests.support import make_department, make_user

from .helpers import praise


def _praised(supervisor, site, name, value, times=1):
    for i in range(times):
        approve(supervisor, praise(site, name, f"{name} was great {i}"), value.id)
    db.session.commit()


def test_candidates_show_ties_and_hero_is_confirmed_once(department, supervisor, value,
                                                         supervisor_client):
    a = make_user(Role.STAFF, department, first_name="Jonas")
    b = make_user(Role.STAFF, department, first_name="Marie")
    make_user(Role.STAFF, department, first_name="Felix")
    db.session.commit()
    _praised(supervisor, department.site, "Jonas", value, 2)
    _praised(supervisor, department.site, "Marie", value, 2)
    _praised(supervisor, department.site, "Felix", value, 1)
    month = month_start(site_today(department.site))
    pool = candidates(department.site, month)
    assert {c.user.id for c in pool[:2]} == {a.id, b.id} and pool[0].score == pool[1].score
    page = supervisor_client.get("/recognition/heroes").get_data(as_text=True)
    assert "tie" in page
    response = supervisor_client.post("/recognition/heroes", data={
        "user_id": str(b.id), "month": month.strftime("%Y-%m"), "site": str(department.site_id)})
    assert response.status_code == 303
    again = supervisor_client.post("/recognition/heroes", data={
        "user_id": str(a.id), "month": month.strftime("%Y-%m"),
        "site": str(department.site_id)}, follow_redirects=True)
    assert "already confirmed" in again.get_data(as_text=True)
    assert db.session.scalars(sa.select(ServiceHero.user_id)).all() == [b.id]
    hall = supervisor_client.get("/recognition/heroes").get_data(as_text=True)
    assert "Hall of heroes" in hall and "Marie" in hall


def test_only_a_top_candidate_can_be_hero(department, supervisor, value, supervisor_client):
    make_user(Role.STAFF, department, first_name="Jonas")
    low = make_user(Role.STAFF, department, first_name="Felix")
    db.session.commit()
    _praised(supervisor, department.site, "Jonas", value, 2)
    _praised(supervisor, department.site, "Felix", value, 1)
    month = month_start(site_today(department.site)).strftime("%Y-%m")
    supervisor_client.post("/recognition/heroes", data={
        "user_id": str(low.id), "month": month, "site": str(department.site_id)})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ServiceHero)) == 0


def test_fairness_flags_quiet_departments_and_counts_people(department, supervisor, value,
                                                            hr_client):
    spa = make_department("Spa", department.site)
    make_user(Role.STAFF, spa, first_name="Björn")
    make_user(Role.STAFF, department, first_name="Jonas")
    db.session.commit()
    _praised(supervisor, department.site, "Jonas", value, 3)
    page = hr_client.get("/recognition/fairness").get_data(as_text=True)
    assert "No recognition in 30 days" in page
    import re

    rows = re.findall(r"<tr[^>]*><td>([^<]+)</td><td class=\"number\">(\d+)</td>", page)
    counts = {name.strip(): int(n) for name, n in rows}
    assert counts["Front Office (Berlin)"] == 3 and counts["Spa (Berlin)"] == 0
    assert counts["Jonas Tester"] == 3 and counts["Björn Tester"] == 0
    db.session.execute(sa.update(BoardItem).values(published_at=utcnow() - timedelta(days=45)))
    db.session.commit()
    later = hr_client.get("/recognition/fairness?days=90").get_data(as_text=True)
    assert later.count("No recognition in 30 days") == 2


def test_supervisor_fairness_is_limited_to_their_departments(department, supervisor_client):
    make_department("Spa", department.site)
    db.session.commit()
    page = supervisor_client.get("/recognition/fairness").get_data(as_text=True)
    assert "Front Office" in page and "Spa (Berlin)" not in page


def test_qr_poster_encodes_the_feedback_link(department, supervisor_client):
    page = supervisor_client.get("/recognition/poster/berlin").get_data(as_text=True)
    assert "data:image/svg+xml" in page
    assert "/feedback/berlin" in page
    assert supervisor_client.get("/recognition/poster/atlantis").status_code == 404


def test_qr_code_decodes_to_the_url():
    import segno

    from recognition.qr import qr_svg_data_uri

    uri = qr_svg_data_uri("https://lineup.example/feedback/berlin")
    assert uri.startswith("data:image/svg+xml")
    # segno builds the same symbol for the same content: the poster shows exactly this code.
    assert segno.make("https://lineup.example/feedback/berlin", error="m").svg_data_uri(
        scale=8, border=2) == uri


def test_poster_speaks_both_languages(department, supervisor_client):
    page = supervisor_client.get("/recognition/poster/berlin").get_data(as_text=True)
    assert "Who made your day?" in page and "Wer hat Ihnen den Tag verschönert?" in page
