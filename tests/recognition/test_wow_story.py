"""Wow stories: marked by a supervisor, read at the next line-up once, the person is told."""

import pytest

from lineup.extensions import db
from lineup.models import Role
from recognition.models import Feedback, RecognitionNotice
from recognition.moderation import approve, mark_wow_story
from recognition.services import RecognitionError
from tests.support import make_department, make_user
from training.lineups import start_lineup

from .helpers import praise


@pytest.fixture
def juergen(department):
    user = make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß")
    db.session.commit()
    return user


def _wow(supervisor, site, name, text, value):
    feedback = praise(site, name, text)
    approve(supervisor, feedback, value.id)
    mark_wow_story(supervisor, feedback)
    db.session.commit()
    return feedback


def test_next_line_up_reads_the_story_once_and_tells_the_person(department, supervisor,
                                                                 juergen, value):
    story = _wow(supervisor, department.site, "Jurgen", "Jurgen drove us to the airport. "
                 "Mail: a@b.de", value)
    lineup = start_lineup(department, "morning", supervisor)
    db.session.commit()
    assert "Jurgen drove us to the airport." in lineup.wow_story
    assert "a@b.de" not in lineup.wow_story
    assert "Jürgen" in lineup.wow_story_by and "Front Office" in lineup.wow_story_by
    assert lineup.wow_story_source_id == story.id
    db.session.expire_all()
    stored = db.session.get(Feedback, story.id)
    assert stored.used_in_line_up_id == lineup.id and stored.used_at is not None
    kinds = db.session.scalars(db.select(RecognitionNotice.kind).where(
        RecognitionNotice.user_id == juergen.id)).all()
    assert "wow_story" in kinds
    later = start_lineup(department, "evening", supervisor)
    db.session.commit()
    assert later.wow_story == ""  # used stories are not read twice


def test_department_story_first_then_site_story(department, supervisor, juergen, value):
    spa = make_department("Spa", department.site)
    spa_lead = make_user(Role.SUPERVISOR, spa)
    make_user(Role.STAFF, spa, first_name="Björn")
    db.session.commit()
    _wow(supervisor, department.site, "Jurgen", "Front office story", value)
    _wow(spa_lead, department.site, "Björn", "Spa story", value)
    assert start_lineup(spa, "morning", spa_lead).wow_story == "Spa story"
    db.session.commit()
    # The spa has none left: the site's story comes next.
    assert start_lineup(spa, "evening", spa_lead).wow_story == "Front office story"


def test_only_approved_praise_can_be_a_wow_story(department, supervisor, juergen,
                                                 supervisor_client):
    feedback = praise(department.site, "Jurgen", "Pending story")
    db.session.commit()
    with pytest.raises(RecognitionError):
        mark_wow_story(supervisor, feedback)
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/wow", data={"wow": "1"})
    assert response.status_code == 400


def test_supervisor_marks_a_wow_story_in_the_inbox(department, supervisor, juergen, value,
                                                   supervisor_client):
    feedback = praise(department.site, "Jurgen", "Inbox story")
    approve(supervisor, feedback, value.id)
    db.session.commit()
    response = supervisor_client.post(f"/recognition/inbox/{feedback.id}/wow",
                                      data={"wow": "1"}, follow_redirects=True)
    assert "Marked as a wow story" in response.get_data(as_text=True)
    assert start_lineup(department, "morning", supervisor).wow_story == "Inbox story"
