"""The board: filters, privacy choices, one applause each, pagination, display mode, mine."""

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from recognition.models import Applause, BoardItem, StaffProfile
from recognition.moderation import approve
from tests.support import count_queries, make_department, make_site, make_user

from .helpers import make_value, praise


def _approved(supervisor, department, name, text, value):
    make_user(Role.STAFF, department, first_name=name)
    feedback = praise(department.site, name, text)
    approve(supervisor, feedback, value.id)
    db.session.commit()
    return feedback


def test_filters_by_site_department_value_and_period(department, supervisor, staff_client,
                                                     value):
    other_value = make_value(2, "Own the problem", "Kümmern")
    spa = make_department("Spa", department.site)
    spa_lead = make_user(Role.SUPERVISOR, spa)
    _approved(supervisor, department, "Jürgen", "Front desk story", value)
    _approved(spa_lead, spa, "Björn", "Spa story", other_value)
    ny = make_department("Front Office", make_site("new-york", "America/New_York"))
    _approved(make_user(Role.HR, None), ny, "Maria", "New York story", value)

    def board(**args):
        return staff_client.get("/board", query_string=args).get_data(as_text=True)

    everything = board()
    assert all(s in everything for s in ("Front desk story", "Spa story", "New York story"))
    by_site = board(site=department.site_id)
    assert "New York story" not in by_site and "Spa story" in by_site
    by_dept = board(site=department.site_id, department=spa.id)
    assert "Spa story" in by_dept and "Front desk story" not in by_dept
    by_value = board(value=other_value.id)
    assert "Spa story" in by_value and "Front desk story" not in by_value
    assert "Front desk story" in board(period="7")


def test_old_items_fall_out_of_the_period(department, supervisor, staff_client, value):
    from datetime import timedelta

    from lineup.models import utcnow

    _approved(supervisor, department, "Jürgen", "Ancient story", value)
    db.session.execute(sa.update(BoardItem).values(published_at=utcnow() - timedelta(days=40)))
    db.session.commit()
    assert "Ancient story" not in staff_client.get("/board?period=30").get_data(as_text=True)
    assert "Ancient story" in staff_client.get("/board?period=90").get_data(as_text=True)


def test_privacy_choices_team_and_private(app, department, supervisor, value, staff, client):
    spa = make_department("Spa", department.site)
    outsider = make_user(Role.STAFF, spa)
    teamonly = make_user(Role.STAFF, department, first_name="Theo")
    secret = make_user(Role.STAFF, department, first_name="Paula")
    db.session.add_all([StaffProfile(user_id=teamonly.id, visibility="team"),
                        StaffProfile(user_id=secret.id, visibility="private")])
    db.session.commit()
    for name, text in (("Theo", "Theo story"), ("Paula", "Paula story")):
        feedback = praise(department.site, name, text)
        approve(supervisor, feedback, value.id)
    db.session.commit()
    colleague = app.test_client()
    colleague.login(staff)
    stranger = app.test_client()
    stranger.login(outsider)
    seen_by_team = colleague.get("/board").get_data(as_text=True)
    seen_by_other = stranger.get("/board").get_data(as_text=True)
    assert "Theo story" in seen_by_team and "Theo story" not in seen_by_other
    assert "Paula story" not in seen_by_team and "Paula story" not in seen_by_other
    paula = app.test_client()
    paula.login(secret)
    assert "Paula story" in paula.get("/recognition/me").get_data(as_text=True)
    # Changing one's mind applies to what is already on the board.
    paula.post("/recognition/me", data={"visibility": "everyone"})
    assert "Paula story" in stranger.get("/board").get_data(as_text=True)


def test_one_applause_per_person(department, supervisor, value, staff_client):
    _approved(supervisor, department, "Jürgen", "Applause story", value)
    item = db.session.scalars(sa.select(BoardItem)).one()
    first = staff_client.post(f"/board/{item.id}/applause", follow_redirects=True)
    second = staff_client.post(f"/board/{item.id}/applause", follow_redirects=True)
    assert "Applause sent" in first.get_data(as_text=True)
    assert "already applauded" in second.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(BoardItem, item.id).applause_count == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Applause)) == 1


def test_cannot_applaud_what_one_cannot_see(app, department, supervisor, value):
    secret = make_user(Role.STAFF, department, first_name="Paula")
    db.session.add(StaffProfile(user_id=secret.id, visibility="private"))
    approve(supervisor, praise(department.site, "Paula", "Private story"), value.id)
    outsider = make_user(Role.STAFF, make_department("Spa", department.site))
    db.session.commit()
    client = app.test_client()
    client.login(outsider)
    item = db.session.scalars(sa.select(BoardItem)).one()
    client.post(f"/board/{item.id}/applause")
    db.session.expire_all()
    assert db.session.get(BoardItem, item.id).applause_count == 0


def test_board_pages_and_query_count_is_the_same_for_1_and_50(department, supervisor, value,
                                                              staff_client):
    _approved(supervisor, department, "Jürgen", "Story 0", value)
    staff_client.get("/board")
    with count_queries() as one:
        assert staff_client.get("/board").status_code == 200
    for i in range(1, 50):
        approve(supervisor, praise(department.site, "Jürgen", f"Story {i}"), value.id)
    db.session.commit()
    with count_queries() as many:
        page = staff_client.get("/board").get_data(as_text=True)
    assert many.count == one.count
    assert "Story 49" in page and "Story 0<" not in page
    assert 'rel="next"' in page
    assert "Story 0<" in staff_client.get("/board?page=3").get_data(as_text=True)


def test_display_mode_refreshes_itself_and_shows_public_stories(department, supervisor, value,
                                                                staff_client):
    _approved(supervisor, department, "Jürgen", "Display story", value)
    page = staff_client.get("/board/display").get_data(as_text=True)
    assert '<meta http-equiv="refresh"' in page
    assert "Display story" in page
    assert "recognition-display.js" in page


def test_my_recognition_lists_praise_and_today_shows_it(department, supervisor, value, app):
    jo = make_user(Role.STAFF, department, first_name="Jonas")
    db.session.commit()
    approve(supervisor, praise(department.site, "Jonas", "Jonas is a star"), value.id)
    db.session.commit()
    client = app.test_client()
    client.login(jo)
    assert "Jonas is a star" in client.get("/recognition/me").get_data(as_text=True)
    today = client.get("/").get_data(as_text=True)
    assert "New guest praise about you" in today
