"""Pages: taking a quiz, feedback, bad input, permissions, import/export, query counts."""

import io
import re
from datetime import date, timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from quizzes.assignments import assign_quiz
from quizzes.attempts import answer, finish_attempt, start_attempt
from quizzes.formats import export_csv, export_gift, parse
from quizzes.models import Attempt, Question
from tests.support import count_queries, make_user

from .conftest import branching, make_quiz, single


def first_option(html):
    return re.search(r'name="option" value="(\d+)"', html).group(1)


def test_staff_takes_a_quiz_and_sees_feedback(staff_client, staff):
    q = single("Guest waits")
    quiz = make_quiz([q])
    db.session.commit()
    response = staff_client.post(f"/quizzes/{quiz.id}/start")
    attempt_url = response.headers["Location"]
    page = staff_client.get(attempt_url).get_data(as_text=True)
    assert "Guest waits" in page
    right = next(o for o in q.top_options if o.is_correct)
    attempt_id = attempt_url.rsplit("/", 1)[1]
    response = staff_client.post(f"/quizzes/attempts/{attempt_id}/answer",
                                 data={"question": q.id, "option": right.id},
                                 follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Because 0" in html and "Listen first" in html
    response = staff_client.post(f"/quizzes/attempts/{attempt_id}/submit",
                                 follow_redirects=True)
    assert "100 %" in response.get_data(as_text=True)
    # submitting again changes nothing and still shows the result
    again = staff_client.post(f"/quizzes/attempts/{attempt_id}/submit", follow_redirects=True)
    assert again.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1


def test_tampered_and_foreign_input_is_refused(staff_client, staff, department):
    q, other = single("Mine"), single("Not in quiz")
    quiz = make_quiz([q])
    colleague = make_user(Role.STAFF, department)
    theirs = start_attempt(quiz, colleague)
    mine = start_attempt(quiz, staff)
    db.session.commit()
    url = f"/quizzes/attempts/{mine.id}/answer"
    assert staff_client.post(url, data={"question": q.id, "option": other.options[0].id}
                             ).status_code == 400
    assert staff_client.post(url, data={"question": other.id, "option": other.options[0].id}
                             ).status_code == 400
    assert staff_client.post(url, data={"question": q.id, "option": "abc"}).status_code == 400
    assert staff_client.post(url, data={"question": q.id}).status_code == 400
    assert staff_client.get(f"/quizzes/attempts/{theirs.id}").status_code == 404
    assert staff_client.post(f"/quizzes/attempts/{theirs.id}/submit").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(
        sa.text("quiz_response"))) == 0


def test_attempt_limit_gives_409(staff_client, staff):
    q = single()
    quiz = make_quiz([q], max_attempts=1)
    finish_attempt(start_attempt(quiz, staff))
    db.session.commit()
    response = staff_client.post(f"/quizzes/{quiz.id}/start")
    assert response.status_code == 409
    assert "attempts" in response.get_data(as_text=True)


def test_today_shows_daily_question_and_my_training(staff_client, staff, hr, department):
    q = single("Daily one")
    quiz = make_quiz([q], title="Complaints 101")
    assign_quiz(hr, quiz, due_on=date.today() + timedelta(days=3), department=department)
    db.session.commit()
    html = staff_client.get("/").get_data(as_text=True)
    assert "Question of the day" in html and "Daily one" in html
    assert "Complaints 101" in html and "Not started" in html
    response = staff_client.post("/quizzes/daily", data={"question": q.id,
                                                         "option": q.options[0].id},
                                 follow_redirects=True)
    assert "Because 0" in response.get_data(as_text=True)
    assert staff_client.post("/quizzes/daily", data={"question": q.id,
                                                     "option": q.options[0].id}
                             ).status_code == 409


def test_german_quiz_page(app, department):
    user = make_user(Role.STAFF, department, language="de")
    q = single("Egal")
    quiz = make_quiz([q])
    db.session.commit()
    client = app.test_client()
    client.login(user)
    url = client.post(f"/quizzes/{quiz.id}/start").headers["Location"]
    html = client.get(url).get_data(as_text=True)
    assert "DE Egal" in html and "Antwort 0" in html and "Antworten" in html


def test_permissions(staff_client, supervisor_client, hr_client):
    for url in ("/quizzes/bank", "/quizzes/stats", "/quizzes/import", "/quizzes/manage",
                "/quizzes/export?format=csv"):
        assert staff_client.get(url).status_code == 403
        assert supervisor_client.get(url).status_code == 403
        assert hr_client.get(url).status_code == 200
    assert staff_client.get("/quizzes/assignments").status_code == 403
    assert supervisor_client.get("/quizzes/assignments").status_code == 200
    assert supervisor_client.get("/quizzes/mastery").status_code == 200


def test_supervisor_cannot_see_other_departments_people(supervisor_client):
    from tests.support import make_department

    outsider = make_user(Role.STAFF, make_department("Spa"))
    db.session.commit()
    assert supervisor_client.get(f"/quizzes/people/{outsider.id}/mastery").status_code == 403


def test_hr_assigns_and_sees_completion(hr_client, staff, department):
    quiz = make_quiz([single()], title="Phone basics")
    db.session.commit()
    response = hr_client.post("/quizzes/assignments/new", data={
        "quiz_id": quiz.id, "target": "department", "department_id": department.id,
        "user_id": 0, "site_id": 0, "role": "staff",
        "due_on": (date.today() + timedelta(days=7)).isoformat(), "note": ""},
        follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Phone basics" in html and staff.full_name in html
    bad = hr_client.post("/quizzes/assignments/new", data={
        "quiz_id": quiz.id, "target": "person", "user_id": 0, "department_id": 0,
        "site_id": 0, "role": "staff", "due_on": "2026-01-01"})
    assert bad.status_code == 400


GIFT = """// a comment
$CATEGORY: Complaints

::Q1:: A guest is angry. What do you do? {
  =Listen first#You let them vent.
  ~Argue#That escalates.
  ####Listening comes first.
}

Only 6 % of annoyed customers complain. {T#No#Yes, most stay silent.}

Which are good habits? {
  ~%50%Thank for criticism
  ~%50%Follow up
  ~%-100%Interrupt
}
"""


def test_gift_preview_then_confirm(hr_client):
    response = hr_client.post("/quizzes/import", data={
        "format": "gift", "language": "en", "category": "",
        "file": (io.BytesIO(GIFT.encode()), "q.gift")}, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "3 questions understood" in html
    assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 0
    payload = re.search(r'name="payload" type="hidden" value="([^"]*)"', html)
    assert payload
    response = hr_client.post("/quizzes/import/confirm", data={
        "format": "gift", "language": "en", "category": "",
        "payload": GIFT}, follow_redirects=True)
    assert "3 questions were imported" in response.get_data(as_text=True)
    kinds = sorted(db.session.scalars(sa.select(Question.kind)))
    assert kinds == ["multiple", "single", "truefalse"]


def test_bad_imports_report_lines_and_save_nothing(hr_client):
    cases = [
        ("gift", b"Broken {=a ~b", "Broken GIFT"),
        ("gift", b"No right answer {~a ~b}", "No correct answer"),
        ("gift", "Umlaut \u00e4 {=a ~b}".encode("latin-1"), "not UTF-8"),
        ("aiken", b"Question?\nA. one\nB. two\n", "no ANSWER"),
        ("aiken", b"Question?\nA. one\nB. two\nANSWER: C\n", "not one of the options"),
        ("csv", b"wrong,header\n", "header"),
        ("gift", b"x" * (300 * 1024), "larger than"),
    ]
    for fmt, raw, message in cases:
        response = hr_client.post("/quizzes/import", data={
            "format": fmt, "language": "en", "category": "",
            "file": (io.BytesIO(raw), "f.txt")}, content_type="multipart/form-data")
        assert response.status_code == 400, message
        assert message in response.get_data(as_text=True), message
    confirm = hr_client.post("/quizzes/import/confirm", data={
        "format": "gift", "language": "en", "category": "", "payload": "Broken {=a ~b"})
    assert confirm.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 0


def _signature(q):
    return (q["kind"], q["prompt"], q["category"], q["options"])


def _as_dicts(questions, lang):
    return sorted(_signature({
        "kind": q.kind, "prompt": getattr(q, f"prompt_{lang}"),
        "category": q.category if isinstance(q.category, str) or q.category is None
        else q.category.name,
        "options": tuple((getattr(o, f"text_{lang}"), o.is_correct) for o in q.options)})
        for q in questions)


def test_export_then_import_gives_the_same_questions(app, values):
    originals = [single("Round trip", value=values[1], kind="scenario", category="Phone"),
                 single("Two", category="Desk"), single("TF", kind="truefalse", n=2)]
    originals[2].options[0].text_en, originals[2].options[1].text_en = "True", "False"
    from tests.quizzes.conftest import multiple
    originals.append(multiple(correct=(0, 2)))
    branching()  # left out of flat exports
    db.session.flush()
    numbers = {values[1].id: 2}
    for fmt, text in (("csv", export_csv(originals, numbers)),
                      ("gift", export_gift(originals, "en", numbers))):
        preview = parse(text.encode(), fmt, "en")
        assert preview.ok, preview.errors
        parsed = [p.data for p in preview.questions]
        for d in parsed:
            for o in d.options:
                o.is_correct = o.correct

        class View:
            def __init__(self, d):
                self.kind, self.prompt_en, self.category = d.kind, d.prompt_en, d.category
                self.options = d.options
        assert _as_dicts([View(d) for d in parsed], "en") == _as_dicts(originals, "en"), fmt
        assert preview.questions[0].value_number == 2
        assert preview.questions[0].data.situation_en == originals[0].situation_en


def test_quiz_pages_cost_the_same_for_1_and_50_questions(app, staff_client, staff):
    def pages(n):
        quiz = make_quiz([single(f"P{n}-{i}") for i in range(n)], feedback_timing="end")
        attempt = start_attempt(quiz, staff)
        db.session.commit()
        counts = []
        for url in (f"/quizzes/attempts/{attempt.id}",
                    f"/quizzes/attempts/{attempt.id}?n={n}"):
            with count_queries() as counter:
                assert staff_client.get(url).status_code == 200
            counts.append(counter.count)
        for question_id in attempt.question_ids:
            q = db.session.get(Question, question_id)
            answer(attempt, question_id, [q.options[0].id], immediate=False)
        finish_attempt(attempt)
        db.session.commit()
        with count_queries() as counter:
            assert staff_client.get(f"/quizzes/attempts/{attempt.id}/result").status_code == 200
        counts.append(counter.count)
        return counts

    assert pages(1) == pages(50)


def test_statistics_page_costs_the_same_for_1_and_50_questions(app, hr_client, department):
    def page(n):
        questions = [single(f"S{n}-{i}") for i in range(n)]
        quiz = make_quiz(questions)
        person = make_user(Role.STAFF, department)
        attempt = start_attempt(quiz, person)
        for q in questions:
            answer(attempt, q.id, [q.options[1].id], immediate=False)
        finish_attempt(attempt)
        db.session.commit()
        with count_queries() as counter:
            response = hr_client.get("/quizzes/stats")
        assert response.status_code == 200
        return counter.count

    assert page(1) == page(50 - 1)  # second call: 50 questions with answers in total


def test_hr_edits_a_branching_scenario_as_text(hr_client, staff):
    q = branching()
    db.session.commit()
    page = hr_client.get(f"/quizzes/bank/{q.id}/edit").get_data(as_text=True)
    assert "choice | 2 | Listen and apologise" in page
    from quizzes.scenario_text import steps_to_text

    text = steps_to_text(q).replace("books again", "books again and tells friends")
    form = {"kind": "branching", "difficulty": 2, "value_id": 0, "channel": "", "mood": "",
            "category": "", "tags": "", "prompt_en": "The guest is angry", "steps": text}
    response = hr_client.post(f"/quizzes/bank/{q.id}/edit", data=form, follow_redirects=True)
    assert "tells friends" in response.get_data(as_text=True)
    bad = hr_client.post(f"/quizzes/bank/{q.id}/edit",
                         data={**form, "steps": "step | Hi\nchoice | x | Go"})
    assert bad.status_code == 400 and "whole number" in bad.get_data(as_text=True)
    bad = hr_client.post(f"/quizzes/bank/{q.id}/edit",
                         data={**form, "steps": "step | Hi\nchoice | 9 | Go\nend | 100 | Ok"})
    assert bad.status_code == 400 and "does not exist" in bad.get_data(as_text=True)


def test_branching_scenario_step_by_step_in_the_browser_flow(staff_client, staff, hr_client):
    q = branching()
    quiz = make_quiz([q], feedback_timing="immediate")
    db.session.commit()
    url = staff_client.post(f"/quizzes/{quiz.id}/start").headers["Location"]
    attempt_id = url.rsplit("/", 1)[1]
    html = staff_client.get(url).get_data(as_text=True)
    assert "this is outrageous" in html
    first = [o for o in q.options if o.step_id == q.steps[0].id][0]
    html = staff_client.post(f"/quizzes/attempts/{attempt_id}/answer",
                             data={"question": q.id, "option": first.id},
                             follow_redirects=True).get_data(as_text=True)
    assert "Let them vent" in html and "fine, what now?" in html
    offer = [o for o in q.options if o.step_id == q.steps[1].id][0]
    html = staff_client.post(f"/quizzes/attempts/{attempt_id}/answer",
                             data={"question": q.id, "option": offer.id},
                             follow_redirects=True).get_data(as_text=True)
    assert "books again" in html and "100 %" in html
    # a choice from an earlier step is refused once the scenario has ended
    assert staff_client.post(f"/quizzes/attempts/{attempt_id}/answer",
                             data={"question": q.id, "option": first.id}).status_code == 409
    staff_client.post(f"/quizzes/attempts/{attempt_id}/submit")
    page = hr_client.get(f"/quizzes/bank/{q.id}").get_data(as_text=True)
    assert "chosen 1 time" in page and "chosen 0 times" in page


def test_export_refuses_unknown_formats_and_downloads_files(hr_client):
    single("Exported one", category="Desk")
    db.session.commit()
    assert hr_client.get("/quizzes/export?format=pdf").status_code == 400
    assert hr_client.get("/quizzes/export?format=gift&language=xx").status_code == 400
    response = hr_client.get("/quizzes/export?format=gift&language=en")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    assert "Exported one" in response.get_data(as_text=True)
    csv_text = hr_client.get("/quizzes/export?format=csv").get_data(as_text=True)
    assert csv_text.startswith("type,kind,category") and "Exported one" in csv_text


def test_assignment_detail_filters_overdue_people(hr_client, staff, department, hr):
    quiz = make_quiz([single()])
    assignment = assign_quiz(hr, quiz, due_on=date.today() - timedelta(days=1),
                             department=department)
    db.session.commit()
    html = hr_client.get(f"/quizzes/assignments/{assignment.id}?status=overdue"
                         ).get_data(as_text=True)
    assert "Overdue (1)" in html and staff.full_name in html
    html = hr_client.get(f"/quizzes/assignments/{assignment.id}?status=passed"
                         ).get_data(as_text=True)
    assert staff.full_name not in html


def test_today_panel_names_the_weakest_value(staff_client, staff, values):
    q = single("Valued", value=values[0])
    db.session.commit()
    wrong = next(o for o in q.options if not o.is_correct)
    staff_client.post("/quizzes/daily", data={"question": q.id, "option": wrong.id})
    html = staff_client.get("/").get_data(as_text=True)
    assert "Worth practising" in html and "Value 1 · 0 %" in html
