"""The moderation inbox: scope, match, value required, approve/reject, privacy, conflicts."""

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from recognition.models import BoardItem, Feedback
from tests.support import count_queries, make_department, make_user

from .helpers import praise


def _pending(department, names="Jurgen", text="Jurgen found our lost passport. Erika M."):
    make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß")
    feedback = praise(department.site, names, text, customer_name="Erika M.",
                      customer_email="erika@example.com", reply_consent=True)
    db.session.commit()
    return feedback


def test_supervisor_sees_own_department_only(app, department, supervisor_client):
    mine = _pending(department)
    other_dept = make_department("Spa", department.site)
    make_user(Role.STAFF, other_dept, first_name="Björn")
    theirs = praise(department.site, "Björn", "Björn gave the best massage")
    db.session.commit()
    inbox = supervisor_client.get("/recognition/inbox").get_data(as_text=True)
    assert f"/recognition/inbox/{mine.id}" in inbox
    assert f"/recognition/inbox/{theirs.id}" not in inbox
    assert supervisor_client.get(f"/recognition/inbox/{theirs.id}").status_code == 403


def test_hr_sees_every_department(department, hr_client):
    feedback = _pending(department)
    assert f"/recognition/inbox/{feedback.id}" in hr_client.get("/recognition/inbox").get_data(
        as_text=True)


def test_staff_cannot_open_the_inbox(department, staff_client):
    feedback = _pending(department)
    assert staff_client.get("/recognition/inbox").status_code == 403
    assert staff_client.post(f"/recognition/inbox/{feedback.id}/approve").status_code == 403


def test_value_is_required_and_suggested(department, supervisor_client, value):
    feedback = _pending(department, text="Jurgen gave us a warm welcome at midnight.")
    page = supervisor_client.get(f"/recognition/inbox/{feedback.id}").get_data(as_text=True)
    assert "Suggested: Warm welcome" in page
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                                      data={"approve-value": "0"})
    assert response.status_code == 400
    assert "Choose the service value" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Feedback, feedback.id).status == "pending"


def test_approve_puts_redacted_praise_on_the_board_without_guest_details(
        department, supervisor_client, value, staff_client):
    feedback = _pending(department, text="Jurgen helped! Write to erika@example.com")
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                                      data={"approve-value": str(value.id)})
    assert response.status_code == 303
    board = staff_client.get("/board").get_data(as_text=True)
    assert "Jurgen helped!" in board
    assert "erika@example.com" not in board and "Erika M." not in board
    assert "Warm welcome" in board


def test_second_moderator_gets_409_with_who_decided(department, supervisor, value, hr_client,
                                                    supervisor_client):
    feedback = _pending(department)
    assert supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                                  data={"approve-value": str(value.id)}).status_code == 303
    late = hr_client.post(f"/recognition/inbox/{feedback.id}/reject",
                          data={"reject-reason": "spam"})
    assert late.status_code == 409
    assert f"{supervisor.full_name} already approved" in late.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BoardItem)) == 1


def test_reject_needs_a_reason_and_keeps_the_feedback(department, supervisor_client):
    feedback = _pending(department)
    assert supervisor_client.post(f"/recognition/inbox/{feedback.id}/reject",
                                  data={"reject-reason": ""}).status_code == 400
    assert supervisor_client.post(f"/recognition/inbox/{feedback.id}/reject",
                                  data={"reject-reason": "Not about us"}).status_code == 303
    db.session.expire_all()
    stored = db.session.get(Feedback, feedback.id)
    assert stored.status == "rejected" and stored.reject_reason == "Not about us"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BoardItem)) == 0


def test_edit_for_privacy_redacts_again(department, supervisor_client, value, staff_client):
    feedback = _pending(department)
    supervisor_client.post(f"/recognition/inbox/{feedback.id}/edit", data={
        "edit-public_text": "Jurgen found our passport. Call +49 30 1234 5678."})
    supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                           data={"approve-value": str(value.id)})
    board = staff_client.get("/board").get_data(as_text=True)
    assert "Jurgen found our passport." in board
    assert "1234 5678" not in board and "Erika" not in board


def test_change_match_and_credit_department_only(department, supervisor_client, value):
    feedback = _pending(department, names="someone", text="Someone at the desk was lovely")
    assert feedback.matched == []
    # Approving without anyone to credit is refused.
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                                      data={"approve-value": str(value.id)})
    assert response.status_code == 400
    other = make_user(Role.STAFF, department, first_name="Paula")
    db.session.commit()
    supervisor_client.post(f"/recognition/inbox/{feedback.id}/match",
                           data={"match-people": [str(other.id)], "match-department": "0"})
    db.session.expire_all()
    assert [u.id for u in db.session.get(Feedback, feedback.id).matched] == [other.id]
    supervisor_client.post(f"/recognition/inbox/{feedback.id}/match",
                           data={"match-department": str(department.id)})
    db.session.expire_all()
    stored = db.session.get(Feedback, feedback.id)
    assert stored.matched == [] and stored.department_id == department.id
    assert supervisor_client.post(f"/recognition/inbox/{feedback.id}/approve",
                                  data={"approve-value": str(value.id)}).status_code == 303


def test_match_refuses_people_of_another_site(department, supervisor_client):
    from tests.support import make_site

    feedback = _pending(department)
    stranger = make_user(Role.STAFF, make_department("Spa", make_site("new-york")))
    db.session.commit()
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/match",
                                      data={"match-people": [str(stranger.id)]})
    assert response.status_code == 400


def test_inbox_query_count_is_the_same_for_1_and_50(department, supervisor_client, value):
    _pending(department)
    supervisor_client.get("/recognition/inbox")
    with count_queries() as one:
        assert supervisor_client.get("/recognition/inbox").status_code == 200
    for i in range(49):
        praise(department.site, "Jurgen", f"Thanks number {i}")
    db.session.commit()
    with count_queries() as many:
        page = supervisor_client.get("/recognition/inbox").get_data(as_text=True)
    assert page.count("/recognition/inbox/") >= 20
    assert many.count == one.count


def test_one_tap_confirms_a_candidate(department, supervisor_client):
    first = make_user(Role.STAFF, department, first_name="Anna", last_name="Albers")
    make_user(Role.STAFF, department, first_name="Anna", last_name="Brandt")
    feedback = praise(department.site, "Anna", "Anna booked us a table")
    db.session.commit()
    page = supervisor_client.get(f"/recognition/inbox/{feedback.id}").get_data(as_text=True)
    assert "Pick the person the guest meant" in page
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/match",
                                      data={"match-people": str(first.id)})
    assert response.status_code == 303
    db.session.expire_all()
    stored = db.session.get(Feedback, feedback.id)
    assert [u.id for u in stored.matched] == [first.id] and stored.candidates == []
