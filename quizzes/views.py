"""Pages for everyone: quizzes to take, attempts, results, the daily question."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.i18n import current_language
from lineup.permissions import get_or_404, signed_in

from . import bp
from . import panels as _panels  # noqa: F401 - registers Today panels, hub links, demo seeder
from .assignments import my_training
from .attempts import (
    answer,
    attempt_page,
    attempts_of,
    best_grade,
    best_grades,
    expire_if_due,
    finish_attempt,
    review_rows,
    start_attempt,
)
from .errors import QuizError
from .models import Attempt, FeedbackTiming, Quiz
from .services import service_values
from .spaced import answer_daily, local_today, site_zone, streak
from .stats import heat_level, person_mastery


def fail(error: QuizError):
    abort(error.status, description=error.message)


def int_list(values: list[str]) -> list[int]:
    """Form values as ints; 400 for anything that is not a number."""
    try:
        return [int(v) for v in values]
    except ValueError:
        abort(400, description=_("That answer is not one of the options."))


def own_attempt(attempt_id: int) -> Attempt:
    """The signed-in person's attempt, or 404 (someone else's attempt is not found either)."""
    attempt = get_or_404(Attempt, attempt_id)
    if attempt.user_id != current_user.id:
        abort(404)
    return attempt


@bp.get("/")
@signed_in
def index():
    page = db.paginate(sa.select(Quiz).where(Quiz.published.is_(True), Quiz.archived.is_(False))
                       .order_by(Quiz.id), per_page=current_app.config["PAGE_SIZE"],
                       error_out=False)
    return render_template(
        "quizzes/index.html", page=page, training=my_training(current_user),
        grades=best_grades(current_user, [q.id for q in page.items]),
        mastery=person_mastery(current_user.id), values=service_values(),
        streak=streak(current_user, local_today(current_user.site)), heat_level=heat_level)


@bp.get("/<int:quiz_id>")
@signed_in
def quiz(quiz_id: int):
    quiz = get_or_404(Quiz, quiz_id)
    if quiz.archived:
        abort(404)
    return render_template("quizzes/quiz.html", quiz=quiz, attempts=attempts_of(current_user, quiz),
                           best=best_grade(current_user, quiz), form=ActionForm())


@bp.post("/<int:quiz_id>/start")
@signed_in
def start(quiz_id: int):
    quiz = get_or_404(Quiz, quiz_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        attempt = start_attempt(quiz, current_user)
    except QuizError as error:
        fail(error)
    db.session.commit()
    return redirect(url_for(".attempt", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>")
@signed_in
def attempt(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if expire_if_due(attempt):
        db.session.commit()
        flash(_("The time is up. Your answers so far were submitted."), "warning")
    if attempt.finished:
        return redirect(url_for(".result", attempt_id=attempt.id))
    immediate = attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE
    page = attempt_page(attempt, request.args.get("n", type=int), immediate)
    deadline = attempt.deadline_at.astimezone(site_zone(current_user.site)) if (
        attempt.deadline_at) else None
    return render_template("quizzes/attempt.html", attempt=attempt, page=page,
                           immediate=immediate, form=ActionForm(), lang=current_language(),
                           deadline=deadline)


@bp.post("/attempts/<int:attempt_id>/answer")
@signed_in
def answer_question(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    question_id = request.form.get("question", type=int)
    options = int_list(request.form.getlist("option"))
    if question_id is None or not options:
        abort(400, description=_("Choose an answer first."))
    immediate = attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE
    try:
        response = answer(attempt, question_id, options, immediate=immediate)
    except QuizError as error:
        fail(error)
    db.session.commit()
    position = attempt.question_ids.index(question_id)
    if immediate or not response.completed:
        return redirect(url_for(".attempt", attempt_id=attempt.id, n=position) + "#feedback")
    return redirect(url_for(".attempt", attempt_id=attempt.id))


@bp.post("/attempts/<int:attempt_id>/submit")
@signed_in
def submit(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not expire_if_due(attempt):
        finish_attempt(attempt)
    db.session.commit()
    return redirect(url_for(".result", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>/result")
@signed_in
def result(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if expire_if_due(attempt):
        db.session.commit()
    if not attempt.finished:
        return redirect(url_for(".attempt", attempt_id=attempt.id))
    return render_template("quizzes/result.html", attempt=attempt, rows=review_rows(attempt),
                           review=attempt.quiz.review, lang=current_language(),
                           best=best_grade(current_user, attempt.quiz))


@bp.post("/daily")
@signed_in
def daily_answer():
    if not ActionForm().validate_on_submit():
        abort(400)
    question_id = request.form.get("question", type=int)
    options = int_list(request.form.getlist("option"))
    if question_id is None or not options:
        abort(400, description=_("Choose an answer first."))
    try:
        answer_daily(current_user, local_today(current_user.site), question_id, options)
    except QuizError as error:
        fail(error)
    db.session.commit()
    return redirect(url_for("core.today") + "#daily-question")


from . import admin_views as _admin_views  # noqa: E402, F401 - HR pages
from . import team_views as _team_views  # noqa: E402, F401 - assignments and mastery
