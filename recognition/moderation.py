"""The moderation inbox: confirm who is meant, choose the value, approve or reject, edit."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.audit import record
from lineup.extensions import db
from lineup.hooks import WowStory
from lineup.models import Department, User, utcnow

from .matching import fold
from .models import Feedback, FeedbackPerson, Kind, Status
from .privacy import MAX_TEXT_EDIT, redact
from .services import RecognitionError, notify, scope_clause, service_values

_WORD = re.compile(r"[^\W\d_]{4,}", re.U)
_COMMON = {"with", "that", "this", "have", "were", "very", "from", "they", "their", "your",
           "what", "when", "sehr", "eine", "einen", "nicht", "wir", "haben", "unser", "unsere",
           "und", "der", "die", "das", "mit", "sich", "auch", "hotel", "gast", "guest"}


def suggest_value(text: str) -> int | None:
    """The service value whose words the text shares most (None if nothing overlaps)."""
    words = {fold(w) for w in _WORD.findall(text or "")} - _COMMON
    best, best_score = None, 0
    for value in service_values():
        vocabulary = " ".join(filter(None, (
            value.title_en, value.title_de, getattr(value, "body_en", ""),
            getattr(value, "body_de", ""))))
        value_words = {fold(w) for w in _WORD.findall(vocabulary)} - _COMMON
        # Compare stems loosely: "welcomed" meets "welcome", "freundlich" meets "freundliche".
        score = sum(1 for w in words if any(w[:5] == v[:5] for v in value_words))
        if score > best_score:
            best, best_score = value.id, score
    return best


def inbox_query(user: User, *, status: str = Status.PENDING.value, department_id: int | None = None
                ) -> sa.Select:
    """Praise and suggestions this user moderates, newest first, with what the page shows."""
    stmt = (sa.select(Feedback)
            .where(scope_clause(user), Feedback.kind != Kind.COMPLAINT.value,
                   Feedback.status == status)
            .options(selectinload(Feedback.people).selectinload(FeedbackPerson.user),
                     selectinload(Feedback.department).selectinload(Department.site),
                     selectinload(Feedback.site), selectinload(Feedback.value),
                     selectinload(Feedback.suggested_value))
            .order_by(Feedback.created_at.desc(), Feedback.id.desc()))
    if department_id:
        stmt = stmt.where(Feedback.department_id == department_id)
    return stmt


def _require_pending(feedback: Feedback) -> None:
    if feedback.status != Status.PENDING.value:
        raise RecognitionError(_decided_message(feedback), 409)


def _decided_message(feedback: Feedback) -> str:
    who = feedback.decided_by.full_name if feedback.decided_by else _("someone else")
    if feedback.status == Status.APPROVED.value:
        return _("%(name)s already approved this feedback.", name=who)
    return _("%(name)s already rejected this feedback.", name=who)


def set_match(actor: User, feedback: Feedback, user_ids: list[int],
              department_id: int | None) -> None:
    """Credit exactly `user_ids` (all of the feedback's site), or the department alone."""
    _require_pending(feedback)
    people = list(db.session.scalars(sa.select(User).where(User.id.in_(user_ids or [0]))))
    if len(people) != len(set(user_ids)) or any(p.site_id != feedback.site_id for p in people):
        raise RecognitionError(_("Choose people of this site only."))
    if department_id is not None:
        dept = db.session.get(Department, department_id)
        if dept is None or dept.site_id != feedback.site_id:
            raise RecognitionError(_("Choose a department of this site."))
    elif people:
        department_id = people[0].department_id
    if not people and department_id is None:
        raise RecognitionError(_("Choose at least one person or a department."))
    feedback.people.clear()
    db.session.flush()
    for person in people:
        feedback.people.append(FeedbackPerson(user_id=person.id, role="matched", score=1))
    feedback.department_id = department_id
    feedback.match_outcome = ("several" if len(people) > 1 else "one") if people else "department"
    record(actor, "feedback.match", feedback,
           {"users": sorted(p.id for p in people), "department_id": department_id})


def edit_public_text(actor: User, feedback: Feedback, text: str) -> None:
    """Replace what colleagues will read (contact details are redacted again)."""
    if not text.strip():
        raise RecognitionError(_("The text must not be empty."))
    if len(text) > MAX_TEXT_EDIT:
        raise RecognitionError(_("The text is too long."))
    feedback.public_text = redact(text.strip())
    record(actor, "feedback.edit", feedback, {})


def _decide(actor: User, feedback: Feedback, values: dict) -> None:
    """Move pending -> decided in one conditional UPDATE so two moderators cannot both win."""
    result = db.session.execute(
        sa.update(Feedback)
        .where(Feedback.id == feedback.id, Feedback.status == Status.PENDING.value)
        .values(decided_by_id=actor.id, decided_at=utcnow(), **values)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        db.session.refresh(feedback)
        raise RecognitionError(_decided_message(feedback), 409)
    db.session.refresh(feedback)


def approve(actor: User, feedback: Feedback, value_id: int | None) -> None:
    """Approve: a value and someone to credit (person or department) are required."""
    _require_pending(feedback)
    from training.models import ServiceValue

    if value_id is None or db.session.get(ServiceValue, value_id) is None:
        raise RecognitionError(_("Choose the service value this feedback shows."))
    if not feedback.matched and feedback.department_id is None:
        raise RecognitionError(_("Confirm who is meant (a person or a department) first."))
    _decide(actor, feedback, {"status": Status.APPROVED.value, "value_id": value_id})
    # Candidates nobody confirmed are dropped: only confirmed people are credited.
    for person in list(feedback.people):
        if person.role != "matched":
            feedback.people.remove(person)
    record(actor, "feedback.approve", feedback, {"value_id": value_id})
    if feedback.kind == Kind.PRAISE.value:
        from .board import publish_praise

        publish_praise(feedback)
        for person in feedback.matched:
            notify(person.id, "praise", feedback_id=feedback.id)


def reject(actor: User, feedback: Feedback, reason: str) -> None:
    """Reject with a reason; the feedback stays stored."""
    reason = (reason or "").strip()
    if not reason:
        raise RecognitionError(_("Give a reason for rejecting."))
    _require_pending(feedback)
    _decide(actor, feedback, {"status": Status.REJECTED.value, "reject_reason": reason[:500]})
    record(actor, "feedback.reject", feedback, {"reason": reason[:500]})


def mark_wow_story(actor: User, feedback: Feedback, wow: bool = True) -> None:
    """Mark approved praise as a wow story for the next line-up (or take the mark back)."""
    if feedback.kind != Kind.PRAISE.value or feedback.status != Status.APPROVED.value:
        raise RecognitionError(_("Only approved praise can become a wow story."))
    if feedback.used_at is not None:
        raise RecognitionError(_("This story was already read at a line-up."), 409)
    feedback.wow_story = wow
    record(actor, "feedback.wow_story", feedback, {"wow": wow})


def _attribution(feedback: Feedback) -> str:
    names = [p.display_name for p in feedback.matched]
    dept = feedback.department.name if feedback.department else ""
    if names and dept:
        return f"{', '.join(names)} ({dept})"
    return ", ".join(names) or dept


def wow_story_for(lineup) -> WowStory | None:
    """The most recent unused wow story of the line-up's department, else of its site.

    Marks it used by this line-up (a conditional UPDATE, so two line-ups never read the same
    story) and tells the people it praises.
    """
    already = db.session.scalars(sa.select(Feedback).where(
        Feedback.used_in_line_up_id == lineup.id)).first()
    if already is not None:
        return WowStory(already.public_text, _attribution(already), already.id)
    base = sa.select(Feedback.id).where(
        Feedback.wow_story.is_(True), Feedback.used_at.is_(None),
        Feedback.status == Status.APPROVED.value, Feedback.kind == Kind.PRAISE.value)
    order = (Feedback.decided_at.desc(), Feedback.id.desc())
    for condition in (Feedback.department_id == lineup.department_id,
                      Feedback.site_id == lineup.site_id):
        for feedback_id in db.session.scalars(base.where(condition).order_by(*order).limit(5)):
            taken = db.session.execute(
                sa.update(Feedback)
                .where(Feedback.id == feedback_id, Feedback.used_at.is_(None))
                .values(used_at=utcnow(), used_in_line_up_id=lineup.id)
                .execution_options(synchronize_session=False))
            if taken.rowcount == 1:
                feedback = db.session.get(Feedback, feedback_id)
                db.session.refresh(feedback)
                for person in feedback.matched:
                    notify(person.id, "wow_story", feedback_id=feedback.id)
                return WowStory(feedback.public_text, _attribution(feedback), feedback.id)
    return None
