"""Complaints: private, owned, one step at a time, notes, due dates, targeted quiz, HR report."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from quizzes.models import Assignment, Quiz, QuizDraw
from recognition.models import BoardItem, ComplaintNote, Feedback
from tests.support import make_department, make_user

from .helpers import praise


@pytest.fixture
def complaint(department, supervisor):
    make_user(Role.STAFF, department, first_name="Jürgen")
    feedback = praise(department.site, "Jurgen", "Jurgen was rude at check-in",
                      kind="complaint", rating=1)
    db.session.commit()
    return feedback


def test_complaint_gets_owner_state_and_due_date_and_stays_off_the_board(
        complaint, supervisor, supervisor_client, staff_client):
    assert complaint.complaint_state == "new"
    assert complaint.owner_id == supervisor.id
    assert complaint.due_on is not None
    assert "rude" not in staff_client.get("/board").get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BoardItem)) == 0
    # Not in the praise inbox either: complaints have their own list.
    assert "rude" not in supervisor_client.get("/recognition/inbox").get_data(as_text=True)
    assert supervisor_client.get(f"/recognition/inbox/{complaint.id}").status_code == 404
    listing = supervisor_client.get("/recognition/complaints").get_data(as_text=True)
    assert "rude" in listing


def test_states_move_one_step_at_a_time(complaint, supervisor_client):
    url = f"/recognition/complaints/{complaint.id}/state"
    skip = supervisor_client.post(url, data={"to_state": "resolved", "expected": "new"})
    assert skip.status_code == 400
    for expected, to_state in (("new", "acknowledged"), ("acknowledged", "resolved"),
                               ("resolved", "followed_up")):
        assert supervisor_client.post(url, data={"to_state": to_state, "expected": expected}
                                      ).status_code == 303
    db.session.expire_all()
    assert db.session.get(Feedback, complaint.id).complaint_state == "followed_up"
    stale = supervisor_client.post(url, data={"to_state": "acknowledged", "expected": "new"})
    assert stale.status_code == 409


def test_notes_due_date_and_value(complaint, supervisor_client, value):
    url = f"/recognition/complaints/{complaint.id}"
    due = date.today() + timedelta(days=5)
    response = supervisor_client.post(url, data={
        "owner": str(complaint.owner_id), "department": str(complaint.department_id),
        "value": str(value.id), "due_on": due.isoformat()})
    assert response.status_code == 303
    supervisor_client.post(f"{url}/notes", data={"text": "Called the guest and apologised."})
    page = supervisor_client.get(url).get_data(as_text=True)
    assert "Called the guest and apologised." in page
    db.session.expire_all()
    stored = db.session.get(Feedback, complaint.id)
    assert stored.value_id == value.id and stored.due_on == due
    assert supervisor_client.post(f"{url}/notes", data={"text": ""}).status_code == 400


def test_other_departments_and_staff_cannot_see_complaints(complaint, app, department):
    other_lead = make_user(Role.SUPERVISOR, make_department("Spa", department.site))
    staff = make_user(Role.STAFF, department)
    db.session.commit()
    lead = app.test_client()
    lead.login(other_lead)
    assert lead.get(f"/recognition/complaints/{complaint.id}").status_code == 403
    assert "rude" not in lead.get("/recognition/complaints").get_data(as_text=True)
    person = app.test_client()
    person.login(staff)
    assert person.get("/recognition/complaints").status_code == 403


def test_owner_assigns_a_targeted_quiz_on_the_value(complaint, supervisor_client, value):
    quiz = Quiz(title_en="Calm at check-in", title_de="Ruhig beim Check-in")
    quiz.draws = [QuizDraw(count=1, value_id=value.id)]
    db.session.add(quiz)
    complaint.value_id = value.id
    db.session.commit()
    page = supervisor_client.get(f"/recognition/complaints/{complaint.id}").get_data(
        as_text=True)
    assert "Calm at check-in" in page
    person = complaint.matched[0]
    response = supervisor_client.post(f"/recognition/complaints/{complaint.id}/training", data={
        "quiz": str(quiz.id), "person": str(person.id),
        "due_on": (date.today() + timedelta(days=7)).isoformat()})
    assert response.status_code == 303
    assignment = db.session.scalars(sa.select(Assignment)).one()
    assert assignment.user_id == person.id and assignment.department_id is None
    assert str(complaint.id) in assignment.note
    notes = db.session.scalars(sa.select(ComplaintNote.text)).all()
    assert any("Calm at check-in" in n for n in notes)
    whole = supervisor_client.post(f"/recognition/complaints/{complaint.id}/training", data={
        "quiz": str(quiz.id), "whole_department": "y",
        "due_on": (date.today() + timedelta(days=7)).isoformat()})
    assert whole.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment).where(
        Assignment.department_id == complaint.department_id)) == 1


def test_quiz_must_be_on_the_complaints_value(complaint, supervisor_client, value):
    quiz = Quiz(title_en="Unrelated", title_de="Anderes")
    db.session.add(quiz)
    complaint.value_id = value.id
    db.session.commit()
    response = supervisor_client.post(f"/recognition/complaints/{complaint.id}/training", data={
        "quiz": str(quiz.id), "person": str(complaint.matched[0].id),
        "due_on": date.today().isoformat()})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 0


def test_hr_report_by_value_and_department(complaint, hr_client, value):
    complaint.value_id = value.id
    db.session.commit()
    page = hr_client.get("/recognition/complaints/report").get_data(as_text=True)
    assert "Front Office" in page and "Warm welcome" in page
    month = complaint.created_at.strftime("%Y-%m")
    assert month in page
