"""Peer cards: a real message, never oneself, at most three a week."""

from datetime import timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role, utcnow
from recognition.models import BoardItem, PeerCard
from tests.support import make_user

MESSAGE = "Thanks for taking over the late check-in rush so calmly."


def _send(client, recipient, value, message=MESSAGE):
    return client.post("/recognition/peer-card", data={
        "recipient": str(recipient.id), "value": str(value.id), "message": message})


def test_card_goes_on_the_board(department, staff_client, value):
    colleague = make_user(Role.STAFF, department, first_name="Jonas")
    db.session.commit()
    response = _send(staff_client, colleague, value)
    assert response.status_code == 303
    board = staff_client.get("/board").get_data(as_text=True)
    assert MESSAGE in board and "Jonas" in board
    assert db.session.scalars(sa.select(BoardItem.kind)).all() == ["peer"]


def test_message_needs_twenty_characters(department, staff_client, value):
    colleague = make_user(Role.STAFF, department, first_name="Jonas")
    db.session.commit()
    response = _send(staff_client, colleague, value, "Thanks!")
    assert response.status_code == 400
    assert "between 20 and 1000" in response.get_data(as_text=True)


def test_never_oneself(staff, staff_client, value):
    response = _send(staff_client, staff, value)
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PeerCard)) == 0


def test_at_most_three_a_week(department, staff, staff_client, value):
    colleague = make_user(Role.STAFF, department, first_name="Jonas")
    old = PeerCard(sender_id=staff.id, recipient_id=colleague.id, value_id=value.id,
                   message=MESSAGE, created_at=utcnow() - timedelta(days=8))
    db.session.add(old)
    db.session.commit()
    codes = [_send(staff_client, colleague, value).status_code for _ in range(4)]
    assert codes == [303, 303, 303, 429]
    response = _send(staff_client, colleague, value)
    assert "three" in response.get_data(as_text=True) or "3 cards" in response.get_data(
        as_text=True)
