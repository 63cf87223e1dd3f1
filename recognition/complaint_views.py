"""Complaints: private follow-up by an owner, and HR's view over time."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lineup.extensions import db
from lineup.i18n import current_language
from lineup.models import Role, User
from lineup.permissions import get_or_404, role_required

from . import bp
from . import complaints as service
from .forms import ComplaintForm, NoteForm, StateForm, TrainingForm
from .models import Feedback, Kind
from .services import RecognitionError, can_moderate, service_values, site_people, site_today
from .web import me, people_choices, site_departments, values_with_blank

PER_PAGE = 25


@bp.get("/recognition/complaints")
@role_required(Role.SUPERVISOR)
def complaints():
    state = request.args.get("state")
    mine = request.args.get("mine") == "1"
    page = db.paginate(service.complaints_query(me(), state, mine), per_page=PER_PAGE,
                       error_out=False)
    return render_template("recognition/complaints.html", page=page, state=state, mine=mine,
                           states=service.ORDER, today=site_today(me().site))


def _load(complaint_id: int) -> Feedback:
    complaint = get_or_404(Feedback, complaint_id)
    if complaint.kind != Kind.COMPLAINT.value:
        abort(404)
    if not can_moderate(me(), complaint):
        abort(403)
    return complaint


def _owners(complaint: Feedback) -> list[User]:
    return [u for u in db.session.scalars(
        sa.select(User).where(User.role.in_([Role.SUPERVISOR.value, Role.HR.value]),
                              User.active.is_(True)).order_by(User.first_name))
            if u.has_role(Role.HR) or complaint.department_id in {
                d.id for d in u.led_departments}]


def _context(complaint: Feedback, form: ComplaintForm | None = None,
             training: TrainingForm | None = None) -> dict:
    if form is None:
        form = ComplaintForm(formdata=None, data={
            "owner": complaint.owner_id, "department": complaint.department_id,
            "value": complaint.value_id, "due_on": complaint.due_on})
    form.owner.choices = [(0, _("Nobody yet"))] + [(u.id, u.full_name)
                                                   for u in _owners(complaint)]
    form.department.choices = [(0, _("Not assigned"))] + [
        (d.id, d.name) for d in site_departments(complaint.site_id)]
    form.value.choices = values_with_blank(_("Not chosen yet"))
    quizzes = service.quizzes_for(complaint)
    if training is None:
        training = TrainingForm(formdata=None, data={
            "due_on": site_today(complaint.site) + timedelta(days=14),
            "person": complaint.matched[0].id if complaint.matched else None})
    language = current_language()
    training.quiz.choices = [(q.id, q.title(language)) for q in quizzes]
    people = [p for p in site_people(complaint.site_id)
              if p.department_id == complaint.department_id]
    training.person.choices = [(0, "-")] + people_choices(people)
    return {"complaint": complaint, "form": form, "training": training,
            "notes": service.notes_of(complaint), "note_form": NoteForm(formdata=None),
            "next_state": service.next_state(complaint), "state_form": StateForm(),
            "quizzes": quizzes, "states": service.ORDER}


def _show(complaint: Feedback, error: RecognitionError | None = None, **forms):
    if error is not None:
        db.session.rollback()
        flash(error.message, "error")
        complaint = db.session.get(Feedback, complaint.id)
    return render_template("recognition/complaint.html", **_context(complaint, **forms)), (
        error.status if error else 200)


def _done(complaint: Feedback, message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("recognition.complaint", complaint_id=complaint.id), 303)


@bp.route("/recognition/complaints/<int:complaint_id>", methods=["GET", "POST"])
@role_required(Role.SUPERVISOR)
def complaint(complaint_id: int):
    complaint = _load(complaint_id)
    if request.method == "GET":
        return _show(complaint)
    form = ComplaintForm()
    ctx_form = _context(complaint, form)["form"]
    if not ctx_form.validate_on_submit():
        return _show(complaint, RecognitionError(_("Please check the fields.")), form=ctx_form)
    try:
        service.update(me(), complaint, owner_id=form.owner.data, due_on=form.due_on.data,
                       value_id=form.value.data, department_id=form.department.data)
    except RecognitionError as error:
        return _show(complaint, error)
    return _done(complaint, _("Complaint saved."))


@bp.post("/recognition/complaints/<int:complaint_id>/state")
@role_required(Role.SUPERVISOR)
def complaint_state(complaint_id: int):
    complaint = _load(complaint_id)
    form = StateForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        service.advance(me(), complaint, form.to_state.data or "", form.expected.data or "")
    except RecognitionError as error:
        return _show(complaint, error)
    return _done(complaint, _("Status updated."))


@bp.post("/recognition/complaints/<int:complaint_id>/notes")
@role_required(Role.SUPERVISOR)
def complaint_note(complaint_id: int):
    complaint = _load(complaint_id)
    form = NoteForm()
    try:
        if not form.validate_on_submit():
            raise RecognitionError(_("Write a note of at most 2000 characters."))
        service.add_note(me(), complaint, form.text.data)
    except RecognitionError as error:
        return _show(complaint, error)
    return _done(complaint, _("Note added."))


@bp.post("/recognition/complaints/<int:complaint_id>/training")
@role_required(Role.SUPERVISOR)
def complaint_training(complaint_id: int):
    complaint = _load(complaint_id)
    form = TrainingForm()
    ctx = _context(complaint, training=form)
    try:
        if not ctx["training"].validate_on_submit() or not form.quiz.data:
            raise RecognitionError(_("Choose a quiz and a due date."))
        whole = form.whole_department.data
        service.assign_training(
            me(), complaint, form.quiz.data, due_on=form.due_on.data,
            user_id=None if whole else form.person.data,
            department_id=complaint.department_id if whole else None)
    except RecognitionError as error:
        return _show(complaint, error, training=form)
    return _done(complaint, _("Quiz assigned."))


@bp.get("/recognition/complaints/report")
@role_required(Role.HR)
def complaints_report():
    months = request.args.get("months", 6, type=int)
    months = min(max(months, 1), 24)
    since = site_today(me().site) - timedelta(days=31 * months)
    rows = service.report(since, request.args.get("site", type=int))
    language = current_language()
    titles = {v.id: v.title_for(language) for v in service_values()}
    return render_template("recognition/complaints_report.html", rows=rows, titles=titles,
                           months=months)
