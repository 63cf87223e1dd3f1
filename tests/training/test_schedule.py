"""The value of the day: rotation, HR pins, site notes and each site's own 'today'."""

from datetime import date, timedelta

import pytest

from lineup.extensions import db
from training import schedule
from training.models import StandardKind
from training.services import active_values, site_today, value_of_the_day

from ..support import make_site, make_user
from .helpers import make_value


@pytest.fixture
def three(app):
    values = [make_value(n) for n in (1, 2, 3)]
    db.session.commit()
    return values


def test_rotation_walks_through_the_active_values_one_per_day(three):
    start = date(2026, 3, 1)
    seen = [value_of_the_day(None, start + timedelta(days=i)) for i in range(6)]
    assert seen[:3] == seen[3:]
    assert {v.id for v in seen[:3]} == {v.id for v in three}


def test_rotation_is_the_same_for_every_site(three):
    berlin = make_site("berlin", "Europe/Berlin")
    new_york = make_site("new-york", "America/New_York")
    day = date(2026, 5, 4)
    assert value_of_the_day(berlin, day) == value_of_the_day(new_york, day)


def test_rotation_order_is_credo_motto_steps_then_values(app):
    value = make_value(1)
    step = make_value(1, kind="step")
    credo = make_value(None, kind="credo")
    motto = make_value(None, kind="motto")
    make_value(None, kind="topic")
    assert active_values() == [credo, motto, step, value]


def test_archived_values_leave_the_rotation(three):
    three[1].archived = True
    db.session.commit()
    assert active_values() == [three[0], three[2]]
    days = {value_of_the_day(None, date(2026, 3, 1) + timedelta(days=i)).id for i in range(4)}
    assert days == {three[0].id, three[2].id}


def test_no_values_means_no_value_of_the_day(app):
    assert value_of_the_day(None, date(2026, 3, 1)) is None


def test_a_pin_overrides_the_rotation_without_shifting_it(three, hr):
    day = date(2026, 3, 10)
    before = [value_of_the_day(None, day + timedelta(days=i)) for i in range(5)]
    pinned = next(v for v in three if v != before[1])
    schedule.pin_standard(hr, day + timedelta(days=1), day + timedelta(days=2), pinned)
    db.session.commit()
    after = [value_of_the_day(None, day + timedelta(days=i)) for i in range(5)]
    assert after[1] == after[2] == pinned
    assert after[0] == before[0] and after[3:] == before[3:]


def test_the_newest_pin_wins_and_custom_topics_stay_out_of_the_library(three, hr):
    day = date(2026, 3, 10)
    schedule.pin_standard(hr, day, day + timedelta(days=5), three[0])
    schedule.pin_topic(hr, day + timedelta(days=2), day + timedelta(days=2),
                       {"title_en": "Fire drill", "title_de": "Brandschutzübung",
                        "prompts_en": "Where is the exit?\nWho helps guests?"})
    db.session.commit()
    assert value_of_the_day(None, day) == three[0]
    topic = value_of_the_day(None, day + timedelta(days=2))
    assert topic.kind == StandardKind.TOPIC.value and topic.title_for("de") == "Brandschutzübung"
    assert topic not in active_values()
    assert value_of_the_day(None, day + timedelta(days=3)) == three[0]


def test_site_notes_show_only_at_their_site_and_dates(three, hr):
    berlin = make_site("berlin", "Europe/Berlin")
    new_york = make_site("new-york", "America/New_York")
    day = date(2026, 3, 10)
    schedule.add_site_note(hr, berlin, day, day + timedelta(days=1), "VIP group arrives at 3 pm")
    db.session.commit()
    assert [n.text for n in schedule.scheduled_day(berlin, day).notes] == [
        "VIP group arrives at 3 pm"]
    assert schedule.scheduled_day(berlin, day + timedelta(days=2)).notes == []
    assert schedule.scheduled_day(new_york, day).notes == []


def test_berlin_is_already_tomorrow_while_new_york_is_not(three, frozen):
    berlin = make_site("berlin", "Europe/Berlin")
    new_york = make_site("new-york", "America/New_York")
    frozen.set(2026, 3, 10, 23, 30)  # 00:30 on the 11th in Berlin, 19:30 on the 10th in New York
    assert site_today(berlin) == date(2026, 3, 11)
    assert site_today(new_york) == date(2026, 3, 10)
    assert value_of_the_day(berlin) == value_of_the_day(None, date(2026, 3, 11))
    assert value_of_the_day(new_york) == value_of_the_day(None, date(2026, 3, 10))
    assert value_of_the_day(berlin) != value_of_the_day(new_york)


@pytest.mark.parametrize(("start", "end"), [
    (date(2026, 3, 10), date(2026, 3, 9)),
    (date(1990, 1, 1), date(1990, 1, 2)),
    (date(2026, 1, 1), date(2027, 6, 1)),
])
def test_bad_ranges_are_refused(three, start, end):
    hr = make_user("hr")
    with pytest.raises(schedule.ScheduleError):
        schedule.pin_standard(hr, start, end, three[0])
