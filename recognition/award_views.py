"""Awards, budgets and award types."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.models import Role, User
from lineup.permissions import (
    get_or_404,
    is_org_wide,
    led_department_ids,
    manageable_departments,
    role_required,
)

from . import awards as award_service
from . import bp
from .forms import AwardForm, AwardTypeForm, BudgetForm, ReasonForm
from .models import Award, AwardBudget, AwardType, Feedback
from .services import RecognitionError, month_start, site_today
from .web import award_type_choices, me, people_choices, refuse, values_with_blank

PER_PAGE = 25


def give_from_form(form: AwardForm, feedback: Feedback | None) -> Award:
    """Validate the award form and give the award (raises RecognitionError)."""
    form.award_type.choices = award_type_choices(award_service.ensure_award_types())
    form.value.choices = values_with_blank("")
    if not form.validate_on_submit() or not form.recipient.data or not form.award_type.data:
        raise RecognitionError(_("Choose a recipient and an award."))
    recipient = db.session.get(User, form.recipient.data)
    award_type = db.session.get(AwardType, form.award_type.data)
    if recipient is None or award_type is None:
        raise RecognitionError(_("Choose a recipient and an award."))
    return award_service.give_award(me(), recipient, award_type, value_id=form.value.data,
                                    message=form.message.data or "", feedback=feedback)


def _team() -> list[User]:
    ids = [d.id for d in manageable_departments(me())]
    return list(db.session.scalars(
        sa.select(User).where(User.department_id.in_(ids or [0]), User.active.is_(True),
                              User.id != me().id)
        .options(selectinload(User.department)).order_by(User.first_name, User.last_name)))


def _awards_page(form: AwardForm):
    stmt = sa.select(Award).options(
        selectinload(Award.type), selectinload(Award.recipient), selectinload(Award.giver),
        selectinload(Award.value)).order_by(Award.created_at.desc(), Award.id.desc())
    if not is_org_wide(me()):
        stmt = stmt.join(User, User.id == Award.recipient_id).where(sa.or_(
            Award.giver_id == me().id,
            User.department_id.in_(led_department_ids(me()) or {0})))
    page = db.paginate(stmt, per_page=PER_PAGE, error_out=False)
    return {"page": page, "form": form, "budget": award_service.peek_budget(me()),
            "reason_form": ReasonForm()}


def _award_form() -> AwardForm:
    form = AwardForm()
    form.recipient.choices = people_choices(_team())
    form.award_type.choices = award_type_choices(award_service.ensure_award_types())
    form.value.choices = values_with_blank(_("No particular value"))
    return form


@bp.route("/recognition/awards", methods=["GET", "POST"])
@role_required(Role.SUPERVISOR)
def awards():
    form = _award_form()
    if request.method == "POST":
        try:
            give_from_form(form, None)
        except RecognitionError as error:
            return refuse(error, "recognition/awards.html", **_awards_page(_award_form()))
        db.session.commit()
        flash(_("Award given."), "success")
        return redirect(url_for("recognition.awards"), 303)
    return render_template("recognition/awards.html", **_awards_page(form))


@bp.post("/recognition/awards/<int:award_id>/rescind")
@role_required(Role.SUPERVISOR)
def rescind(award_id: int):
    award = get_or_404(Award, award_id)
    if not award_service.can_rescind(me(), award):
        abort(403)
    form = ReasonForm()
    try:
        if not form.validate_on_submit():
            raise RecognitionError(_("Give a reason for rescinding."))
        award_service.rescind(me(), award, form.reason.data)
    except RecognitionError as error:
        return refuse(error, "recognition/awards.html", **_awards_page(_award_form()))
    db.session.commit()
    flash(_("Award rescinded; its points are back in the budget."), "success")
    return redirect(url_for("recognition.awards"), 303)


@bp.route("/recognition/budgets", methods=["GET", "POST"])
@role_required(Role.HR)
def budgets():
    month = month_start(site_today(me().site))
    givers = list(db.session.scalars(
        sa.select(User).where(User.role == Role.SUPERVISOR.value, User.active.is_(True))
        .options(selectinload(User.site)).order_by(User.first_name, User.last_name)))
    form = BudgetForm()
    if form.validate_on_submit():
        giver = db.session.get(User, int(form.giver.data or 0)) if (
            form.giver.data or "").isdigit() else None
        if giver is None or giver not in givers:
            abort(400, description=_("Choose a supervisor."))
        try:
            award_service.set_budget(me(), giver, month, form.total.data)
        except RecognitionError as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for("recognition.budgets"), 303)
        db.session.commit()
        flash(_("Budget saved."), "success")
        return redirect(url_for("recognition.budgets"), 303)
    rows = {b.giver_id: b for b in db.session.scalars(
        sa.select(AwardBudget).where(AwardBudget.month == month))}
    return render_template("recognition/budgets.html", givers=givers, rows=rows, month=month,
                           default=award_service.default_total(), form=form), (
        400 if form.errors else 200)


@bp.route("/recognition/award-types", methods=["GET", "POST"])
@role_required(Role.HR)
def award_types():
    types = award_service.ensure_award_types()
    form = AwardTypeForm()
    if form.validate_on_submit():
        existing = next((t for t in types if t.code == form.code.data.strip()), None)
        try:
            award_service.save_award_type(
                me(), existing, code=form.code.data.strip(), name_en=form.name_en.data.strip(),
                name_de=form.name_de.data.strip(), points=form.points.data or 0,
                active=form.active.data)
        except RecognitionError as error:
            return refuse(error, "recognition/award_types.html", types=types, form=form)
        db.session.commit()
        flash(_("Award type saved."), "success")
        return redirect(url_for("recognition.award_types"), 303)
    db.session.commit()  # the standard types, created on first visit
    return render_template("recognition/award_types.html", types=types, form=form), (
        400 if form.errors else 200)
