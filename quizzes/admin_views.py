"""HR pages: the question bank, quizzes, item statistics, import and export."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import Response as HttpResponse
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from lineup.audit import record
from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.i18n import current_language
from lineup.models import Department, Role, Site
from lineup.permissions import get_or_404, role_required

from . import bp
from .bank import (
    BankError,
    OptionData,
    QuestionData,
    create_question,
    current_questions,
    set_archived,
    update_question,
)
from .errors import QuizError
from .formats import FORMATS, export_csv, export_gift, parse
from .forms import ConfirmImportForm, ImportForm, QuestionForm, QuizForm
from .models import Category, Kind, Question, Quiz
from .scenario_text import parse_steps, steps_to_text
from .services import QuizSettings, save_import, save_quiz, service_values, value_numbers
from .stats import (
    MIN_RESPONSES,
    answered_questions,
    choice_counts,
    endings_reached,
    item_statistics,
)

# --- question bank ------------------------------------------------------------------------


@bp.get("/bank")
@role_required(Role.HR)
def bank():
    stmt = current_questions().options(selectinload(Question.category))
    filters = {k: request.args.get(k, "") for k in ("q", "kind", "category", "value", "tag")}
    if filters["q"]:
        like = f"%{filters['q'][:100]}%"
        stmt = stmt.where(sa.or_(Question.prompt_en.ilike(like), Question.prompt_de.ilike(like),
                                 Question.situation_en.ilike(like),
                                 Question.situation_de.ilike(like)))
    if filters["kind"] in {k.value for k in Kind}:
        stmt = stmt.where(Question.kind == filters["kind"])
    if filters["category"].isdigit():
        stmt = stmt.where(Question.category_id == int(filters["category"]))
    if filters["value"].isdigit():
        stmt = stmt.where(Question.value_id == int(filters["value"]))
    if filters["tag"]:
        stmt = stmt.where(Question.tags.contains(f",{filters['tag'].strip().lower()},"))
    page = db.paginate(stmt.order_by(Question.family_id), per_page=current_app.config["PAGE_SIZE"],
                       error_out=False)
    return render_template(
        "quizzes/bank.html", page=page, filters=filters, lang=current_language(),
        categories=db.session.scalars(sa.select(Category).order_by(Category.name)).all(),
        values={v.id: v for v in service_values()})


def _question_form(question: Question | None = None) -> QuestionForm:
    form = QuestionForm(obj=None)
    lang = current_language()
    form.value_id.choices = [(0, "—")] + [
        (v.id, f"{v.number or ''} {v.title_for(lang)}".strip()) for v in service_values()]
    if question is not None and request.method == "GET":
        for name in ("kind", "difficulty", "situation_en", "situation_de", "prompt_en",
                     "prompt_de", "principle_en", "principle_de", "feedback_en", "feedback_de"):
            getattr(form, name).data = getattr(question, name)
        form.channel.data, form.mood.data = question.channel or "", question.mood or ""
        form.value_id.data = question.value_id or 0
        form.category.data = question.category.name if question.category else ""
        form.tags.data = ", ".join(question.tag_list)
        if question.kind_enum is Kind.BRANCHING:
            form.steps.data = steps_to_text(question)
        for entry, option in zip(form.options.entries, question.top_options, strict=False):
            for name in ("text_en", "text_de", "feedback_en", "feedback_de"):
                entry.form[name].data = getattr(option, name)
            entry.form.correct.data = option.is_correct
    return form


def _question_data(form: QuestionForm) -> QuestionData:
    """The form as QuestionData; BankError for a branching text that cannot be read."""
    steps: list = []
    if form.kind.data == Kind.BRANCHING:
        steps, errors = parse_steps(form.steps.data or "")
        if errors:
            raise BankError(" ".join(errors))
    return QuestionData(steps=steps,
        kind=form.kind.data, prompt_en=form.prompt_en.data or "",
        prompt_de=form.prompt_de.data or "", situation_en=form.situation_en.data or "",
        situation_de=form.situation_de.data or "", principle_en=form.principle_en.data or "",
        principle_de=form.principle_de.data or "", feedback_en=form.feedback_en.data or "",
        feedback_de=form.feedback_de.data or "", category=form.category.data,
        value_id=form.value_id.data or None, difficulty=form.difficulty.data,
        channel=form.channel.data or None, mood=form.mood.data or None,
        tags=(form.tags.data or "").split(","),
        options=[OptionData(text_en=e.form.text_en.data or "", text_de=e.form.text_de.data or "",
                            feedback_en=e.form.feedback_en.data or "",
                            feedback_de=e.form.feedback_de.data or "",
                            correct=bool(e.form.correct.data)) for e in form.options.entries])


@bp.route("/bank/new", methods=["GET", "POST"])
@role_required(Role.HR)
def new_question():
    form = _question_form()
    if form.validate_on_submit():
        try:
            question = create_question(_question_data(form))
        except BankError as error:
            form.kind.errors = [str(error)]
        else:
            record(current_user, "question.created", question)
            db.session.commit()
            flash(_("The question was added."), "success")
            return redirect(url_for(".question", question_id=question.id))
    status = 400 if request.method == "POST" else 200
    return render_template("quizzes/question_form.html", form=form, question=None), status


@bp.get("/bank/<int:question_id>")
@role_required(Role.HR)
def question(question_id: int):
    question = get_or_404(Question, question_id)
    stats = item_statistics([question.id]).get(question.id)
    versions = db.session.scalars(sa.select(Question).where(
        Question.family_id == question.family_id).order_by(Question.version)).all()
    return render_template("quizzes/question.html", question=question, stats=stats,
                           versions=versions,
                           counts=choice_counts(question.id), endings=endings_reached(question.id),
                           lang=current_language(), form=ActionForm(),
                           min_responses=MIN_RESPONSES)


@bp.route("/bank/<int:question_id>/edit", methods=["GET", "POST"])
@role_required(Role.HR)
def edit_question(question_id: int):
    question = get_or_404(Question, question_id)
    if not question.is_current:
        abort(409, description=_("Only the newest version of a question can be edited."))
    form = _question_form(question)
    if form.validate_on_submit():
        try:
            saved = update_question(question, _question_data(form))
        except BankError as error:
            form.kind.errors = [str(error)]
        else:
            record(current_user, "question.updated", saved, {"version": saved.version})
            db.session.commit()
            flash(_("Saved as version %(n)d.", n=saved.version) if saved.id != question.id
                  else _("The question was saved."), "success")
            return redirect(url_for(".question", question_id=saved.id))
    status = 400 if request.method == "POST" else 200
    return render_template("quizzes/question_form.html", form=form, question=question), status


@bp.post("/bank/<int:question_id>/archive")
@role_required(Role.HR)
def archive_question(question_id: int):
    question = get_or_404(Question, question_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    set_archived(question, not question.archived)
    record(current_user, "question.archived" if question.archived else "question.restored",
           question)
    db.session.commit()
    return redirect(url_for(".question", question_id=question.id))


# --- quizzes ------------------------------------------------------------------------------


@bp.get("/manage")
@role_required(Role.HR)
def manage():
    page = db.paginate(sa.select(Quiz).where(Quiz.archived.is_(False)).order_by(Quiz.id)
                       .options(selectinload(Quiz.fixed), selectinload(Quiz.draws)),
                       per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("quizzes/manage.html", page=page, lang=current_language())


def _quiz_form(quiz: Quiz | None) -> QuizForm:
    form = QuizForm(obj=quiz if request.method == "GET" else None)
    lang = current_language()
    rows = db.session.scalars(current_questions().order_by(Question.family_id))
    form.questions.choices = [(q.family_id, f"#{q.family_id} {q.prompt(lang)[:90]}")
                              for q in rows]
    categories = db.session.scalars(sa.select(Category).order_by(Category.name))
    category_choices = [(0, _("Any"))] + [(c.id, c.name) for c in categories]
    value_choices = [(0, _("Any"))] + [(v.id, f"{v.number or ''} {v.title_for(lang)}".strip())
                                       for v in service_values()]
    for entry in form.draws.entries:
        entry.form.category_id.choices = category_choices
        entry.form.value_id.choices = value_choices
    if quiz is not None and request.method == "GET":
        form.questions.data = [f.family_id for f in quiz.fixed]
        for entry, draw in zip(form.draws.entries, quiz.draws, strict=False):
            entry.form.count.data = draw.count
            entry.form.category_id.data = draw.category_id or 0
            entry.form.value_id.data = draw.value_id or 0
            entry.form.tag.data = draw.tag or ""
    return form


def _quiz_settings(form: QuizForm) -> QuizSettings:
    draws = tuple((e.form.count.data, e.form.category_id.data or None,
                   e.form.value_id.data or None, (e.form.tag.data or "").strip().lower() or None)
                  for e in form.draws.entries if e.form.count.data)
    return QuizSettings(
        title_en=form.title_en.data or "", title_de=form.title_de.data or "",
        description_en=form.description_en.data or "",
        description_de=form.description_de.data or "", pass_mark=form.pass_mark.data,
        max_attempts=form.max_attempts.data, time_limit_minutes=form.time_limit_minutes.data,
        shuffle_questions=form.shuffle_questions.data, shuffle_options=form.shuffle_options.data,
        feedback_timing=form.feedback_timing.data, review=form.review.data,
        published=form.published.data, family_ids=tuple(form.questions.data or ()), draws=draws)


@bp.route("/manage/new", methods=["GET", "POST"])
@role_required(Role.HR)
def new_quiz():
    return _edit_quiz(None)


@bp.route("/manage/<int:quiz_id>/edit", methods=["GET", "POST"])
@role_required(Role.HR)
def edit_quiz(quiz_id: int):
    return _edit_quiz(get_or_404(Quiz, quiz_id))


def _edit_quiz(quiz: Quiz | None):
    form = _quiz_form(quiz)
    if form.validate_on_submit():
        try:
            quiz = save_quiz(quiz, _quiz_settings(form), current_user)
        except QuizError as error:
            form.title_en.errors = [error.message]
        else:
            db.session.commit()
            flash(_("The quiz was saved."), "success")
            return redirect(url_for(".quiz", quiz_id=quiz.id))
    status = 400 if request.method == "POST" else 200
    return render_template("quizzes/quiz_form.html", form=form, quiz=quiz), status


# --- statistics ---------------------------------------------------------------------------


@bp.get("/stats")
@role_required(Role.HR)
def stats():
    site_id = request.args.get("site", type=int)
    department_id = request.args.get("department", type=int)
    page = db.paginate(answered_questions(site_id, department_id).options(
        selectinload(Question.options)), per_page=current_app.config["PAGE_SIZE"],
        error_out=False)
    numbers = item_statistics([q.id for q in page.items], site_id, department_id)
    sites = db.session.scalars(sa.select(Site).order_by(Site.name)).all()
    departments = db.session.scalars(sa.select(Department).join(Site)
                                     .order_by(Site.name, Department.name)
                                     .options(selectinload(Department.site))).all()
    return render_template("quizzes/stats.html", page=page, numbers=numbers, sites=sites,
                           departments=departments, site_id=site_id,
                           department_id=department_id, lang=current_language(),
                           min_responses=MIN_RESPONSES)


# --- import and export --------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"])
@role_required(Role.HR)
def import_questions():
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("quizzes/import.html", form=form), (
            400 if request.method == "POST" else 200)
    raw = form.file.data.read()
    preview = parse(raw, form.format.data, form.language.data, form.category.data)
    confirm = ConfirmImportForm(formdata=None, format=form.format.data,
                                language=form.language.data, category=form.category.data,
                                payload=raw.decode("utf-8-sig") if preview.ok else "")
    return render_template("quizzes/import_preview.html", preview=preview, confirm=confirm,
                           lang=form.language.data), (200 if preview.ok else 400)


@bp.post("/import/confirm")
@role_required(Role.HR)
def confirm_import():
    form = ConfirmImportForm()
    if not form.validate_on_submit() or form.format.data not in FORMATS or (
            form.language.data not in ("de", "en")):
        abort(400, description=_("The import form was incomplete. Please upload the file again."))
    preview = parse((form.payload.data or "").encode("utf-8"), form.format.data,
                    form.language.data, form.category.data)
    try:
        created = save_import(preview, current_user)
    except QuizError as error:
        abort(error.status, description=error.message)
    db.session.commit()
    flash(_("%(n)d questions were imported.", n=len(created)), "success")
    return redirect(url_for(".bank"))


@bp.get("/export")
@role_required(Role.HR)
def export():
    fmt = request.args.get("format", "gift")
    language = request.args.get("language", current_language())
    if fmt not in ("gift", "csv") or language not in ("de", "en"):
        abort(400, description=_("Export as GIFT or CSV, in German or English."))
    stmt = current_questions().order_by(Question.category_id, Question.family_id).options(
        selectinload(Question.options), selectinload(Question.category))
    category = request.args.get("category", type=int)
    if category:
        stmt = stmt.where(Question.category_id == category)
    questions = list(db.session.scalars(stmt))
    numbers = value_numbers()
    if fmt == "gift":
        body, mimetype = export_gift(questions, language, numbers), "text/plain"
    else:
        body, mimetype = export_csv(questions, numbers), "text/csv"
    name = f"lineup-questions-{date.today().isoformat()}.{'gift.txt' if fmt == 'gift' else 'csv'}"
    return HttpResponse(body, mimetype=f"{mimetype}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
