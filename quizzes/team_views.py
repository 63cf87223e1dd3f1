"""Pages for supervisors and HR: assignments, completion, mastery and the heatmap."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.i18n import current_language
from lineup.models import Department, Role, Site, User
from lineup.permissions import (
    can_see_person,
    get_or_404,
    is_org_wide,
    manageable_departments,
    require_department,
    role_required,
)

from . import bp
from .assignments import STATUS_LABELS, assign_quiz, cancel, statuses, summary_counts
from .assignments import visible_assignments as visible
from .errors import QuizError
from .forms import AssignmentForm
from .models import Assignment, Quiz
from .services import service_values
from .stats import department_mastery, departments_for, heat_level, person_mastery


def _visible_assignment(assignment_id: int) -> Assignment:
    assignment = get_or_404(Assignment, assignment_id)
    if db.session.scalar(visible(current_user).where(Assignment.id == assignment.id)
                         .with_only_columns(Assignment.id)) is None:
        abort(403)
    return assignment


@bp.get("/assignments")
@role_required(Role.SUPERVISOR)
def assignments():
    page = db.paginate(visible(current_user).order_by(Assignment.due_on.desc(), Assignment.id)
                       .options(sa.orm.selectinload(Assignment.quiz),
                                sa.orm.selectinload(Assignment.user)),
                       per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("quizzes/assignments.html", page=page,
                           counts=summary_counts(list(page.items), current_user),
                           labels=STATUS_LABELS, lang=current_language(), targets=_target_names())


def _target_names() -> dict:
    departments = {d.id: str(d) for d in departments_for(None, None)}
    sites = {s.id: s.name for s in db.session.scalars(sa.select(Site))}
    return {"department": departments, "site": sites}


def _assignment_form() -> AssignmentForm:
    form = AssignmentForm()
    lang = current_language()
    quizzes = db.session.scalars(sa.select(Quiz).where(Quiz.archived.is_(False))
                                 .order_by(Quiz.id))
    form.quiz_id.choices = [(q.id, q.title(lang)) for q in quizzes]
    departments = manageable_departments(current_user)
    form.department_id.choices = [(0, "—")] + [(d.id, str(d)) for d in departments]
    people = db.session.scalars(
        sa.select(User).where(User.active.is_(True),
                              User.department_id.in_([d.id for d in departments]))
        .order_by(User.last_name, User.first_name))
    form.user_id.choices = [(0, "—")] + [(u.id, u.full_name) for u in people]
    sites = db.session.scalars(sa.select(Site).order_by(Site.name)) if is_org_wide(
        current_user) else []
    form.site_id.choices = [(0, "—")] + [(s.id, s.name) for s in sites]
    if not is_org_wide(current_user):
        form.target.choices = [c for c in form.target.choices if c[0] in ("person", "department")]
    return form


@bp.route("/assignments/new", methods=["GET", "POST"])
@role_required(Role.SUPERVISOR)
def new_assignment():
    form = _assignment_form()
    if not form.validate_on_submit():
        return render_template("quizzes/assignment_form.html", form=form), (
            400 if request.method == "POST" else 200)
    target = form.target.data
    kwargs = {
        "person": lambda: {"user": db.session.get(User, form.user_id.data)},
        "department": lambda: {"department": db.session.get(Department, form.department_id.data)},
        "site": lambda: {"site": db.session.get(Site, form.site_id.data)},
        "role": lambda: {"role": form.role.data},
    }[target]()
    if not all(kwargs.values()):
        form.target.errors.append(_("Choose who should take the quiz."))
        return render_template("quizzes/assignment_form.html", form=form), 400
    try:
        assignment = assign_quiz(current_user, db.session.get(Quiz, form.quiz_id.data),
                                 due_on=form.due_on.data, note=form.note.data, **kwargs)
    except QuizError as error:
        abort(error.status, description=error.message)
    db.session.commit()
    flash(_("The quiz was assigned."), "success")
    return redirect(url_for(".assignment", assignment_id=assignment.id))


@bp.get("/assignments/<int:assignment_id>")
@role_required(Role.SUPERVISOR)
def assignment(assignment_id: int):
    assignment = _visible_assignment(assignment_id)
    scope = None if is_org_wide(current_user) else [d.id for d in current_user.led_departments]
    rows = statuses([assignment], department_ids=scope)
    wanted = request.args.get("status", "")
    counts = {s.value: sum(1 for r in rows if r.status is s) for s in STATUS_LABELS}
    if wanted in counts:
        rows = [r for r in rows if r.status.value == wanted]
    return render_template("quizzes/assignment.html", assignment=assignment, rows=rows,
                           counts=counts, wanted=wanted, labels=STATUS_LABELS,
                           lang=current_language(), form=ActionForm(), targets=_target_names())


@bp.post("/assignments/<int:assignment_id>/cancel")
@role_required(Role.SUPERVISOR)
def cancel_assignment(assignment_id: int):
    assignment = _visible_assignment(assignment_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not is_org_wide(current_user):
        require_department(current_user, assignment.department_id or (
            assignment.user.department_id if assignment.user else None))
    cancel(current_user, assignment)
    db.session.commit()
    flash(_("The assignment was withdrawn."), "success")
    return redirect(url_for(".assignments"))


@bp.get("/mastery")
@role_required(Role.SUPERVISOR)
def mastery():
    site_id = request.args.get("site", type=int) if is_org_wide(current_user) else None
    scope = None if is_org_wide(current_user) else [d.id for d in current_user.led_departments]
    departments = departments_for(site_id, scope)
    sites = list(db.session.scalars(sa.select(Site).order_by(Site.name))) if is_org_wide(
        current_user) else []
    return render_template("quizzes/mastery.html", departments=departments,
                           values=service_values(), sites=sites, site_id=site_id,
                           cells=department_mastery(scope, site_id), heat_level=heat_level,
                           lang=current_language())


@bp.get("/people/<int:user_id>/mastery")
@role_required(Role.SUPERVISOR)
def person(user_id: int):
    person = get_or_404(User, user_id)
    if not can_see_person(current_user, person):
        abort(403)
    return render_template("quizzes/person.html", person=person, values=service_values(),
                           mastery=person_mastery(person.id), heat_level=heat_level,
                           lang=current_language())
