"""Attempts, versioning, Leitner schedule, assignments, statistics and mastery."""

import random
import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from lineup.extensions import db
from lineup.models import Role
from quizzes.assignments import Status, assign_quiz, my_training, personal_due_on, statuses
from quizzes.attempts import answer, finish_attempt, start_attempt
from quizzes.bank import OptionData, QuestionData, update_question
from quizzes.errors import QuizError
from quizzes.models import Attempt, Question, Response, ReviewCard
from quizzes.services import quizzes_for_value
from quizzes.spaced import INTERVALS, answer_daily, daily_set, record_review, schedule, streak
from quizzes.stats import item_statistics, pearson, person_mastery
from tests.support import make_department, make_user

from .conftest import branching, make_quiz, multiple, single


def right(q):
    return [o.id for o in q.top_options if o.is_correct]


def wrong(q):
    return [next(o.id for o in q.top_options if not o.is_correct)]


# --- attempts -----------------------------------------------------------------------------

def test_layout_is_stored_and_resumed(app, staff):
    questions = [single(f"Q{i}") for i in range(4)]
    quiz = make_quiz(questions, shuffle_questions=True, shuffle_options=True)
    attempt = start_attempt(quiz, staff, rng=random.Random(3))
    assert sorted(attempt.question_ids) == sorted(q.id for q in questions)
    for item in attempt.layout:
        q = db.session.get(Question, item["q"])
        assert sorted(item["o"]) == sorted(o.id for o in q.top_options)
    again = start_attempt(quiz, staff, rng=random.Random(99))
    assert again.id == attempt.id and again.layout == attempt.layout


def test_random_draw_by_tag_and_value(app, staff, values):
    tagged = [single(f"T{i}", tags=["phone"], value=values[0]) for i in range(3)]
    single("other")
    quiz = make_quiz([])
    from quizzes.models import QuizDraw
    quiz.draws = [QuizDraw(count=2, tag="phone")]
    attempt = start_attempt(quiz, staff, rng=random.Random(1))
    assert len(attempt.question_ids) == 2
    assert set(attempt.question_ids) <= {q.id for q in tagged}
    assert [q.id for q in quizzes_for_value(values[0].id)] == []
    fixed_quiz = make_quiz(tagged[:1])
    assert quizzes_for_value(values[0].id) == [fixed_quiz]


def test_score_pass_mark_and_best_grade(app, staff):
    a, b = single("A"), multiple(correct=(0, 1))
    quiz = make_quiz([a, b], pass_mark=75)
    attempt = start_attempt(quiz, staff)
    answer(attempt, a.id, right(a), immediate=False)
    answer(attempt, b.id, right(b)[:1], immediate=False)  # half credit
    finish_attempt(attempt)
    assert attempt.score == 75.0 and attempt.passed is True


def test_double_submit_changes_nothing(app, staff):
    a = single()
    quiz = make_quiz([a])
    attempt = start_attempt(quiz, staff)
    answer(attempt, a.id, wrong(a), immediate=False)
    finish_attempt(attempt)
    first = (attempt.score, attempt.submitted_at)
    finish_attempt(attempt, now=datetime.now(UTC) + timedelta(hours=1))
    assert (attempt.score, attempt.submitted_at) == first
    with pytest.raises(QuizError) as error:
        answer(attempt, a.id, right(a), immediate=False)
    assert error.value.status == 409


def test_bad_answers_are_refused(app, staff):
    a, other = single("A"), single("B")
    quiz = make_quiz([a])
    attempt = start_attempt(quiz, staff)
    with pytest.raises(QuizError) as error:
        answer(attempt, other.id, right(other), immediate=True)
    assert error.value.status == 400
    with pytest.raises(QuizError):
        answer(attempt, a.id, right(other), immediate=True)
    answer(attempt, a.id, wrong(a), immediate=True)
    with pytest.raises(QuizError) as error:  # immediate feedback: the first answer is final
        answer(attempt, a.id, right(a), immediate=True)
    assert error.value.status == 409


def test_time_limit_is_enforced_on_the_server(app, staff):
    a, b = single("A"), single("B")
    quiz = make_quiz([a, b], time_limit_minutes=5)
    start = datetime.now(UTC)
    attempt = start_attempt(quiz, staff, now=start)
    answer(attempt, a.id, right(a), immediate=False, now=start + timedelta(minutes=4))
    with pytest.raises(QuizError):
        answer(attempt, b.id, right(b), immediate=False, now=start + timedelta(minutes=7))
    assert not attempt.finished
    # the next start finds the expired attempt, submits what was answered, and starts anew
    fresh = start_attempt(quiz, staff, now=start + timedelta(minutes=8))
    assert fresh.number == 2
    assert attempt.finished and attempt.score == 50.0


def test_attempt_limit(app, staff):
    a = single()
    quiz = make_quiz([a], max_attempts=1)
    finish_attempt(start_attempt(quiz, staff))
    with pytest.raises(QuizError) as error:
        start_attempt(quiz, staff)
    assert error.value.status == 409


def test_branching_in_an_attempt_stores_the_path(app, staff):
    q = branching()
    quiz = make_quiz([q])
    attempt = start_attempt(quiz, staff)
    first = [o for o in q.options if o.step_id == q.steps[0].id][0]
    response = answer(attempt, q.id, [first.id], immediate=True)
    assert not response.completed
    second = [o for o in q.options if o.step_id == q.steps[1].id][1]
    response = answer(attempt, q.id, [second.id], immediate=True)
    assert response.completed and response.score == pytest.approx(0.4)
    assert response.chosen_ids == [first.id, second.id]
    finish_attempt(attempt)
    assert attempt.score == 40.0


def test_editing_an_answered_question_makes_a_new_version(app, staff):
    q = single("Old text")
    quiz = make_quiz([q])
    attempt = start_attempt(quiz, staff)
    answer(attempt, q.id, right(q), immediate=False)
    finish_attempt(attempt)
    data = QuestionData(kind="single", prompt_en="New text", options=[
        OptionData("yes", correct=True), OptionData("no")])
    new = update_question(q, data)
    assert new.id != q.id and new.family_id == q.family_id and new.version == 2
    assert not q.is_current and q.prompt_en == "Old text"
    response = db.session.query(Response).filter_by(attempt_id=attempt.id).one()
    assert response.question.prompt_en == "Old text"
    assert start_attempt(quiz, staff).question_ids == [new.id]


def test_editing_an_unanswered_question_keeps_it(app):
    q = single("Draft")
    data = QuestionData(kind="single", prompt_en="Better", options=[
        OptionData("a", correct=True), OptionData("b")])
    assert update_question(q, data).id == q.id and q.prompt_en == "Better"


def test_concurrent_submits_score_once(app, staff):
    a = single()
    quiz = make_quiz([a])
    attempt = start_attempt(quiz, staff)
    answer(attempt, a.id, right(a), immediate=False)
    db.session.commit()
    attempt_id, results = attempt.id, []

    def submit():
        with app.app_context():
            row = db.session.get(Attempt, attempt_id)
            finish_attempt(row)
            db.session.commit()
            results.append(row.submitted_at)
            db.session.remove()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    db.session.expire_all()
    row = db.session.get(Attempt, attempt_id)
    assert row.score == 100.0 and len(set(results)) == 1


# --- Leitner ------------------------------------------------------------------------------

def test_leitner_schedule():
    day = date(2026, 3, 1)
    assert INTERVALS == {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
    assert schedule(1, True, day) == (2, day + timedelta(days=2))
    assert schedule(4, True, day) == (5, day + timedelta(days=16))
    assert schedule(5, True, day) == (5, day + timedelta(days=16))
    assert schedule(4, False, day) == (1, day + timedelta(days=1))


def test_wrong_answers_come_back_sooner(app, staff):
    q = single()
    day = date(2026, 3, 1)
    card = record_review(staff.id, q.family_id, True, day)
    assert (card.box, card.due_on) == (2, day + timedelta(days=2))
    card = record_review(staff.id, q.family_id, True, day + timedelta(days=2))
    assert (card.box, card.due_on) == (3, day + timedelta(days=6))
    card = record_review(staff.id, q.family_id, False, day + timedelta(days=6))
    assert (card.box, card.due_on, card.lapses) == (1, day + timedelta(days=7), 1)


def test_daily_set_value_question_then_due_reviews(app, staff):
    questions = [single(f"D{i}") for i in range(5)]
    day = date(2026, 3, 10)
    for q in questions[:3]:
        db.session.add(ReviewCard(user_id=staff.id, family_id=q.family_id, box=1,
                                  due_on=day - timedelta(days=1)))
    db.session.flush()
    items = daily_set(staff, day)
    assert len(items) == 3
    assert items[0].slot == 0 and not items[0].is_review
    assert all(i.is_review for i in items[1:])
    first = items[0]
    answer_daily(staff, day, first.question.id, right(first.question))
    with pytest.raises(QuizError) as error:
        answer_daily(staff, day, first.question.id, right(first.question))
    assert error.value.status == 409
    after = daily_set(staff, day)
    assert len(after) == 3 and after[0].answered
    assert streak(staff, day) == 1


def test_streak_counts_consecutive_days(app, staff):
    q = single()
    day = date(2026, 3, 10)
    for back in (1, 2, 3, 5):
        db.session.add(Response(kind="daily", user_id=staff.id, question_id=q.id,
                                day=day - timedelta(days=back), slot=0, score=1,
                                completed=True))
    db.session.flush()
    assert streak(staff, day) == 3


# --- assignments --------------------------------------------------------------------------

def test_assignment_status_transitions(app, staff, hr, department):
    q = single()
    quiz = make_quiz([q], pass_mark=100)
    assignment = assign_quiz(hr, quiz, due_on=date.today() + timedelta(days=5),
                             department=department)
    db.session.flush()
    assert my_training(staff)[0].status is Status.NOT_STARTED
    attempt = start_attempt(quiz, staff)
    assert my_training(staff)[0].status is Status.IN_PROGRESS
    answer(attempt, q.id, wrong(q), immediate=False)
    finish_attempt(attempt)
    assert my_training(staff)[0].status is Status.FAILED
    assignment.due_on = date.today() - timedelta(days=1)
    assert my_training(staff)[0].status is Status.OVERDUE
    attempt = start_attempt(quiz, staff)
    answer(attempt, q.id, right(q), immediate=False)
    finish_attempt(attempt)
    assert my_training(staff)[0].status is Status.PASSED


def test_late_joiner_gets_open_assignments_with_their_own_time(app, hr, department):
    quiz = make_quiz([single()])
    assignment = assign_quiz(hr, quiz, due_on=date.today() + timedelta(days=3),
                             department=department)
    db.session.flush()
    assignment.created_at = datetime.now(UTC) - timedelta(days=10)
    newcomer = make_user(Role.STAFF, department, first_name="Neu")
    rows = my_training(newcomer)
    assert [r.assignment.id for r in rows] == [assignment.id]
    assert rows[0].due_on == date.today() + timedelta(days=13)
    assert personal_due_on(assignment, assignment.created_at) == assignment.due_on


def test_supervisors_assign_only_in_their_departments(app, supervisor, department):
    quiz = make_quiz([single()])
    other = make_department("Spa")
    outsider = make_user(Role.STAFF, other)
    with pytest.raises(QuizError) as error:
        assign_quiz(supervisor, quiz, due_on=date.today(), user=outsider)
    assert error.value.status == 403
    assert assign_quiz(supervisor, quiz, due_on=date.today(), department=department)
    with pytest.raises(QuizError):
        assign_quiz(supervisor, quiz, due_on=date.today(), department=department, role="staff")


def test_targeted_assignment_is_only_the_persons(app, staff, hr, department):
    quiz = make_quiz([single()])
    colleague = make_user(Role.STAFF, department)
    assign_quiz(hr, quiz, due_on=date.today(), user=staff, note="After complaint")
    db.session.flush()
    assert len(my_training(staff)) == 1 and my_training(colleague) == []


# --- statistics and mastery ---------------------------------------------------------------

def _submitted(user, quiz, picks):
    attempt = start_attempt(quiz, user)
    for question, chosen in picks:
        answer(attempt, question.id, chosen, immediate=False)
    return finish_attempt(attempt)


def test_item_statistics_against_hand_computed_numbers(app, department):
    q1, q2 = single("Q1", n=3), single("Q2", n=2)
    quiz = make_quiz([q1, q2])
    w1 = [o.id for o in q1.top_options if not o.is_correct]
    people = [make_user(Role.STAFF, department) for _ in range(4)]
    # (q1, q2) scores: (1,1) (1,0) (0,1) (0,0); wrong q1 answers: option w1[0] twice? no: once each
    _submitted(people[0], quiz, [(q1, right(q1)), (q2, right(q2))])
    _submitted(people[1], quiz, [(q1, right(q1)), (q2, wrong(q2))])
    _submitted(people[2], quiz, [(q1, [w1[1]]), (q2, right(q2))])
    _submitted(people[3], quiz, [(q1, [w1[1]]), (q2, wrong(q2))])
    stats = item_statistics([q1.id, q2.id])
    assert stats[q1.id].responses == 4 and stats[q1.id].facility == 50.0
    # item q1 = (1,1,0,0), rest = q2 = (1,0,1,0): Pearson r = 0
    assert stats[q1.id].discrimination == pytest.approx(0.0)
    assert stats[q1.id].top_wrong_option_id == w1[1] and stats[q1.id].top_wrong_count == 2
    assert stats[q1.id].unreliable
    assert pearson(4, 2, 2, 2, 2, 2) == pytest.approx(1.0)  # x = y = (1,1,0,0)


def test_person_mastery_over_90_days(app, staff, values):
    q = single(value=values[0])
    quiz = make_quiz([q])
    _submitted(staff, quiz, [(q, right(q))])
    _submitted(staff, quiz, [(q, wrong(q))])
    db.session.add(Response(kind="daily", user_id=staff.id, question_id=q.id,
                            value_id=values[0].id, day=date.today(), slot=0, score=1.0,
                            completed=True, answered_at=datetime.now(UTC) - timedelta(days=91)))
    db.session.flush()
    assert person_mastery(staff.id) == {values[0].id: (50.0, 2)}


def test_statuses_for_many_people_in_one_query(app, hr, department):
    from tests.support import count_queries

    quiz = make_quiz([single()])
    assignment = assign_quiz(hr, quiz, due_on=date.today(), department=department)
    for _ in range(3):
        make_user(Role.STAFF, department)
    db.session.flush()
    with count_queries() as few:
        statuses([assignment])
    for _ in range(20):
        make_user(Role.STAFF, department)
    db.session.flush()
    with count_queries() as many:
        rows = statuses([assignment])
    assert len(rows) == 23 and many.count == few.count


def test_targeted_assignment_ignores_passes_before_it(app, staff, hr):
    q = single()
    quiz = make_quiz([q])
    attempt = start_attempt(quiz, staff)
    answer(attempt, q.id, right(q), immediate=False)
    finish_attempt(attempt)
    attempt.started_at = datetime.now(UTC) - timedelta(days=30)
    group = assign_quiz(hr, quiz, due_on=date.today(), role="staff")
    db.session.flush()
    assert my_training(staff)[0].status is Status.PASSED
    group.cancelled = True
    assign_quiz(hr, quiz, due_on=date.today() + timedelta(days=2), user=staff,
                note="After a complaint")
    db.session.flush()
    assert my_training(staff)[0].status is Status.NOT_STARTED


def test_unpublished_quiz_only_for_those_assigned(app, staff, hr, department):
    quiz = make_quiz([single()], published=False)
    with pytest.raises(QuizError):
        start_attempt(quiz, staff)
    assign_quiz(hr, quiz, due_on=date.today(), department=department)
    assert start_attempt(quiz, staff).number == 1


def test_department_mastery_against_hand_computed_numbers(app, values, department):
    from quizzes.stats import department_mastery

    q1, q2 = single("V1", value=values[0]), single("V2", value=values[1])
    quiz = make_quiz([q1, q2])
    a, b = make_user(Role.STAFF, department), make_user(Role.STAFF, department)
    other = make_user(Role.STAFF, make_department("Spa"))
    _submitted(a, quiz, [(q1, right(q1)), (q2, wrong(q2))])
    _submitted(b, quiz, [(q1, right(q1)), (q2, right(q2))])
    _submitted(other, quiz, [(q1, wrong(q1)), (q2, wrong(q2))])
    cells = department_mastery()
    assert cells[(department.id, values[0].id)] == (100.0, 2)
    assert cells[(department.id, values[1].id)] == (50.0, 2)
    assert cells[(other.department_id, values[0].id)] == (0.0, 1)
    assert department_mastery([department.id]).keys() == {(department.id, values[0].id),
                                                          (department.id, values[1].id)}


def test_supervisor_sees_role_assignments_but_not_other_teams_targeted(
        app, supervisor, hr, department):
    from quizzes.assignments import visible_assignments

    quiz = make_quiz([single()])
    elsewhere = make_user(Role.STAFF, make_department("Spa"))
    by_role = assign_quiz(hr, quiz, due_on=date.today(), role="staff")
    targeted = assign_quiz(hr, quiz, due_on=date.today(), user=elsewhere)
    db.session.flush()
    seen = set(db.session.scalars(visible_assignments(supervisor)))
    assert by_role in seen and targeted not in seen


def test_first_daily_question_is_on_the_line_up_value(app, staff, values, monkeypatch):
    import quizzes.spaced as spaced

    single("Off topic", value=values[0])
    on_value = single("On topic", value=values[1])
    monkeypatch.setattr(spaced, "value_of_the_day", lambda site, day: values[1])
    items = daily_set(staff, date(2026, 3, 10))
    assert items[0].question.id == on_value.id and not items[0].is_review
    # a value without questions falls back to any question
    monkeypatch.setattr(spaced, "value_of_the_day", lambda site, day: values[2])
    assert daily_set(staff, date(2026, 3, 10))[0].question is not None
