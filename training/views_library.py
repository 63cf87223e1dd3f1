"""The standards library, the schedule (pins and site notes) and the month calendar."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.models import Role, Site
from lineup.permissions import (
    get_or_404,
    is_org_wide,
    manageable_departments,
    role_required,
    signed_in,
)

from . import bp, schedule, standards
from .forms import PinForm, SiteNoteForm, StandardForm
from .models import ScheduleOverride, ServiceValue, SiteNote, StandardKind


def _sites_in_scope() -> list[Site]:
    """HR: every site; supervisors: the sites of the departments they lead."""
    if is_org_wide(current_user):
        return list(db.session.scalars(db.select(Site).order_by(Site.name)))
    sites = {d.site.id: d.site for d in manageable_departments(current_user)}
    return sorted(sites.values(), key=lambda s: s.name)


def _require_post_form() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


# --- standards ---------------------------------------------------------------------------


@bp.get("/standards")
@signed_in
def standards_index():
    show_archived = is_org_wide(current_user) and request.args.get("archived") == "1"
    return render_template("training/standards.html",
                           values=standards.library(include_archived=show_archived),
                           show_archived=show_archived)


@bp.get("/standards/<int:value_id>")
@signed_in
def standard(value_id: int):
    value = get_or_404(ServiceValue, value_id)
    if value.archived and not is_org_wide(current_user):
        abort(404)
    return render_template("training/standard.html", value=value)


@bp.route("/standards/new", methods=["GET", "POST"])
@role_required(Role.HR)
def new_standard():
    form = StandardForm()
    if form.validate_on_submit():
        value = standards.create_standard(current_user, form.cleaned())
        db.session.commit()
        flash(_("Standard added."), "success")
        return redirect(url_for("training.standard", value_id=value.id))
    return render_template("training/standard_form.html", form=form, value=None), (
        400 if form.is_submitted() else 200)


@bp.route("/standards/<int:value_id>/edit", methods=["GET", "POST"])
@role_required(Role.HR)
def edit_standard(value_id: int):
    value = get_or_404(ServiceValue, value_id)
    if value.kind == StandardKind.TOPIC.value:
        abort(404)
    form = StandardForm(obj=value)
    if form.validate_on_submit():
        standards.update_standard(current_user, value, form.cleaned())
        db.session.commit()
        flash(_("Standard saved."), "success")
        return redirect(url_for("training.standard", value_id=value.id))
    return render_template("training/standard_form.html", form=form, value=value), (
        400 if form.is_submitted() else 200)


@bp.post("/standards/<int:value_id>/archive")
@role_required(Role.HR)
def archive_standard(value_id: int):
    value = get_or_404(ServiceValue, value_id)
    _require_post_form()
    archive = request.form.get("restore") != "1"
    standards.set_archived(current_user, value, archive)
    db.session.commit()
    flash(_("Standard archived: it leaves the rotation, its history stays.") if archive
          else _("Standard restored to the rotation."), "success")
    return redirect(url_for("training.standard", value_id=value.id))


# --- schedule ----------------------------------------------------------------------------


def _parse_month(raw: str | None, fallback: date) -> date:
    if not raw:
        return fallback.replace(day=1)
    try:
        year, month = (int(part) for part in raw.split("-"))
        first = date(year, month, 1)
    except ValueError:
        abort(400, description=_("Give the month as YYYY-MM, e.g. 2026-03."))
    if not schedule.EARLIEST <= first <= schedule.LATEST:
        abort(400, description=_("Dates must lie between 2000 and 2100."))
    return first


@bp.get("/calendar")
@role_required(Role.SUPERVISOR)
def calendar():
    sites = _sites_in_scope()
    site_id = request.args.get("site", type=int)
    site = next((s for s in sites if s.id == site_id), None) if site_id else (
        sites[0] if sites else None)
    if site_id and site is None:
        abort(404)
    today = schedule.site_today(site)
    first = _parse_month(request.args.get("month"), today)
    last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
    days = {d.date: d for d in schedule.schedule_for_range(first, last, site)}
    weeks = [[days.get(day) if day.month == first.month else None for day in week]
             for week in pycalendar.Calendar().monthdatescalendar(first.year, first.month)]
    return render_template("training/calendar.html", weeks=weeks, first=first, site=site,
                           sites=sites, today=today, previous=_shift_month(first, -1),
                           following=_shift_month(first, 1),
                           pins=schedule.upcoming_overrides(first) if is_org_wide(current_user)
                           else [])


def _shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@bp.route("/pins/new", methods=["GET", "POST"])
@role_required(Role.HR)
def new_pin():
    form = PinForm()
    form.value.choices = [(0, "—")] + [(v.id, _standard_label(v)) for v in standards.library()]
    if form.validate_on_submit():
        try:
            if form.value.data:
                value = get_or_404(ServiceValue, form.value.data)
                schedule.pin_standard(current_user, form.start_date.data, form.end_date.data,
                                      value)
            else:
                schedule.pin_topic(current_user, form.start_date.data, form.end_date.data,
                                   form.topic_texts())
        except schedule.ScheduleError as error:
            db.session.rollback()
            form.end_date.errors = [*form.end_date.errors, str(error)]
            return render_template("training/pin_form.html", form=form), 400
        db.session.commit()
        flash(_("The value of the day is pinned."), "success")
        return redirect(url_for("training.calendar", month=form.start_date.data.strftime("%Y-%m")))
    return render_template("training/pin_form.html", form=form), (
        400 if form.is_submitted() else 200)


def _standard_label(value: ServiceValue) -> str:
    from .forms import KIND_LABELS

    number = f" {value.number}" if value.number else ""
    return f"{KIND_LABELS[value.kind]}{number}: {value.title_for(current_user.language)}"


@bp.post("/pins/<int:pin_id>/delete")
@role_required(Role.HR)
def delete_pin(pin_id: int):
    override = get_or_404(ScheduleOverride, pin_id)
    _require_post_form()
    schedule.remove_pin(current_user, override)
    db.session.commit()
    flash(_("Pin removed: the rotation applies again."), "success")
    return redirect(url_for("training.calendar"))


@bp.route("/notes/new", methods=["GET", "POST"])
@role_required(Role.SUPERVISOR)
def new_note():
    sites = _sites_in_scope()
    form = SiteNoteForm()
    form.site.choices = [(s.id, s.name) for s in sites]
    if form.validate_on_submit():
        site = next((s for s in sites if s.id == form.site.data), None)
        if site is None:
            abort(403)
        try:
            schedule.add_site_note(current_user, site, form.start_date.data,
                                   form.end_date.data, form.text.data)
        except schedule.ScheduleError as error:
            db.session.rollback()
            form.end_date.errors = [*form.end_date.errors, str(error)]
            return render_template("training/note_form.html", form=form,
                                   notes=_notes(sites)), 400
        db.session.commit()
        flash(_("Note added for %(site)s.", site=site.name), "success")
        return redirect(url_for("training.new_note"))
    return render_template("training/note_form.html", form=form, notes=_notes(sites)), (
        400 if form.is_submitted() else 200)


def _notes(sites: list[Site]) -> list[SiteNote]:
    today = min((schedule.site_today(s) for s in sites), default=schedule.site_today(None))
    return schedule.upcoming_site_notes([s.id for s in sites], today)


@bp.post("/notes/<int:note_id>/delete")
@role_required(Role.SUPERVISOR)
def delete_note(note_id: int):
    note = get_or_404(SiteNote, note_id)
    if note.site_id not in {s.id for s in _sites_in_scope()}:
        abort(403)
    _require_post_form()
    schedule.remove_site_note(current_user, note)
    db.session.commit()
    flash(_("Note removed."), "success")
    return redirect(url_for("training.new_note"))
