"""The line-up in a real browser, in German: a supervisor on a phone, a staff member catching up."""

import pytest
import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from training import lineups
from training.models import Acknowledgement, Attendance

from ..conftest import login_in_browser
from ..support import make_user
from ..training.helpers import make_value

pytestmark = pytest.mark.browser


@pytest.fixture
def team(app, department):
    make_value(1, "Respect every guest", "Jeden Gast respektieren",
               prompts_de="Wo fällt uns Respekt schwer?\nWoran merkt ein Gast Respekt?")
    supervisor = make_user(Role.SUPERVISOR, department, first_name="Sabine", language="de")
    lena = make_user(Role.STAFF, department, first_name="Lena", last_name="Schmidt",
                     language="de")
    juergen = make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß",
                        language="de")
    db.session.commit()
    return {"supervisor": supervisor, "lena": lena, "juergen": juergen, "dept": department}


def test_supervisor_runs_the_line_up_on_a_phone_in_german(live_server, phone_page, team):
    page = phone_page
    login_in_browser(page, live_server, team["supervisor"])
    page.goto(f"{live_server.url}/line-up/")
    assert page.get_by_role("heading", name="Jeden Gast respektieren").is_visible()
    page.select_option("select[name=shift]", "morning")
    page.get_by_role("button", name="Line-up starten").click()
    page.wait_for_url("**/line-up/*")
    assert page.get_by_text("Wo fällt uns Respekt schwer?").is_visible()
    assert page.locator(".timer-clock").is_visible()
    page.locator("fieldset", has_text="Jürgen Weiß").get_by_text("Anwesend").click()
    page.locator("fieldset", has_text="Lena Schmidt").get_by_text("Abwesend").click()
    page.fill("textarea[name=wow_story]", "Jürgen hat einem Gast den verlorenen Ring gebracht.")
    page.get_by_role("button", name="Line-up speichern").click()
    page.wait_for_load_state()
    assert page.get_by_text("Line-up gespeichert.").is_visible()
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    db.session.expire_all()
    marks = dict(db.session.execute(sa.select(Attendance.user_id, Attendance.status)).all())
    assert marks == {team["juergen"].id: "present", team["lena"].id: "absent"}


def test_staff_who_missed_it_acknowledges_it_in_german(live_server, phone_page, team):
    lineup = lineups.start_lineup(team["dept"], "morning", team["supervisor"])
    lineups.save_lineup(lineup, team["supervisor"], version=lineup.version,
                        statuses={team["lena"].id: "absent"}, story="", story_by="", notes="")
    db.session.commit()
    page = phone_page
    login_in_browser(page, live_server, team["lena"])
    page.goto(f"{live_server.url}/")
    assert page.get_by_text("Wert des Tages").first.is_visible()
    assert page.get_by_role("heading", name="Jeden Gast respektieren").is_visible()
    page.get_by_role("button", name="Lesen und bestätigen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bestätigt um").is_visible()
    assert page.get_by_role("button", name="Lesen und bestätigen").count() == 0
    db.session.expire_all()
    ack = db.session.scalars(sa.select(Acknowledgement)).one()
    assert ack.user_id == team["lena"].id and ack.lineup_id == lineup.id
