"""The moderation inbox: supervisors for their departments, HR for all."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.models import Role
from lineup.permissions import get_or_404, manageable_departments, role_required

from . import bp, moderation
from .awards import ensure_award_types, peek_budget
from .forms import ApproveForm, AwardForm, EditTextForm, MatchForm, RejectForm
from .models import Feedback, Kind, Status
from .services import RecognitionError, can_moderate, site_people
from .web import award_type_choices, me, people_choices, site_departments, values_with_blank

PER_PAGE = 20


@bp.get("/recognition/inbox")
@role_required(Role.SUPERVISOR)
def inbox():
    status = request.args.get("status", Status.PENDING.value)
    if status not in set(Status):
        status = Status.PENDING.value
    department_id = request.args.get("department", type=int)
    page = db.paginate(moderation.inbox_query(me(), status=status, department_id=department_id),
                       per_page=PER_PAGE, error_out=False)
    return render_template("recognition/inbox.html", page=page, status=status,
                           departments=manageable_departments(me()),
                           department_id=department_id)


def _load(feedback_id: int) -> Feedback:
    feedback = get_or_404(Feedback, feedback_id)
    if feedback.kind == Kind.COMPLAINT.value:
        abort(404)
    if not can_moderate(me(), feedback):
        abort(403)
    return feedback


def _forms(feedback: Feedback) -> dict:
    people = site_people(feedback.site_id)
    departments = site_departments(feedback.site_id)
    match_form = MatchForm(prefix="match", formdata=None)
    match_form.people.choices = people_choices(people)
    match_form.department.choices = [(0, _("From the first person"))] + [
        (d.id, d.name) for d in departments]
    match_form.people.data = [p.id for p in feedback.matched]
    match_form.department.data = feedback.department_id
    approve_form = ApproveForm(prefix="approve", formdata=None)
    approve_form.value.choices = values_with_blank(_("Choose a value"))
    approve_form.value.data = feedback.value_id or feedback.suggested_value_id
    award_form = AwardForm(prefix="award", formdata=None)
    award_form.recipient.choices = [(p.id, p.full_name) for p in feedback.matched]
    award_form.award_type.choices = award_type_choices(ensure_award_types())
    award_form.value.choices = values_with_blank(_("Same as the feedback"))
    award_form.value.data = feedback.value_id
    return {"feedback": feedback, "match_form": match_form, "approve_form": approve_form,
            "reject_form": RejectForm(prefix="reject", formdata=None),
            "edit_form": EditTextForm(prefix="edit", formdata=None,
                                      data={"public_text": feedback.public_text}),
            "award_form": award_form, "budget": peek_budget(me())}


def _show(feedback: Feedback, error: RecognitionError | None = None):
    if error is not None:
        db.session.rollback()
        feedback = db.session.get(Feedback, feedback.id)
        flash(error.message, "error")
    return render_template("recognition/inbox_item.html", **_forms(feedback)), (
        error.status if error else 200)


@bp.get("/recognition/inbox/<int:feedback_id>")
@role_required(Role.SUPERVISOR)
def inbox_item(feedback_id: int):
    return _show(_load(feedback_id))


def _done(feedback: Feedback, message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("recognition.inbox_item", feedback_id=feedback.id), 303)


@bp.post("/recognition/inbox/<int:feedback_id>/match")
@role_required(Role.SUPERVISOR)
def match(feedback_id: int):
    feedback = _load(feedback_id)
    form = MatchForm(prefix="match")
    form.people.choices = people_choices(site_people(feedback.site_id))
    form.department.choices = [(0, "")] + [
        (d.id, d.name) for d in site_departments(feedback.site_id)]
    if not form.validate_on_submit():
        return _show(feedback, RecognitionError(_("Choose people of this site only.")))
    try:
        moderation.set_match(me(), feedback, form.people.data or [], form.department.data)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Match saved."))


@bp.post("/recognition/inbox/<int:feedback_id>/approve")
@role_required(Role.SUPERVISOR)
def approve(feedback_id: int):
    feedback = _load(feedback_id)
    form = ApproveForm(prefix="approve")
    form.value.choices = values_with_blank("")
    if not form.validate_on_submit():
        return _show(feedback, RecognitionError(_("Choose the service value this feedback "
                                                  "shows.")))
    try:
        moderation.approve(me(), feedback, form.value.data)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Approved. It is on the board now.")
                 if feedback.kind == Kind.PRAISE.value else _("Approved."))


@bp.post("/recognition/inbox/<int:feedback_id>/reject")
@role_required(Role.SUPERVISOR)
def reject(feedback_id: int):
    feedback = _load(feedback_id)
    form = RejectForm(prefix="reject")
    if not form.validate_on_submit():
        return _show(feedback, RecognitionError(_("Give a reason for rejecting.")))
    try:
        moderation.reject(me(), feedback, form.reason.data)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Rejected."))


@bp.post("/recognition/inbox/<int:feedback_id>/edit")
@role_required(Role.SUPERVISOR)
def edit(feedback_id: int):
    feedback = _load(feedback_id)
    form = EditTextForm(prefix="edit")
    if not form.validate_on_submit():
        return _show(feedback, RecognitionError(_("The text must not be empty or too long.")))
    try:
        moderation.edit_public_text(me(), feedback, form.public_text.data)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Text saved."))


@bp.post("/recognition/inbox/<int:feedback_id>/wow")
@role_required(Role.SUPERVISOR)
def wow(feedback_id: int):
    feedback = _load(feedback_id)
    wanted = request.form.get("wow", "1") == "1"
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        moderation.mark_wow_story(me(), feedback, wanted)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Marked as a wow story for the next line-up.") if wanted
                 else _("No longer a wow story."))


@bp.post("/recognition/inbox/<int:feedback_id>/award")
@role_required(Role.SUPERVISOR)
def award_from_feedback(feedback_id: int):
    from .award_views import give_from_form

    feedback = _load(feedback_id)
    form = AwardForm(prefix="award")
    form.recipient.choices = [(p.id, p.full_name) for p in feedback.matched]
    try:
        give_from_form(form, feedback)
    except RecognitionError as error:
        return _show(feedback, error)
    return _done(feedback, _("Award given."))

