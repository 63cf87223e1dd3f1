"""The line-up itself: the supervisor's facilitator mode and the staff member's part."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.models import Department, Role
from lineup.permissions import (
    get_or_404,
    manageable_departments,
    require_department,
    role_required,
    signed_in,
)

from . import bp, lineups
from . import demo as _demo  # noqa: F401 - registers the demo seeder
from . import panels as _panels  # noqa: F401 - registers the Today panel and hub links
from . import views_library as _views_library  # noqa: F401 - routes
from . import views_reports as _views_reports  # noqa: F401 - routes
from .forms import PulseForm, SaveLineUpForm, StartLineUpForm
from .models import LineUp
from .schedule import scheduled_day, site_today


def _fail(error: lineups.LineUpError):
    db.session.rollback()
    abort(error.status, description=str(error))


def _load_lineup(lineup_id: int) -> LineUp:
    lineup = get_or_404(LineUp, lineup_id)
    require_department(current_user, lineup.department_id)
    return lineup


@bp.get("/")
@signed_in
def index():
    if not current_user.has_role(Role.SUPERVISOR):
        panel = _panels.value_of_the_day_panel(current_user)
        return render_template("training/staff_index.html", ctx=panel.context)
    departments = manageable_departments(current_user)
    form = StartLineUpForm()
    form.department.choices = [(d.id, str(d)) for d in departments]
    site = departments[0].site if departments else current_user.site
    return render_template("training/index.html", form=form, day=scheduled_day(site),
                           today=lineups.todays_lineups(departments), site=site)


@bp.post("/start")
@role_required(Role.SUPERVISOR)
def start():
    form = StartLineUpForm()
    departments = manageable_departments(current_user)
    form.department.choices = [(d.id, str(d)) for d in departments]
    if not form.validate_on_submit():
        abort(400, description=_("Choose one of your departments and a shift."))
    department = get_or_404(Department, form.department.data)
    require_department(current_user, department.id)
    try:
        shift = lineups.normalise_shift(form.shift.data, form.custom_shift.data)
        lineup = lineups.start_lineup(department, shift, current_user)
    except lineups.LineUpError as error:
        _fail(error)
    db.session.commit()
    return redirect(url_for("training.facilitate", lineup_id=lineup.id))


@bp.get("/<int:lineup_id>")
@role_required(Role.SUPERVISOR)
def facilitate(lineup_id: int):
    lineup = _load_lineup(lineup_id)
    return render_template("training/facilitate.html", **lineups.facilitator_context(
        lineup, current_user), form=SaveLineUpForm(obj=lineup))


@bp.post("/<int:lineup_id>")
@role_required(Role.SUPERVISOR)
def save(lineup_id: int):
    lineup = _load_lineup(lineup_id)
    form = SaveLineUpForm()
    if not form.validate_on_submit() or not form.version.data.isdigit():
        abort(400, description=_("The form was incomplete. Reload the page and try again."))
    try:
        lineups.save_lineup(
            lineup, current_user, version=int(form.version.data),
            statuses=lineups.parse_statuses(request.form), story=form.wow_story.data or "",
            story_by=form.wow_story_by.data or "", notes=form.notes.data or "")
    except lineups.LineUpError as error:
        _fail(error)
    db.session.commit()
    flash(_("Line-up saved."), "success")
    return redirect(url_for("training.facilitate", lineup_id=lineup.id))


@bp.get("/<int:lineup_id>/card")
@role_required(Role.SUPERVISOR)
def card(lineup_id: int):
    lineup = _load_lineup(lineup_id)
    return render_template("training/card.html",
                           **lineups.facilitator_context(lineup, current_user))


@bp.post("/acknowledge")
@signed_in
def acknowledge():
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        day = date.fromisoformat(request.form["day"]) if request.form.get("day") else None
    except ValueError:
        abort(400, description=_("Dates must look like 2026-03-31."))
    try:
        lineups.acknowledge(current_user, day)
    except lineups.LineUpError as error:
        _fail(error)
    db.session.commit()
    flash(_("Thank you: you have read and acknowledged the value.") if day else
          _("Thank you: you have read and acknowledged today's value."), "success")
    back = "training.index" if request.form.get("back") == "lineup" else "core.today"
    return redirect(url_for(back))


@bp.post("/<int:lineup_id>/pulse")
@signed_in
def pulse(lineup_id: int):
    lineup = get_or_404(LineUp, lineup_id)
    form = PulseForm()
    if not form.validate_on_submit():
        abort(400, description=_("Choose yes or no."))
    if lineup.date != site_today(lineup.site):
        abort(409, description=_("Only today's line-up can be rated."))
    try:
        lineups.record_pulse(current_user, lineup, form.useful.data == "yes", form.comment.data)
    except lineups.LineUpError as error:
        _fail(error)
    db.session.commit()
    flash(_("Thank you for your feedback."), "success")
    return redirect(url_for("core.today"))


@bp.get("/history")
@signed_in
def history():
    page = request.args.get("page", 1, type=int)
    rows, has_more = lineups.seen_history(current_user, page)
    return render_template("training/history.html", rows=rows, page=page, has_more=has_more)
