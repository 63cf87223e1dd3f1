"""Required training: assign a quiz to a person, department, site or role; statuses.

Who an assignment applies to is decided when it is read, from the current people: someone who
joins a department later gets its open assignments. A late joiner (account created after the
assignment) gets as much time as everyone else had: their due date is the later of the
assignment's due date and their start day plus the original period.

Which attempts count: for an assignment to a group (site, department, role) every attempt at
the quiz; for a targeted one (one person, e.g. retraining after a complaint) only attempts made
since it was assigned, so an old pass does not settle it.

Status per person, first match wins: passed (a passing attempt that counts),
overdue (past the due date without a pass), in progress (an attempt open), failed (attempts
submitted, none passing), not started.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from lineup.audit import record
from lineup.extensions import db
from lineup.models import Department, Role, Site, User
from lineup.permissions import can_manage_department, is_org_wide

from .errors import QuizError
from .models import Assignment, Attempt, Quiz
from .spaced import local_today


class Status(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"
    FAILED = "failed"
    OVERDUE = "overdue"


STATUS_LABELS = {
    Status.NOT_STARTED: _l("Not started"),
    Status.IN_PROGRESS: _l("In progress"),
    Status.PASSED: _l("Passed"),
    Status.FAILED: _l("Failed"),
    Status.OVERDUE: _l("Overdue"),
}


def assign_quiz(actor: User | None, quiz: Quiz, *, due_on: date, user: User | None = None,
                department: Department | None = None, site: Site | None = None,
                role: Role | str | None = None, note: str | None = None) -> Assignment:
    """Require `quiz` of exactly one target by `due_on`; QuizError when not allowed.

    A targeted assignment (one person) is seen only by that person, their supervisor and HR.
    `actor` None is the system (demo data, automations).
    """
    targets = [t for t in (user, department, site, role) if t is not None]
    if len(targets) != 1:
        raise QuizError(_("Choose exactly one target: a person, a department, a site or a role."),
                        400)
    if quiz.archived:
        raise QuizError(_("This quiz is archived."), 409)
    if role is not None and Role(role) not in (Role.STAFF, Role.SUPERVISOR):
        raise QuizError(_("Training can be assigned to staff or supervisors."), 400)
    if actor is not None and not is_org_wide(actor):
        allowed = (user is not None and can_manage_department(actor, user.department_id)) or (
            department is not None and can_manage_department(actor, department.id))
        if not allowed:
            raise QuizError(_("You can only assign training within your departments."), 403)
    assignment = Assignment(
        quiz=quiz, assigned_by_id=actor.id if actor else None, due_on=due_on,
        user_id=user.id if user else None, department_id=department.id if department else None,
        site_id=site.id if site else None, role=Role(role).value if role else None,
        note=(note or "").strip()[:2000])
    db.session.add(assignment)
    record(actor, "quiz.assigned", assignment, {"quiz": quiz.id, "due_on": due_on.isoformat()})
    return assignment


def cancel(actor: User, assignment: Assignment) -> None:
    """Withdraw an assignment; past attempts stay."""
    assignment.cancelled = True
    record(actor, "quiz.assignment_cancelled", assignment)


def _targets(user: User):
    return sa.or_(
        Assignment.user_id == user.id,
        sa.and_(Assignment.department_id.is_not(None),
                Assignment.department_id == user.department_id),
        sa.and_(Assignment.site_id.is_not(None), Assignment.site_id == user.site_id),
        Assignment.role == user.role,
    )


def personal_due_on(assignment: Assignment, joined: datetime) -> date:
    """The due date for one person: later for someone who joined after it was assigned."""
    assigned_on = assignment.created_at.date()
    joined_on = joined.date()
    if assignment.user_id is not None or joined_on <= assigned_on:
        return assignment.due_on
    return max(assignment.due_on, joined_on + (assignment.due_on - assigned_on))


def status_of(passed: bool, open_attempt: bool, submitted: int, due_on: date,
              today: date) -> Status:
    """The rule from the module docstring."""
    if passed:
        return Status.PASSED
    if today > due_on:
        return Status.OVERDUE
    if open_attempt:
        return Status.IN_PROGRESS
    if submitted:
        return Status.FAILED
    return Status.NOT_STARTED


@dataclass
class PersonStatus:
    assignment: Assignment
    user: User
    status: Status
    due_on: date
    best: float | None

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])


def _attempt_summary(assignment_ids_users: sa.Select) -> sa.Select:
    """Per (assignment, user): passed?, open attempt?, submitted count, best score."""
    pairs = assignment_ids_users.subquery()
    passed = sa.func.max(sa.case((Attempt.passed.is_(True), 1), else_=0))
    open_ = sa.func.max(sa.case(
        (sa.and_(Attempt.id.is_not(None), Attempt.submitted_at.is_(None)), 1), else_=0))
    submitted = sa.func.count(Attempt.submitted_at)
    return (
        sa.select(pairs.c.assignment_id, pairs.c.user_id, passed, open_, submitted,
                  sa.func.max(Attempt.score))
        .select_from(pairs)
        .outerjoin(Attempt, sa.and_(Attempt.user_id == pairs.c.user_id,
                                    Attempt.quiz_id == pairs.c.quiz_id,
                                    sa.or_(pairs.c.target_user_id.is_(None),
                                           Attempt.started_at >= pairs.c.created_at)))
        .group_by(pairs.c.assignment_id, pairs.c.user_id)
    )


def _members_join():
    return sa.and_(User.active.is_(True), sa.or_(
        User.id == Assignment.user_id,
        User.department_id == Assignment.department_id,
        User.site_id == Assignment.site_id,
        User.role == Assignment.role))


def statuses(assignments: list[Assignment], *, user_ids: list[int] | None = None,
             department_ids: list[int] | None = None) -> list[PersonStatus]:
    """Everyone's status for these assignments (one query), optionally only some people
    or departments; sorted by assignment due date, then name."""
    if not assignments:
        return []
    by_id = {a.id: a for a in assignments}
    pairs = (sa.select(Assignment.id.label("assignment_id"), User.id.label("user_id"),
                       Assignment.quiz_id, Assignment.created_at,
                       Assignment.user_id.label("target_user_id"))
             .join(User, _members_join())
             .where(Assignment.id.in_(list(by_id))))
    if user_ids is not None:
        pairs = pairs.where(User.id.in_(user_ids))
    if department_ids is not None:
        pairs = pairs.where(User.department_id.in_(department_ids))
    rows = db.session.execute(_attempt_summary(pairs)).all()
    users = {u.id: u for u in db.session.scalars(
        sa.select(User).where(User.id.in_({r[1] for r in rows}))
        .options(sa.orm.selectinload(User.site)))} if rows else {}
    result = []
    for assignment_id, user_id, passed, open_, submitted, best in rows:
        assignment, person = by_id[assignment_id], users[user_id]
        due = personal_due_on(assignment, person.created_at)
        today = local_today(person.site)
        result.append(PersonStatus(assignment, person,
                                   status_of(bool(passed), bool(open_), submitted, due, today),
                                   due, best))
    result.sort(key=lambda s: (s.due_on, s.user.last_name, s.user.first_name, s.assignment.id))
    return result


def my_training(user: User) -> list[PersonStatus]:
    """The person's own open assignments with their status, by due date."""
    assignments = list(db.session.scalars(
        sa.select(Assignment).where(Assignment.cancelled.is_(False), _targets(user))
        .options(sa.orm.selectinload(Assignment.quiz))))
    return statuses(assignments, user_ids=[user.id])


def is_assigned(user: User, quiz: Quiz) -> bool:
    """Whether an open assignment requires `quiz` of `user`."""
    return db.session.scalar(sa.select(sa.exists().where(
        Assignment.quiz_id == quiz.id, Assignment.cancelled.is_(False), _targets(user)))) or False


def visible_assignments(viewer: User):
    """A select of the assignments `viewer` may see: HR all; supervisors those that reach
    their departments (their departments', their sites', by role, and targeted ones for their
    own people -- never another team's targeted ones); staff none."""
    stmt = sa.select(Assignment).where(Assignment.cancelled.is_(False))
    if is_org_wide(viewer):
        return stmt
    departments = list(viewer.led_departments)
    department_ids = [d.id for d in departments]
    people = sa.select(User.id).where(User.department_id.in_(department_ids))
    return stmt.where(sa.or_(Assignment.department_id.in_(department_ids),
                             Assignment.site_id.in_({d.site_id for d in departments}),
                             Assignment.role.is_not(None),
                             Assignment.user_id.in_(people),
                             Assignment.assigned_by_id == viewer.id))


def summary_counts(assignments: list[Assignment], viewer: User) -> dict[int, dict[str, int]]:
    """Per assignment: how many people are in each status (in the viewer's scope)."""
    scope = None if is_org_wide(viewer) else [d.id for d in viewer.led_departments]
    counts: dict[int, dict[str, int]] = {a.id: {s.value: 0 for s in Status} for a in assignments}
    for row in statuses(assignments, department_ids=scope):
        counts[row.assignment.id][row.status.value] += 1
    for value in counts.values():
        value["total"] = sum(value.values())
    return counts
