"""The pages of the line-up as a supervisor, a staff member and HR see them."""

import pytest
import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from training.models import Acknowledgement, Attendance, LineUp, Pulse, ServiceValue

from ..support import make_department, make_user
from .helpers import make_value


@pytest.fixture
def value(app, frozen):
    value = make_value(1, "Respect every guest", "Jeden Gast respektieren",
                       prompts_en="Where is respect hard?\nHow does a guest notice it?",
                       prompts_de="Wo fällt Respekt schwer?\nWoran merkt es ein Gast?")
    db.session.commit()
    return value


def _start(client, department, shift="morning", **extra):
    return client.post("/line-up/start", data={"department": department.id, "shift": shift,
                                                **extra})


def test_supervisor_starts_and_saves_todays_line_up(supervisor_client, department, staff, value):
    response = _start(supervisor_client, department)
    assert response.status_code == 302
    page = supervisor_client.get(response.headers["Location"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Respect every guest" in html and "Where is respect hard?" in html
    assert staff.full_name in html and "15:00" in html
    lineup = db.session.scalars(sa.select(LineUp)).one()
    saved = supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": lineup.version, f"status-{staff.id}": "present",
        "wow_story": "Lena found a guest's passport.", "wow_story_by": "Lena", "notes": ""})
    assert saved.status_code == 302
    assert db.session.scalar(sa.select(Attendance.status)) == "present"
    after = supervisor_client.get(f"/line-up/{lineup.id}").get_data(as_text=True)
    assert "Lena found a guest&#39;s passport." in after


def test_starting_again_opens_the_same_line_up(supervisor_client, department, value):
    first = _start(supervisor_client, department).headers["Location"]
    second = _start(supervisor_client, department).headers["Location"]
    assert first == second


def test_staff_cannot_run_a_line_up(staff_client, department, value):
    assert _start(staff_client, department).status_code == 403


def test_supervisor_cannot_run_another_departments_line_up(supervisor_client, supervisor,
                                                           value):
    spa = make_department("Spa")
    spa_lead = make_user(Role.SUPERVISOR, spa)
    db.session.commit()
    assert _start(supervisor_client, spa).status_code == 403
    other = make_user(Role.SUPERVISOR, spa)
    db.session.commit()
    foreign = LineUp(date=value.created_at.date(), site_id=spa.site_id, department_id=spa.id,
                     shift="morning", leader_id=spa_lead.id)
    db.session.add(foreign)
    db.session.commit()
    assert supervisor_client.get(f"/line-up/{foreign.id}").status_code == 403
    assert supervisor_client.get(f"/line-up/{foreign.id}/card").status_code == 403
    assert supervisor_client.post(f"/line-up/{foreign.id}", data={"version": 1}).status_code == 403
    assert other.id


@pytest.mark.parametrize(("data", "status"), [
    ({"department": 999999, "shift": "morning"}, 404),
    ({"department": "abc", "shift": "morning"}, 400),
    ({"shift": "brunch"}, 400),
    ({"shift": "custom", "custom_shift": ""}, 400),
])
def test_bad_start_requests_get_a_clear_4xx(supervisor_client, department, value, data, status):
    data = {"department": department.id, **data}
    response = supervisor_client.post("/line-up/start", data=data)
    assert response.status_code == status
    assert db.session.scalar(sa.select(sa.func.count(LineUp.id))) == 0


def test_attendance_for_an_outsider_is_a_400_and_saves_nothing(supervisor_client, department,
                                                                staff, value):
    outsider = make_user(Role.STAFF, make_department("Spa"))
    db.session.commit()
    _start(supervisor_client, department)
    lineup = db.session.scalars(sa.select(LineUp)).one()
    response = supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": lineup.version, f"status-{staff.id}": "present",
        f"status-{outsider.id}": "present"})
    assert response.status_code == 400
    assert "people of this department" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 0


def test_a_racing_second_save_gets_409(supervisor_client, department, staff, value):
    _start(supervisor_client, department)
    lineup = db.session.scalars(sa.select(LineUp)).one()
    version = lineup.version
    ok = supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": version, f"status-{staff.id}": "present"})
    late = supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": version, f"status-{staff.id}": "absent"})
    assert ok.status_code == 302 and late.status_code == 409
    assert "Someone else saved" in late.get_data(as_text=True)
    assert db.session.scalar(sa.select(Attendance.status)) == "present"


def test_a_finished_line_up_is_read_only_for_the_supervisor(supervisor_client, department,
                                                            staff, value, frozen):
    _start(supervisor_client, department)
    lineup = db.session.scalars(sa.select(LineUp)).one()
    frozen.set(2026, 3, 11, 8, 0)
    page = supervisor_client.get(f"/line-up/{lineup.id}").get_data(as_text=True)
    assert "read-only" in page and f'name="status-{staff.id}"' not in page
    response = supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": lineup.version, f"status-{staff.id}": "present"})
    assert response.status_code == 409


def test_staff_sees_the_value_and_acknowledges_it(staff_client, staff, value, frozen):
    today = staff_client.get("/").get_data(as_text=True)
    assert "Respect every guest" in today and "Read and acknowledge" in today
    response = staff_client.post("/line-up/acknowledge")
    assert response.status_code == 302
    ack = db.session.scalars(sa.select(Acknowledgement)).one()
    assert ack.user_id == staff.id and ack.acknowledged_at == frozen.current
    today = staff_client.get("/").get_data(as_text=True)
    assert "Read and acknowledge" not in today and "Acknowledged at" in today


def test_an_attendee_gets_the_pulse_instead_of_acknowledging(app, supervisor_client, staff_client,
                                                             department, staff, value):
    _start(supervisor_client, department)
    lineup = db.session.scalars(sa.select(LineUp)).one()
    supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": lineup.version, f"status-{staff.id}": "present"})
    today = staff_client.get("/").get_data(as_text=True)
    assert "Read and acknowledge" not in today and "useful?" in today
    response = staff_client.post(f"/line-up/{lineup.id}/pulse",
                                 data={"useful": "yes", "comment": "Short and good"})
    assert response.status_code == 302
    assert db.session.scalars(sa.select(Pulse)).one().useful is True
    assert staff_client.post(f"/line-up/{lineup.id}/pulse", data={}).status_code == 400
    history = staff_client.get("/line-up/history").get_data(as_text=True)
    assert "Respect every guest" in history


def test_german_staff_read_german_text_and_see_the_fallback_marker(app, department, frozen):
    make_value(1, "Only English title", "", body_de="Deutscher Text")
    german = make_user(Role.STAFF, department, language="de")
    db.session.commit()
    client = app.test_client()
    client.login(german)
    html = client.get("/").get_data(as_text=True)
    assert "Wert des Tages" in html and "Lesen und bestätigen" in html
    assert "Only English title" in html and "Nur auf Englisch" in html
    assert "Deutscher Text" in html


def test_standards_library_hr_edits_and_archives(hr_client, staff_client, value):
    assert "Respect every guest" in staff_client.get("/line-up/standards").get_data(as_text=True)
    response = hr_client.post("/line-up/standards/new", data={
        "kind": "value", "number": 2, "title_en": "Say thank you", "title_de": "Danke sagen",
        "body_en": "", "body_de": "", "examples_en": "", "examples_de": "",
        "prompts_en": "Whom did you thank today?\nWhy does it matter?", "prompts_de": "",
        "source": ""})
    assert response.status_code == 302
    new = db.session.scalars(sa.select(ServiceValue).where(ServiceValue.number == 2)).one()
    bad = hr_client.post(f"/line-up/standards/{new.id}/edit", data={
        "kind": "value", "title_en": "", "title_de": "", "prompts_en": "Only one?"})
    assert bad.status_code == 400
    assert hr_client.post(f"/line-up/standards/{new.id}/archive").status_code == 302
    db.session.refresh(new)
    assert new.archived
    assert "Say thank you" not in staff_client.get("/line-up/standards").get_data(as_text=True)
    assert staff_client.get(f"/line-up/standards/{new.id}").status_code == 404
    assert staff_client.post(f"/line-up/standards/{new.id}/archive").status_code == 403


def test_calendar_shows_the_month_and_refuses_bad_months(supervisor_client, value):
    page = supervisor_client.get("/line-up/calendar?month=2026-03")
    assert page.status_code == 200 and "Respect every guest" in page.get_data(as_text=True)
    for bad in ("2026-13", "March", "1800-01"):
        assert supervisor_client.get(f"/line-up/calendar?month={bad}").status_code == 400


def test_hr_pins_a_custom_topic(hr_client, value):
    response = hr_client.post("/line-up/pins/new", data={
        "start_date": "2026-03-12", "end_date": "2026-03-12", "value": 0,
        "title_en": "Fire drill", "title_de": "Brandschutzübung", "body_en": "", "body_de": "",
        "prompts_en": "", "prompts_de": ""})
    assert response.status_code == 302
    page = hr_client.get("/line-up/calendar?month=2026-03").get_data(as_text=True)
    assert "Fire drill" in page
    reversed_range = hr_client.post("/line-up/pins/new", data={
        "start_date": "2026-03-12", "end_date": "2026-03-01", "value": value.id})
    assert reversed_range.status_code == 400


def test_supervisor_adds_a_note_for_their_site_only(supervisor_client, supervisor, value):
    from ..support import make_site

    other_site = make_site("new-york", "America/New_York")
    db.session.commit()
    ok = supervisor_client.post("/line-up/notes/new", data={
        "site": supervisor.department.site_id, "start_date": "2026-03-10",
        "end_date": "2026-03-10", "text": "VIP arrives at noon"})
    assert ok.status_code == 302
    foreign = supervisor_client.post("/line-up/notes/new", data={
        "site": other_site.id, "start_date": "2026-03-10", "end_date": "2026-03-10",
        "text": "Not mine"})
    assert foreign.status_code == 403
    assert "VIP arrives at noon" in supervisor_client.get("/line-up/").get_data(as_text=True)


def test_printable_card(supervisor_client, department, staff, value):
    location = _start(supervisor_client, department).headers["Location"]
    card = supervisor_client.get(location + "/card")
    assert card.status_code == 200
    html = card.get_data(as_text=True)
    assert "lineup-card" in html and staff.full_name in html and "training.css" in html


def test_staff_catch_up_on_a_missed_line_up_from_today(supervisor_client, staff_client,
                                                       department, staff, value, frozen):
    _start(supervisor_client, department)
    lineup = db.session.scalars(sa.select(LineUp)).one()
    supervisor_client.post(f"/line-up/{lineup.id}", data={
        "version": lineup.version, f"status-{staff.id}": "absent"})
    frozen.set(2026, 3, 11, 9, 0)
    today = staff_client.get("/").get_data(as_text=True)
    assert "You missed 1 line-up this week" in today
    assert staff_client.post("/line-up/acknowledge", data={"day": "2026-03-10"}
                             ).status_code == 302
    ack = db.session.scalars(sa.select(Acknowledgement)).one()
    assert ack.lineup_id == lineup.id
    assert "You missed" not in staff_client.get("/").get_data(as_text=True)
    for bad in ("2026-02-01", "10.03.2026"):
        assert staff_client.post("/line-up/acknowledge", data={"day": bad}).status_code == 400
