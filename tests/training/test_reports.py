"""The completion report against a hand-computed fixture; CSV equals the screen; scope; queries."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest

from lineup.extensions import db
from lineup.models import Role
from training.models import Acknowledgement, Attendance, LineUp, Pulse

from ..support import count_queries, make_department, make_site, make_user
from .helpers import make_value

RANGE = "start=2026-03-06&end=2026-03-10"


def _lineup(dept, day, shift="morning"):
    lineup = LineUp(date=day, site_id=dept.site_id, department_id=dept.id, shift=shift,
                    started_at=datetime(2026, 3, 1, 7, 0).astimezone())
    db.session.add(lineup)
    db.session.flush()
    return lineup


def _mark(lineup, user, status):
    db.session.add(Attendance(lineup_id=lineup.id, user_id=user.id, status=status))


def _ack(user, day):
    db.session.add(Acknowledgement(user_id=user.id, date=day))


@pytest.fixture
def fixture(app, frozen):
    """Front Office: line-ups on 6-9 March (4 of 5 days), a second shift on the 7th.

    Anna  present 6, 7, 8, 9                          -> 4 of 4 present, streak 0
    Ben   present 6, 7 (night); absent 8 (acknowledged), 9 -> present 2, ack 1, covered 3
    Cem   absent 6 (acknowledged), 7, 8, 9           -> present 0, ack 1, covered 1, streak 3
    Spa:  Dora, no line-up at all.
    """
    make_value(1)
    site = make_site("berlin", "Europe/Berlin", "Berlin")
    front, spa = make_department("Front Office", site), make_department("Spa", site)
    anna = make_user(Role.STAFF, front, first_name="Anna", last_name="A")
    ben = make_user(Role.STAFF, front, first_name="Ben", last_name="B")
    cem = make_user(Role.STAFF, front, first_name="Cem", last_name="C")
    make_user(Role.STAFF, spa, first_name="Dora", last_name="D")
    lead = make_user(Role.SUPERVISOR, None, first_name="Sabine", leads=[front])
    lead.department_id = None  # leads Front Office without being counted in its roster
    days = {d: date(2026, 3, d) for d in range(6, 11)}
    lineups = {d: _lineup(front, days[d]) for d in (6, 7, 8, 9)}
    night = _lineup(front, days[7], "night")
    for d in (6, 7, 8, 9):
        _mark(lineups[d], anna, "present")
    _mark(lineups[6], ben, "present")
    _mark(lineups[7], ben, "absent")
    _mark(night, ben, "present")
    _mark(lineups[8], ben, "absent")
    _mark(lineups[9], ben, "excused")
    _ack(ben, days[8])
    for d in (6, 7, 8, 9):
        _mark(lineups[d], cem, "absent")
    _ack(cem, days[6])
    _ack(anna, days[10])  # no line-up that day: not counted
    for d, useful in ((6, True), (7, True), (8, False)):
        db.session.add(Pulse(lineup_id=lineups[d].id, user_id=anna.id, useful=useful))
    db.session.commit()
    return {"front": front, "spa": spa, "lead": lead}


def _cells(html, kind):
    rows = re.findall(rf'<tr data-row="{kind}"[^>]*>(.*?)</tr>', html, re.S)
    return [dict(re.findall(r'data-col="(\w+)">([^<]*)', row)) for row in rows]


def _screen_number(text):
    text = text.strip()
    if text in ("—", ""):
        return ""
    return text.removesuffix(" %").strip()


def test_report_numbers_match_the_hand_computed_fixture(fixture, hr_client):
    html = hr_client.get(f"/line-up/reports?{RANGE}").get_data(as_text=True)
    departments = {row["department"]: row for row in _cells(html, "department")}
    front, spa = departments["Front Office"], departments["Spa"]
    assert (front["held"], front["expected"], front["held_rate"]) == ("4", "5", "80.0 %")
    assert front["attendance_rate"] == "50.0 %"        # 6 present of 12
    assert front["acknowledgement_rate"] == "33.3 %"   # 2 acknowledged of 6 missed
    assert front["covered_rate"] == "66.7 %"           # 8 covered of 12
    assert (front["useful"], front["not_useful"]) == ("2", "1")
    assert (spa["held"], spa["expected"], spa["attendance_rate"]) == ("0", "5", "—")
    people = {row["name"]: row for row in _cells(html, "person")}
    assert [people["Anna A"][k] for k in ("opportunities", "present", "acknowledged", "covered",
                                         "streak")] == ["4", "4", "0", "4", "0"]
    assert [people["Ben B"][k] for k in ("opportunities", "present", "acknowledged", "covered",
                                        "streak")] == ["4", "2", "1", "3", "1"]
    assert [people["Cem C"][k] for k in ("opportunities", "present", "acknowledged", "covered",
                                        "streak")] == ["4", "0", "1", "1", "3 "]
    assert people["Cem C"]["covered_rate"] == "25.0 %"
    assert people["Dora D"]["opportunities"] == "0" and people["Dora D"]["covered_rate"] == "—"
    flagged = hr_client.get(f"/line-up/reports?{RANGE}&flagged=1").get_data(as_text=True)
    assert [row["name"] for row in _cells(flagged, "person")] == ["Cem C"]


@pytest.mark.parametrize(("kind", "path"), [("department", "departments.csv"),
                                            ("person", "people.csv")])
def test_csv_equals_the_screen(fixture, hr_client, kind, path):
    html = hr_client.get(f"/line-up/reports?{RANGE}").get_data(as_text=True)
    screen = [{k: _screen_number(v) for k, v in row.items()} for row in _cells(html, kind)]
    response = hr_client.get(f"/line-up/reports/{path}?{RANGE}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    exported = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(exported) == len(screen) > 0
    for shown, row in zip(screen, exported, strict=True):
        assert {k: row[k] for k in shown} == shown
    # Numbers are plain numbers: no percent signs, no thousands separators.
    assert all(re.fullmatch(r"-?\d+(\.\d+)?|", row["covered_rate"]) for row in exported)


def test_supervisors_see_only_their_departments(fixture, app):
    client = app.test_client()
    client.login(fixture["lead"])
    html = client.get(f"/line-up/reports?{RANGE}").get_data(as_text=True)
    assert [row["department"] for row in _cells(html, "department")] == ["Front Office"]
    assert "Dora D" not in html
    assert client.get(f"/line-up/reports?{RANGE}&department={fixture['spa'].id}"
                      ).status_code == 403
    assert client.get(f"/line-up/reports/people.csv?department={fixture['spa'].id}"
                      ).status_code == 403
    exported = client.get(f"/line-up/reports/people.csv?{RANGE}").get_data(as_text=True)
    assert "Dora D" not in exported and "Cem C" in exported


@pytest.mark.parametrize("query", [
    "start=2026-02-30", "start=yesterday", "start=2026-03-10&end=2026-03-01",
    "start=2020-01-01&end=2026-03-01", "department=abc", "site=x",
])
def test_bad_report_filters_are_a_400(fixture, hr_client, query):
    response = hr_client.get(f"/line-up/reports?{query}")
    assert response.status_code == 400


def test_unknown_department_is_a_404(fixture, hr_client):
    assert hr_client.get("/line-up/reports?department=99999").status_code == 404


def _add_departments(site, count: int, start: int = 0):
    day = date(2026, 3, 9)
    people = []
    for n in range(start, start + count):
        dept = make_department(f"Department {n:02d}", site)
        pair = [make_user(Role.STAFF, dept) for _ in range(2)]
        people.extend(pair)
        for offset in range(2):
            lineup = _lineup(dept, day - timedelta(days=offset))
            _mark(lineup, pair[0], "present")
            _mark(lineup, pair[1], "absent")
            _ack(pair[1], day - timedelta(days=offset))
    db.session.commit()
    return people


def _measure(hr_client, staff_client) -> tuple[int, int]:
    hr_client.get(f"/line-up/reports?{RANGE}")  # warm up
    staff_client.get("/")
    with count_queries() as report:
        assert hr_client.get(f"/line-up/reports?{RANGE}").status_code == 200
    with count_queries() as today:
        assert staff_client.get("/").status_code == 200
    return report.count, today.count


def test_query_counts_are_the_same_for_1_and_50_departments(app, frozen, hr_client):
    make_value(1)
    site = make_site("berlin", "Europe/Berlin", "Berlin")
    staff = _add_departments(site, 1)[0]
    staff_client = app.test_client()
    staff_client.login(staff)
    one = _measure(hr_client, staff_client)
    _add_departments(site, 49, start=1)
    fifty = _measure(hr_client, staff_client)
    assert one == fifty


def test_held_line_ups_list_with_counts_and_csv(fixture, hr_client):
    html = hr_client.get(f"/line-up/reports/line-ups?{RANGE}").get_data(as_text=True)
    rows = _cells(html, "lineup")
    assert len(rows) == 5  # four mornings and one night shift
    exported = list(csv.DictReader(io.StringIO(hr_client.get(
        f"/line-up/reports/line-ups.csv?{RANGE}").get_data(as_text=True))))
    assert len(exported) == 5
    sixth = next(r for r in exported if r["date"] == "2026-03-06")
    # Anna and Ben present, Cem absent and acknowledged later; Anna found it useful.
    assert (sixth["present"], sixth["absent"], sixth["acknowledged"], sixth["useful"]) == (
        "2", "1", "1", "1")
    screen = [(r["present"], r["absent"], r["excused"], r["acknowledged"]) for r in rows]
    csv_rows = [(r["present"], r["absent"], r["excused"], r["acknowledged"]) for r in exported]
    assert screen == csv_rows
