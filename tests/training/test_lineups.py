"""Held line-ups: one per department, shift and date; attendance, acknowledgement, pulse."""

import threading
from datetime import date

import pytest
import sqlalchemy as sa

from lineup import hooks
from lineup.extensions import db
from lineup.hooks import WowStory
from lineup.models import AuditLog, Department, Role, User
from training import lineups
from training.models import Acknowledgement, Attendance, LineUp, Pulse

from ..support import make_department, make_user
from .helpers import make_value


@pytest.fixture
def setup(app, department, supervisor, staff, frozen):
    value = make_value(1)
    colleague = make_user(Role.STAFF, department, first_name="Jürgen")
    db.session.commit()
    return {"dept": department, "sup": supervisor, "staff": staff, "colleague": colleague,
            "value": value}


def _start(s, shift="morning"):
    lineup = lineups.start_lineup(s["dept"], shift, s["sup"])
    db.session.commit()
    return lineup


def test_starting_twice_gives_the_same_line_up(setup):
    first = _start(setup)
    second = _start(setup)
    assert first.id == second.id
    assert first.value_id == setup["value"].id and first.date == date(2026, 3, 10)
    assert db.session.scalar(sa.select(sa.func.count(LineUp.id))) == 1
    assert _start(setup, "night").id != first.id


def test_two_supervisors_starting_at_the_same_moment_get_one_line_up(app, setup):
    other = make_user(Role.SUPERVISOR, setup["dept"], first_name="Stefan")
    db.session.commit()
    ids = {"dept": setup["dept"].id, "leaders": [setup["sup"].id, other.id]}
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run(leader_id):
        try:
            with app.app_context():
                dept = db.session.get(Department, ids["dept"])
                leader = db.session.get(User, leader_id)
                dept.site  # noqa: B018 - load before the race
                barrier.wait(timeout=10)
                lineup = lineups.start_lineup(dept, "morning", leader)
                db.session.commit()
                results.append(lineup.id)
                db.session.remove()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(leader,)) for leader in ids["leaders"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(LineUp.id))) == 1


def test_the_first_wow_story_provider_with_a_story_wins(setup, monkeypatch):
    providers = {}
    monkeypatch.setattr(hooks, "_wow_story_providers", providers)

    @hooks.wow_story_provider(1)
    def nothing_approved(lineup):
        return None

    @hooks.wow_story_provider(2)
    def latest_praise(lineup):
        return WowStory("Jürgen found the lost ring.", "Jürgen, Front Office", 7)

    @hooks.wow_story_provider(3)
    def never_asked(lineup):
        return WowStory("Never used", "Nobody")

    lineup = _start(setup)
    assert lineup.wow_story == "Jürgen found the lost ring."
    assert lineup.wow_story_by == "Jürgen, Front Office" and lineup.wow_story_source_id == 7


def test_saving_attendance_and_a_typed_story(setup):
    lineup = _start(setup)
    lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                        statuses={setup["staff"].id: "absent", setup["colleague"].id: "present"},
                        story="A guest wrote to thank Jürgen.", story_by="Jürgen", notes="")
    db.session.commit()
    marks = {a.user_id: a.status for a in db.session.scalars(sa.select(Attendance))}
    assert marks == {setup["staff"].id: "absent", setup["colleague"].id: "present"}
    assert lineup.wow_story == "A guest wrote to thank Jürgen." and lineup.version == 2


def test_a_second_save_with_a_stale_version_is_refused_and_saves_nothing(setup):
    lineup = _start(setup)
    stale = lineup.version
    lineups.save_lineup(lineup, setup["sup"], version=stale,
                        statuses={setup["staff"].id: "present"}, story="", story_by="", notes="")
    db.session.commit()
    with pytest.raises(lineups.LineUpError) as caught:
        lineups.save_lineup(lineup, setup["sup"], version=stale,
                            statuses={setup["staff"].id: "absent"}, story="", story_by="",
                            notes="")
    db.session.rollback()
    assert caught.value.status == 409
    assert db.session.scalar(sa.select(Attendance.status)) == "present"


def test_attendance_for_someone_outside_the_department_is_refused(setup):
    outsider = make_user(Role.STAFF, make_department("Spa"))
    db.session.commit()
    lineup = _start(setup)
    with pytest.raises(lineups.LineUpError) as caught:
        lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                            statuses={setup["staff"].id: "present", outsider.id: "present"},
                            story="", story_by="", notes="")
    db.session.rollback()
    assert caught.value.status == 400
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 0


def test_unknown_status_is_refused(setup):
    lineup = _start(setup)
    with pytest.raises(lineups.LineUpError):
        lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                            statuses={setup["staff"].id: "asleep"}, story="", story_by="",
                            notes="")


def test_after_the_day_only_hr_can_correct_and_it_is_audited(setup, hr, frozen):
    lineup = _start(setup)
    frozen.set(2026, 3, 11, 9, 0)
    db.session.expire_all()
    lineup = db.session.get(LineUp, lineup.id)
    with pytest.raises(lineups.LineUpError) as caught:
        lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                            statuses={setup["staff"].id: "present"}, story="", story_by="",
                            notes="")
    assert caught.value.status == 409
    db.session.rollback()
    lineups.save_lineup(lineup, hr, version=lineup.version,
                        statuses={setup["staff"].id: "excused"}, story="", story_by="", notes="")
    db.session.commit()
    entry = db.session.scalars(sa.select(AuditLog).where(
        AuditLog.action == "lineup.corrected")).one()
    assert entry.actor_id == hr.id
    assert entry.details["attendance"] == {str(setup["staff"].id): [None, "excused"]}


def test_correcting_until_the_end_of_the_site_day(setup, frozen):
    lineup = _start(setup)
    frozen.set(2026, 3, 10, 22, 59)  # 23:59 in Berlin: still the same day
    assert lineups.can_edit(setup["sup"], lineup)
    frozen.set(2026, 3, 10, 23, 1)  # 00:01 in Berlin
    assert not lineups.can_edit(setup["sup"], lineup)


def test_acknowledging_once_with_a_timestamp(setup, frozen):
    lineup = _start(setup)
    first = lineups.acknowledge(setup["staff"])
    db.session.commit()
    again = lineups.acknowledge(setup["staff"])
    db.session.commit()
    assert first.id == again.id
    assert first.lineup_id == lineup.id and first.value_id == setup["value"].id
    assert first.acknowledged_at == frozen.current
    assert db.session.scalar(sa.select(sa.func.count(Acknowledgement.id))) == 1
    info = lineups.staff_day(setup["staff"])
    assert info.acknowledgement is not None and not info.needs_acknowledgement


def test_acknowledging_works_without_a_line_up(setup):
    ack = lineups.acknowledge(setup["staff"])
    assert ack.lineup_id is None and ack.value_id == setup["value"].id


def test_only_attendees_rate_the_line_up(setup):
    lineup = _start(setup)
    lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                        statuses={setup["staff"].id: "present",
                                  setup["colleague"].id: "absent"},
                        story="", story_by="", notes="")
    lineups.record_pulse(setup["staff"], lineup, True, "Good one")
    lineups.record_pulse(setup["staff"], lineup, False, "Changed my mind")
    db.session.commit()
    assert [(p.useful, p.comment) for p in db.session.scalars(sa.select(Pulse))] == [
        (False, "Changed my mind")]
    with pytest.raises(lineups.LineUpError) as caught:
        lineups.record_pulse(setup["colleague"], lineup, True)
    assert caught.value.status == 403


@pytest.mark.parametrize(("shift", "custom", "expected"), [
    ("morning", "", "morning"), ("custom", "  Late   shift ", "Late shift"),
    ("custom", "Night", "night"),
])
def test_shift_names(shift, custom, expected):
    assert lineups.normalise_shift(shift, custom) == expected


@pytest.mark.parametrize(("shift", "custom"), [("", ""), ("custom", ""), ("custom", "x" * 41),
                                               ("brunch", "")])
def test_bad_shifts_are_refused(app, shift, custom):
    with pytest.raises(lineups.LineUpError):
        lineups.normalise_shift(shift, custom)


def test_catching_up_on_missed_line_ups_of_the_last_week(setup, frozen):
    lineup = _start(setup)  # 10 March
    lineups.save_lineup(lineup, setup["sup"], version=lineup.version,
                        statuses={setup["staff"].id: "absent",
                                  setup["colleague"].id: "present"},
                        story="", story_by="", notes="")
    db.session.commit()
    frozen.set(2026, 3, 12, 9, 0)
    assert [m.date for m in lineups.missed_lineups(setup["staff"])] == [date(2026, 3, 10)]
    assert lineups.missed_lineups(setup["colleague"]) == []
    ack = lineups.acknowledge(setup["staff"], date(2026, 3, 10))
    db.session.commit()
    assert ack.date == date(2026, 3, 10) and ack.lineup_id == lineup.id
    assert lineups.missed_lineups(setup["staff"]) == []
    with pytest.raises(lineups.LineUpError):
        lineups.acknowledge(setup["staff"], date(2026, 3, 1))
    with pytest.raises(lineups.LineUpError):
        lineups.acknowledge(setup["staff"], date(2026, 3, 13))
