"""The recognition board: what is published, who may see it, applause, peer cards, "mine"."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.audit import record
from lineup.extensions import db
from lineup.models import User, utcnow
from lineup.permissions import is_org_wide, led_department_ids

from .models import (
    Applause,
    Award,
    BoardItem,
    BoardItemPerson,
    Feedback,
    PeerCard,
    RecognitionNotice,
    StaffProfile,
    Status,
    Visibility,
)
from .services import RecognitionError, notify

PEER_MIN = 20
PEER_MAX = 1000
PEER_PER_WEEK = 3
_STRICTNESS = [Visibility.EVERYONE.value, Visibility.TEAM.value, Visibility.PRIVATE.value]


def strictest_visibility(user_ids: list[int]) -> str:
    """The most private choice among the people credited (no choice means everyone)."""
    if not user_ids:
        return Visibility.EVERYONE.value
    chosen = db.session.scalars(sa.select(StaffProfile.visibility).where(
        StaffProfile.user_id.in_(user_ids)))
    return max([Visibility.EVERYONE.value, *chosen], key=_STRICTNESS.index)


def _publish(item: BoardItem, user_ids: list[int]) -> BoardItem:
    item.visibility = strictest_visibility(user_ids)
    for uid in dict.fromkeys(user_ids):
        item.people.append(BoardItemPerson(user_id=uid))
    db.session.add(item)
    db.session.flush()
    return item


def publish_praise(feedback: Feedback) -> BoardItem:
    """Put approved praise on the board: redacted text only, never the customer's name."""
    people = feedback.matched
    headline = ", ".join(p.display_name for p in people) or (
        feedback.department.name if feedback.department else "")
    return _publish(BoardItem(
        kind="praise", feedback_id=feedback.id, site_id=feedback.site_id,
        department_id=feedback.department_id, value_id=feedback.value_id,
        headline=headline[:200], text=feedback.public_text,
        published_at=feedback.decided_at or utcnow()), [p.id for p in people])


def publish_award(award: Award) -> BoardItem:
    """Put an award on the board, visible as the recipient chose."""
    recipient = db.session.get(User, award.recipient_id)
    return _publish(BoardItem(
        kind="award", award_id=award.id, site_id=recipient.site_id,
        department_id=recipient.department_id, value_id=award.value_id,
        headline=recipient.display_name, text=award.message,
        published_at=award.created_at or utcnow()), [recipient.id])


def hide_award(award_id: int) -> None:
    """Take a rescinded award off the board (the row stays for the record)."""
    db.session.execute(sa.update(BoardItem).where(BoardItem.award_id == award_id)
                       .values(hidden=True).execution_options(synchronize_session=False))


def refresh_visibility(user_id: int) -> None:
    """After a person changes their choice, re-apply it to every item that credits them."""
    item_ids = list(db.session.scalars(sa.select(BoardItemPerson.item_id).where(
        BoardItemPerson.user_id == user_id)))
    if not item_ids:
        return
    people = db.session.execute(sa.select(BoardItemPerson.item_id, BoardItemPerson.user_id)
                                .where(BoardItemPerson.item_id.in_(item_ids)))
    by_item: dict[int, list[int]] = {}
    for item_id, uid in people:
        by_item.setdefault(item_id, []).append(uid)
    for item_id, uids in by_item.items():
        db.session.execute(sa.update(BoardItem).where(BoardItem.id == item_id)
                           .values(visibility=strictest_visibility(uids))
                           .execution_options(synchronize_session=False))


def visible_clause(viewer: User):
    """Board items the viewer may see: public ones, and team ones of their team."""
    everyone = BoardItem.visibility == Visibility.EVERYONE.value
    if is_org_wide(viewer):
        return sa.and_(BoardItem.hidden.is_(False),
                       BoardItem.visibility != Visibility.PRIVATE.value)
    teams = led_department_ids(viewer) | ({viewer.department_id} if viewer.department_id
                                          else set())
    team = sa.and_(BoardItem.visibility == Visibility.TEAM.value,
                   BoardItem.department_id.in_(teams or {0}))
    return sa.and_(BoardItem.hidden.is_(False), sa.or_(everyone, team))


PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}


def board_query(viewer: User, *, site_id: int | None = None, department_id: int | None = None,
                value_id: int | None = None, period: str | None = None,
                public_only: bool = False) -> sa.Select:
    """The board for `viewer`, newest first, filtered; everything the page shows preloaded."""
    stmt = sa.select(BoardItem).where(visible_clause(viewer))
    if public_only:
        stmt = stmt.where(BoardItem.visibility == Visibility.EVERYONE.value)
    if site_id:
        stmt = stmt.where(BoardItem.site_id == site_id)
    if department_id:
        stmt = stmt.where(BoardItem.department_id == department_id)
    if value_id:
        stmt = stmt.where(BoardItem.value_id == value_id)
    if period in PERIODS:
        stmt = stmt.where(BoardItem.published_at >= utcnow() - timedelta(days=PERIODS[period]))
    return stmt.options(
        selectinload(BoardItem.department), selectinload(BoardItem.site),
        selectinload(BoardItem.value),
        selectinload(BoardItem.award).selectinload(Award.type),
        selectinload(BoardItem.peer_card).selectinload(PeerCard.sender),
    ).order_by(BoardItem.published_at.desc(), BoardItem.id.desc())


def applauded_ids(viewer: User, item_ids: list[int]) -> set[int]:
    """Which of these items the viewer already applauded (one query)."""
    if not item_ids:
        return set()
    return set(db.session.scalars(sa.select(Applause.item_id).where(
        Applause.user_id == viewer.id, Applause.item_id.in_(item_ids))))


def applaud(viewer: User, item: BoardItem) -> bool:
    """One applause per person per item; False if the viewer had already applauded."""
    visible = db.session.scalar(sa.select(sa.func.count()).select_from(BoardItem).where(
        BoardItem.id == item.id, visible_clause(viewer)))
    if not visible:
        raise RecognitionError(_("This story is not on your board."), 404)
    try:
        with db.session.begin_nested():
            db.session.add(Applause(item_id=item.id, user_id=viewer.id))
    except sa.exc.IntegrityError:
        return False
    db.session.execute(sa.update(BoardItem).where(BoardItem.id == item.id)
                       .values(applause_count=BoardItem.applause_count + 1)
                       .execution_options(synchronize_session=False))
    return True


def send_peer_card(sender: User, recipient: User, value_id: int | None, message: str
                   ) -> PeerCard:
    """Recognise a colleague: not oneself, a real message, at most three a week."""
    from training.models import ServiceValue

    message = (message or "").strip()
    if recipient.id == sender.id:
        raise RecognitionError(_("You cannot send a card to yourself."))
    if recipient.site_id != sender.site_id or not recipient.active:
        raise RecognitionError(_("Choose a colleague of your site."))
    if value_id is None or db.session.get(ServiceValue, value_id) is None:
        raise RecognitionError(_("Choose the service value your colleague showed."))
    if len(message) < PEER_MIN:
        raise RecognitionError(_("Write at least %(n)d characters: what did they do?",
                                 n=PEER_MIN))
    if len(message) > PEER_MAX:
        raise RecognitionError(_("The message is too long (at most %(n)d characters).",
                                 n=PEER_MAX))
    # Lock the sender's row so two cards sent at once cannot both slip under the limit.
    db.session.execute(sa.select(User.id).where(User.id == sender.id).with_for_update())
    week_ago = utcnow() - timedelta(days=7)
    sent = db.session.scalar(sa.select(sa.func.count()).select_from(PeerCard).where(
        PeerCard.sender_id == sender.id, PeerCard.created_at >= week_ago))
    if sent >= PEER_PER_WEEK:
        raise RecognitionError(_("You have sent %(n)d cards in the last seven days; that is "
                                 "the limit. Try again in a few days.", n=PEER_PER_WEEK), 429)
    card = PeerCard(sender_id=sender.id, recipient_id=recipient.id, value_id=value_id,
                    message=message)
    db.session.add(card)
    db.session.flush()
    _publish(BoardItem(kind="peer", peer_card_id=card.id, site_id=recipient.site_id,
                       department_id=recipient.department_id, value_id=value_id,
                       headline=recipient.display_name, text=message,
                       published_at=card.created_at), [recipient.id])
    notify(recipient.id, "peer_card")
    record(sender, "peer_card.send", card, {"recipient_id": recipient.id})
    return card


def my_recognition(user: User, limit: int = 20) -> dict:
    """Praise, awards and cards a person received, newest first (bounded)."""
    praise = list(db.session.scalars(
        sa.select(Feedback)
        .where(Feedback.people.any(user_id=user.id), Feedback.status == Status.APPROVED.value,
               Feedback.kind == "praise")
        .options(selectinload(Feedback.value))
        .order_by(Feedback.decided_at.desc()).limit(limit)))
    awards = list(db.session.scalars(
        sa.select(Award).where(Award.recipient_id == user.id)
        .options(selectinload(Award.type), selectinload(Award.giver),
                 selectinload(Award.value))
        .order_by(Award.created_at.desc()).limit(limit)))
    cards = list(db.session.scalars(
        sa.select(PeerCard).where(PeerCard.recipient_id == user.id)
        .options(selectinload(PeerCard.sender), selectinload(PeerCard.value))
        .order_by(PeerCard.created_at.desc()).limit(limit)))
    notices = list(db.session.scalars(
        sa.select(RecognitionNotice).where(RecognitionNotice.user_id == user.id)
        .order_by(RecognitionNotice.created_at.desc()).limit(5)))
    return {"praise": praise, "awards": awards, "cards": cards, "notices": notices}
