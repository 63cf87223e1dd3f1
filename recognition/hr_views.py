"""HR and supervisor tools: CSV import, aliases, fairness, heroes, API tokens."""

from __future__ import annotations

import base64
import binascii
from datetime import date

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.forms import ActionForm
from lineup.models import Role, Site, User
from lineup.permissions import get_or_404, manageable_departments, role_required, signed_in

from . import bp, heroes, tokens
from .fairness import fairness as fairness_report
from .forms import AliasForm, CsvConfirmForm, CsvUploadForm, HeroForm, TokenForm
from .intake import import_csv, parse_csv
from .models import ApiToken, StaffProfile
from .services import RecognitionError, month_start, profile_for, site_today
from .web import me

PER_PAGE = 25


def _sites() -> list[Site]:
    return list(db.session.scalars(sa.select(Site).order_by(Site.name)))


@bp.route("/recognition/import", methods=["GET", "POST"])
@role_required(Role.HR)
def csv_import():
    form = CsvUploadForm()
    form.site.choices = [(s.id, s.name) for s in _sites()]
    if form.validate_on_submit():
        site = db.session.get(Site, form.site.data) or abort(400)
        raw = form.file.data.read()
        preview = parse_csv(site, raw)
        confirm = CsvConfirmForm(formdata=None, data={
            "site": site.id, "content": base64.b64encode(raw).decode()})
        return render_template("recognition/import_preview.html", preview=preview, site=site,
                               confirm=confirm), 400 if preview.file_errors else 200
    return render_template("recognition/import.html", form=form), 400 if form.errors else 200


@bp.post("/recognition/import/confirm")
@role_required(Role.HR)
def csv_import_confirm():
    form = CsvConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    site = db.session.get(Site, int(form.site.data)) if (form.site.data or "").isdigit() else None
    try:
        raw = base64.b64decode(form.content.data or "", validate=True)
    except (binascii.Error, ValueError):
        raw = None
    if site is None or raw is None:
        abort(400, description=_("The import could not be read. Please upload the file again."))
    preview = parse_csv(site, raw)
    if preview.file_errors:
        abort(400, description=" ".join(preview.file_errors))
    created, unchanged = import_csv(site, preview)
    db.session.commit()
    flash(_("Imported %(created)d new rows; %(unchanged)d were already there; %(errors)d rows "
            "had errors and were skipped.", created=created, unchanged=unchanged,
            errors=preview.error_count), "success")
    return redirect(url_for("recognition.inbox"), 303)


@bp.get("/recognition/people")
@role_required(Role.HR)
def people():
    page = db.paginate(
        sa.select(User).where(User.department_id.is_not(None), User.active.is_(True))
        .options(selectinload(User.department), selectinload(User.site))
        .order_by(User.site_id, User.first_name, User.last_name),
        per_page=PER_PAGE, error_out=False)
    ids = [u.id for u in page.items]
    profiles = {p.user_id: p for p in db.session.scalars(
        sa.select(StaffProfile).where(StaffProfile.user_id.in_(ids or [0])))}
    return render_template("recognition/people.html", page=page, profiles=profiles)


@bp.route("/recognition/people/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.HR)
def person(user_id: int):
    person = get_or_404(User, user_id)
    profile = profile_for(person)
    form = AliasForm(data={"aliases": profile.aliases} if request.method == "GET" else None)
    if form.validate_on_submit():
        from lineup.audit import record

        profile.aliases = ", ".join(a.strip() for a in (form.aliases.data or "").split(",")
                                    if a.strip())[:500]
        record(me(), "staff_profile.aliases", person, {"aliases": profile.aliases})
        db.session.commit()
        flash(_("Aliases saved."), "success")
        return redirect(url_for("recognition.people"), 303)
    return render_template("recognition/person.html", person=person, form=form,
                           profile=profile), 400 if form.errors else 200


@bp.get("/recognition/fairness")
@role_required(Role.SUPERVISOR)
def fairness():
    days = request.args.get("days", 30, type=int)
    days = min(max(days, 1), 366)
    departments = manageable_departments(me())
    site_id = request.args.get("site", type=int)
    if site_id:
        departments = [d for d in departments if d.site_id == site_id]
    return render_template("recognition/fairness.html", report=fairness_report(departments, days),
                           days=days, sites=_sites(), site_id=site_id)


def _hero_site() -> Site:
    site_id = request.values.get("site", type=int)
    site = db.session.get(Site, site_id) if site_id else me().site
    if site is None:
        site = _sites()[0] if _sites() else abort(404)
    allowed = me().has_role(Role.HR) or any(d.site_id == site.id
                                            for d in me().led_departments)
    if not allowed:
        abort(403)
    return site


def _month_arg() -> date | None:
    raw = request.values.get("month", "")
    try:
        return month_start(date.fromisoformat(raw + "-01" if len(raw) == 7 else raw))
    except ValueError:
        return None


@bp.route("/recognition/heroes", methods=["GET", "POST"])
@role_required(Role.SUPERVISOR)
def heroes_page():
    site = _hero_site()
    today = site_today(site)
    month = _month_arg() or month_start(today)
    if request.method == "POST":
        form = HeroForm()
        user = db.session.get(User, int(form.user_id.data)) if (
            form.user_id.data or "").isdigit() else None
        if not form.validate_on_submit() or user is None:
            abort(400, description=_("Choose one of the candidates."))
        try:
            heroes.confirm_hero(me(), site, month, user)
        except RecognitionError as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for("recognition.heroes_page", site=site.id,
                                    month=month.strftime("%Y-%m")), 303)
        db.session.commit()
        flash(_("%(name)s is the service hero of the month.", name=user.full_name), "success")
        return redirect(url_for("recognition.heroes_page", site=site.id,
                                month=month.strftime("%Y-%m")), 303)
    hall = db.paginate(heroes.hall_query(), per_page=PER_PAGE, error_out=False)
    return render_template("recognition/heroes.html", site=site, month=month,
                           candidates=heroes.candidates(site, month),
                           hero=heroes.hero_of(site, month), hall=hall, sites=_sites(),
                           form=HeroForm())


@bp.get("/recognition/hall-of-heroes")
@signed_in
def hall_of_heroes():
    hall = db.paginate(heroes.hall_query(), per_page=PER_PAGE, error_out=False)
    return render_template("recognition/hall.html", hall=hall)


@bp.route("/recognition/tokens", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def api_tokens():
    form = TokenForm()
    form.site.choices = [(s.id, s.name) for s in _sites()]
    plain = None
    if form.validate_on_submit():
        site = db.session.get(Site, form.site.data) or abort(400)
        token, plain = tokens.create_token(site, form.name.data, me())
        db.session.commit()
        flash(_("Copy the token now: it is shown only once."), "warning")
    page = db.paginate(sa.select(ApiToken).options(selectinload(ApiToken.site))
                       .order_by(ApiToken.created_at.desc()), per_page=PER_PAGE,
                       error_out=False)
    return render_template("recognition/tokens.html", form=form, page=page, plain=plain,
                           action_form=ActionForm()), 400 if form.errors else 200


@bp.post("/recognition/tokens/<int:token_id>/revoke")
@role_required(Role.ADMIN)
def revoke_api_token(token_id: int):
    token = get_or_404(ApiToken, token_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if tokens.revoke_token(token, me()):
        db.session.commit()
        flash(_("Token revoked."), "success")
    else:
        flash(_("This token was already revoked."), "info")
    return redirect(url_for("recognition.api_tokens"), 303)
