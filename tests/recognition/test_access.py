"""Who may do what: roles and department scope across the recognition pages."""

import pytest

from lineup.extensions import db
from lineup.models import Role
from recognition.awards import ensure_award_types, give_award
from tests.support import make_department, make_site, make_user

from .helpers import praise


@pytest.mark.parametrize("url", ["/recognition/budgets", "/recognition/award-types",
                                 "/recognition/import", "/recognition/people",
                                 "/recognition/complaints/report"])
def test_hr_pages_refuse_supervisors(supervisor_client, url):
    assert supervisor_client.get(url).status_code == 403


def test_tokens_are_for_admins_only(hr_client, admin_client):
    assert hr_client.get("/recognition/tokens").status_code == 403
    assert admin_client.get("/recognition/tokens").status_code == 200


@pytest.mark.parametrize("url", ["/board", "/board/display", "/recognition/me",
                                 "/recognition/peer-card", "/recognition/log"])
def test_staff_pages_open_for_staff(staff_client, url):
    assert staff_client.get(url).status_code == 200


def test_supervisor_of_another_department_cannot_decide_or_rescind(app, department,
                                                                   supervisor):
    make_user(Role.STAFF, department, first_name="Jürgen")
    feedback = praise(department.site, "Jurgen", "Nice")
    card = ensure_award_types()[0]
    award = give_award(supervisor, feedback.matched[0], card, value_id=None, message="")
    other = make_user(Role.SUPERVISOR, make_department("Spa", department.site))
    db.session.commit()
    client = app.test_client()
    client.login(other)
    assert client.post(f"/recognition/inbox/{feedback.id}/approve",
                       data={"approve-value": "1"}).status_code == 403
    assert client.post(f"/recognition/awards/{award.id}/rescind",
                       data={"reason": "mine now"}).status_code == 403


def test_heroes_of_another_site_are_refused(app, supervisor_client, department):
    ny = make_site("new-york", "America/New_York")
    db.session.commit()
    assert supervisor_client.get(f"/recognition/heroes?site={ny.id}").status_code == 403


def test_staff_log_credits_the_author_and_waits_for_the_supervisor(staff, staff_client,
                                                                   supervisor_client):
    response = staff_client.post("/recognition/log", data={
        "source": "comment-card", "text": "Lena was the friendliest person we met in Berlin."})
    assert response.status_code == 303
    inbox = supervisor_client.get("/recognition/inbox").get_data(as_text=True)
    assert "friendliest person" in inbox and "Lena" in inbox
    assert staff_client.post("/recognition/log", data={"source": "fax", "text": "x"}
                             ).status_code == 400


def test_hr_edits_aliases_that_matching_then_uses(hr_client, department):
    from recognition.matching import match_at_site

    person = make_user(Role.STAFF, department, first_name="Agnieszka")
    db.session.commit()
    assert hr_client.post(f"/recognition/people/{person.id}",
                          data={"aliases": "Aga, Agnes"}).status_code == 303
    assert match_at_site(department.site_id, "Agnes", "").matched == [person.id]


def test_staff_see_the_hall_of_heroes(staff_client):
    page = staff_client.get("/recognition/hall-of-heroes")
    assert page.status_code == 200 and "Hall of heroes" in page.get_data(as_text=True)


def test_hr_hub_and_team_page_link_to_recognition(hr_client, supervisor_client, admin_client):
    hub = hr_client.get("/hr").get_data(as_text=True)
    for label in ("Praise inbox", "Complaints by value and department", "Recognition fairness",
                  "Award budgets", "Service heroes", "Import reviews (CSV)"):
        assert label in hub
    assert "API tokens" not in hub
    assert "API tokens" in admin_client.get("/hr").get_data(as_text=True)
    team = supervisor_client.get("/team").get_data(as_text=True)
    assert "Praise inbox" in team and "QR poster for guests" in team
