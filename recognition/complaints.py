"""Complaints: private, owned, followed up, and turned into targeted training."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.audit import record
from lineup.extensions import db
from lineup.models import Department, Role, User
from lineup.permissions import can_manage_department

from .models import ComplaintNote, ComplaintState, Feedback, FeedbackPerson, Kind
from .services import RecognitionError, scope_clause

ORDER = [s.value for s in ComplaintState]


def complaints_query(user: User, state: str | None = None, mine: bool = False) -> sa.Select:
    """Complaints this user may follow up, oldest due first."""
    stmt = (sa.select(Feedback)
            .where(Feedback.kind == Kind.COMPLAINT.value, scope_clause(user))
            .options(selectinload(Feedback.owner), selectinload(Feedback.department),
                     selectinload(Feedback.site), selectinload(Feedback.value),
                     selectinload(Feedback.people).selectinload(FeedbackPerson.user))
            .order_by(Feedback.due_on.is_(None), Feedback.due_on, Feedback.id))
    if state in ORDER:
        stmt = stmt.where(Feedback.complaint_state == state)
    if mine:
        stmt = stmt.where(Feedback.owner_id == user.id)
    return stmt


def next_state(complaint: Feedback) -> str | None:
    """The state a complaint moves to next, or None once followed up."""
    index = ORDER.index(complaint.complaint_state or ComplaintState.NEW.value)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def _require_complaint(complaint: Feedback) -> None:
    if complaint.kind != Kind.COMPLAINT.value:
        raise RecognitionError(_("This is not a complaint."), 404)


def advance(actor: User, complaint: Feedback, to_state: str, expected: str) -> None:
    """Move one step: new -> acknowledged -> resolved -> followed up; no skipping, no racing."""
    _require_complaint(complaint)
    if to_state not in ORDER or ORDER.index(to_state) != ORDER.index(expected) + 1:
        raise RecognitionError(_("A complaint moves one step at a time."))
    result = db.session.execute(
        sa.update(Feedback).where(Feedback.id == complaint.id,
                                  Feedback.complaint_state == expected)
        .values(complaint_state=to_state).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise RecognitionError(_("Someone else moved this complaint on. Please reload."), 409)
    db.session.refresh(complaint)
    record(actor, "complaint.state", complaint, {"from": expected, "to": to_state})


def update(actor: User, complaint: Feedback, *, owner_id: int | None, due_on: date | None,
           value_id: int | None, department_id: int | None) -> None:
    """Set owner (a supervisor of the department, or HR), due date, value and department."""
    _require_complaint(complaint)
    if department_id is not None:
        dept = db.session.get(Department, department_id)
        if dept is None or dept.site_id != complaint.site_id:
            raise RecognitionError(_("Choose a department of this site."))
        if not can_manage_department(actor, department_id):
            raise RecognitionError(_("You can only move complaints to your departments."), 403)
    if owner_id is not None:
        owner = db.session.get(User, owner_id)
        target = department_id or complaint.department_id
        if owner is None or not owner.has_role(Role.SUPERVISOR) or not (
                owner.has_role(Role.HR) or can_manage_department(owner, target)):
            raise RecognitionError(_("The owner must be a supervisor of the department or HR."))
    if value_id is not None:
        from training.models import ServiceValue

        if db.session.get(ServiceValue, value_id) is None:
            raise RecognitionError(_("Unknown service value."))
    complaint.owner_id, complaint.due_on = owner_id, due_on
    complaint.value_id, complaint.department_id = value_id, department_id
    record(actor, "complaint.update", complaint, {"owner_id": owner_id, "value_id": value_id,
                                                  "due_on": due_on.isoformat() if due_on
                                                  else None})


def add_note(actor: User, complaint: Feedback, text: str) -> ComplaintNote:
    """Add a private note to the complaint's history."""
    _require_complaint(complaint)
    text = (text or "").strip()
    if not text:
        raise RecognitionError(_("The note is empty."))
    if len(text) > 2000:
        raise RecognitionError(_("The note is too long (at most 2000 characters)."))
    note = ComplaintNote(feedback_id=complaint.id, author_id=actor.id, text=text)
    db.session.add(note)
    record(actor, "complaint.note", complaint, {})
    return note


def notes_of(complaint: Feedback) -> list[ComplaintNote]:
    """The complaint's notes, oldest first."""
    return list(db.session.scalars(
        sa.select(ComplaintNote).where(ComplaintNote.feedback_id == complaint.id)
        .options(selectinload(ComplaintNote.author)).order_by(ComplaintNote.created_at)))


def quizzes_for(complaint: Feedback) -> list:
    """Quizzes on the complaint's service value (empty when the quiz area is not there)."""
    if complaint.value_id is None:
        return []
    try:
        from quizzes.services import quizzes_for_value
    except ImportError:
        return []
    return list(quizzes_for_value(complaint.value_id))


def assign_training(actor: User, complaint: Feedback, quiz_id: int, *, due_on: date,
                    user_id: int | None, department_id: int | None):
    """Assign a quiz on the complaint's value to the employee concerned or the department.

    The assignment is private: the person, their supervisor and HR see it.
    """
    _require_complaint(complaint)
    quiz = next((q for q in quizzes_for(complaint) if q.id == quiz_id), None)
    if quiz is None:
        raise RecognitionError(_("Choose a quiz on the complaint's service value."))
    if (user_id is None) == (department_id is None):
        raise RecognitionError(_("Assign the quiz to one employee or to the department."))
    from quizzes.errors import QuizError
    from quizzes.services import assign_quiz

    note = _("Training after complaint #%(id)d", id=complaint.id)
    target: dict = {}
    if user_id is not None:
        person = db.session.get(User, user_id)
        if person is None or not can_manage_department(actor, person.department_id):
            raise RecognitionError(_("You can only assign training to your people."), 403)
        target["user"] = person
    else:
        dept = db.session.get(Department, department_id)
        if dept is None or not can_manage_department(actor, dept.id):
            raise RecognitionError(_("You can only assign training to your departments."), 403)
        target["department"] = dept
    try:
        assignment = assign_quiz(actor, quiz, due_on=due_on, note=note, **target)
    except QuizError as error:
        raise RecognitionError(error.message, error.status) from None
    title = quiz.title(actor.language)
    db.session.add(ComplaintNote(feedback_id=complaint.id, author_id=actor.id,
                                 text=_("Quiz assigned: %(quiz)s, due %(due)s",
                                        quiz=title, due=due_on.isoformat())))
    record(actor, "complaint.training", complaint, {"quiz_id": quiz_id, "user_id": user_id,
                                                    "department_id": department_id})
    return assignment


def report(since: date, site_id: int | None = None) -> list[tuple]:
    """Complaints per month, service value and department (one GROUP BY), for HR.

    Rows: (month "YYYY-MM", department name or None, value id or None, count).
    """
    from datetime import UTC, datetime, time

    start = datetime.combine(since, time.min, UTC)
    month = sa.func.substr(sa.cast(Feedback.created_at, sa.String), 1, 7)
    stmt = (sa.select(month.label("month"), Department.name, Feedback.value_id,
                      sa.func.count(Feedback.id))
            .select_from(Feedback)
            .outerjoin(Department, Department.id == Feedback.department_id)
            .where(Feedback.kind == Kind.COMPLAINT.value, Feedback.created_at >= start)
            .group_by(month, Department.name, Feedback.value_id)
            .order_by(month.desc(), Department.name))
    if site_id:
        stmt = stmt.where(Feedback.site_id == site_id)
    return [tuple(row) for row in db.session.execute(stmt)]
