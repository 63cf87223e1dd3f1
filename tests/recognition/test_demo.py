"""The demo data and the journey of the issue's "done when", through the real pages."""

from datetime import date

import sqlalchemy as sa

from lineup.demo import DEMO_PASSWORD, seed_organisation
from lineup.extensions import db
from lineup.models import Department, Site, User
from recognition.awards import peek_budget
from recognition.demo import seed_recognition_demo
from recognition.models import Award, Feedback, PeerCard, ServiceHero
from training.demo import seed_training_demo
from training.lineups import start_lineup


def _seed():
    seed_organisation()
    db.session.commit()
    seed_training_demo(date.today())
    db.session.commit()
    seed_recognition_demo(date.today())
    db.session.commit()


def _count(model, *where):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_demo_is_alive_and_idempotent(app):
    _seed()
    counts = [_count(m) for m in (Feedback, Award, PeerCard, ServiceHero)]
    states = set(db.session.scalars(sa.select(Feedback.complaint_state).where(
        Feedback.kind == "complaint")))
    assert states == {"new", "acknowledged", "resolved", "followed_up"}
    assert _count(ServiceHero) == 2
    languages = set(db.session.scalars(sa.select(Feedback.language)))
    assert {"de", "en"} <= languages
    seed_recognition_demo(date.today())
    db.session.commit()
    assert [_count(m) for m in (Feedback, Award, PeerCard, ServiceHero)] == counts


def test_done_when_jurgen_praise_reaches_the_next_front_office_line_up(app):
    _seed()
    guest = app.test_client()
    response = guest.post("/feedback/berlin", data={
        "kind": "praise", "staff_names": "Jurgen", "rating": "5",
        "text": "Jurgen carried our bags up four floors when the lift broke. So kind!"})
    assert response.status_code == 200
    feedback = db.session.scalars(sa.select(Feedback).where(
        Feedback.text.like("%four floors%"))).one()

    supervisor = db.session.scalars(sa.select(User).where(
        User.email == "supervisor@lineup.demo")).one()
    client = app.test_client()
    client.login(supervisor, password=DEMO_PASSWORD)
    inbox = client.get("/recognition/inbox").get_data(as_text=True)
    assert f"/recognition/inbox/{feedback.id}" in inbox
    item = client.get(f"/recognition/inbox/{feedback.id}").get_data(as_text=True)
    assert "Jürgen Weiß" in item

    value_id = feedback.suggested_value_id or db.session.scalar(
        sa.text("select min(id) from service_value where kind = 'value'"))
    assert client.post(f"/recognition/inbox/{feedback.id}/approve",
                       data={"approve-value": str(value_id)}).status_code == 303
    db.session.expire_all()
    juergen = db.session.get(Feedback, feedback.id).matched[0]
    card = db.session.scalar(sa.text("select id from award_type where code = 'wow-story'"))
    before = peek_budget(supervisor)
    awarded = client.post(f"/recognition/inbox/{feedback.id}/award", data={
        "award-recipient": str(juergen.id), "award-award_type": str(card), "award-value": "0",
        "award-message": "Above and beyond"}, follow_redirects=True)
    # The demo supervisor reads German.
    assert "Auszeichnung vergeben." in awarded.get_data(as_text=True)
    db.session.expire_all()
    after = peek_budget(supervisor)
    assert after.remaining == before.remaining - 25
    assert f"noch {after.remaining} von {after.total} Punkten" in awarded.get_data(as_text=True)
    assert client.post(f"/recognition/inbox/{feedback.id}/wow", data={"wow": "1"}
                       ).status_code == 303
    assert "four floors" in client.get("/board").get_data(as_text=True)

    berlin = db.session.scalars(sa.select(Site).where(Site.slug == "berlin")).one()
    front_office = db.session.scalars(sa.select(Department).where(
        Department.site_id == berlin.id, Department.name == "Front Office")).one()
    lineup = start_lineup(front_office, "morning", supervisor)
    db.session.commit()
    assert "four floors" in lineup.wow_story
    assert "Jürgen" in lineup.wow_story_by
