"""The recognition board, display mode, applause, "my recognition", peer cards, staff log."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lineup.extensions import db
from lineup.i18n import current_language
from lineup.models import Department, Site, User
from lineup.permissions import get_or_404, signed_in

from . import board as board_service
from . import bp
from .forms import PeerCardForm, PreferencesForm, StaffLogForm
from .heroes import hall_query
from .intake import Submission, submit
from .models import BoardItem
from .services import RecognitionError, profile_for, site_people, update_preferences
from .web import (
    me,
    new_submission_key,
    people_choices,
    refuse,
    submission_key,
    values_with_blank,
)

PER_PAGE = 20
DISPLAY_ITEMS = 12
DISPLAY_REFRESH_SECONDS = 300


def _filters() -> dict:
    args = request.args
    period = args.get("period", "")
    return {"site_id": args.get("site", type=int), "department_id": args.get("department",
                                                                              type=int),
            "value_id": args.get("value", type=int),
            "period": period if period in board_service.PERIODS else None}


@bp.get("/board")
@signed_in
def board():
    filters = _filters()
    page = db.paginate(board_service.board_query(me(), **filters), per_page=PER_PAGE,
                       error_out=False)
    applauded = board_service.applauded_ids(me(), [item.id for item in page.items])
    sites = list(db.session.scalars(sa.select(Site).order_by(Site.name)))
    departments = list(db.session.scalars(
        sa.select(Department).where(Department.site_id == filters["site_id"])
        .order_by(Department.name))) if filters["site_id"] else []
    return render_template("recognition/board.html", page=page, applauded=applauded,
                           filters=filters, sites=sites, departments=departments,
                           values=values_with_blank(_("All values")),
                           language=current_language())


@bp.get("/board/display")
@signed_in
def display():
    site_id = request.args.get("site", type=int) or me().site_id
    items = list(db.session.scalars(
        board_service.board_query(me(), site_id=site_id, public_only=True)
        .limit(DISPLAY_ITEMS)))
    heroes = list(db.session.scalars(hall_query(site_id).limit(1)))
    return render_template("recognition/display.html", items=items, hero=heroes[0] if heroes
                           else None, refresh=DISPLAY_REFRESH_SECONDS,
                           language=current_language())


@bp.post("/board/<int:item_id>/applause")
@signed_in
def applaud(item_id: int):
    item = get_or_404(BoardItem, item_id)
    from lineup.forms import ActionForm

    if not ActionForm().validate_on_submit():
        return redirect(url_for("recognition.board"), 303)
    try:
        added = board_service.applaud(me(), item)
    except RecognitionError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("recognition.board"), 303)
    db.session.commit()
    flash(_("Applause sent.") if added else _("You already applauded this story."),
          "success" if added else "info")
    return redirect(request.form.get("back") if (request.form.get("back") or "").startswith(
        "/board") else url_for("recognition.board"), 303)


def _mine_context(form: PreferencesForm | None = None) -> dict:
    profile = profile_for(me())
    if form is None:
        form = PreferencesForm(data={"visibility": profile.visibility,
                                     "listed_on_form": profile.listed_on_form})
    return {"form": form, "language": current_language(), **board_service.my_recognition(me())}


@bp.route("/recognition/me", methods=["GET", "POST"])
@signed_in
def mine():
    form = PreferencesForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            return render_template("recognition/mine.html", **_mine_context(form)), 400
        update_preferences(me(), form.visibility.data, form.listed_on_form.data)
        db.session.commit()
        flash(_("Your choice is saved."), "success")
        return redirect(url_for("recognition.mine"), 303)
    return render_template("recognition/mine.html", **_mine_context())


def _peer_form() -> PeerCardForm:
    form = PeerCardForm()
    colleagues = [p for p in site_people(me().site_id or 0) if p.id != me().id]
    form.recipient.choices = [(0, _("Choose a colleague")), *people_choices(colleagues)]
    form.value.choices = values_with_blank(_("Choose a value"))
    return form


@bp.route("/recognition/peer-card", methods=["GET", "POST"])
@signed_in
def peer_card():
    form = _peer_form()
    if form.validate_on_submit():
        recipient = db.session.get(User, form.recipient.data or 0)
        try:
            if recipient is None:
                raise RecognitionError(_("Choose a colleague of your site."))
            board_service.send_peer_card(me(), recipient, form.value.data, form.message.data)
        except RecognitionError as error:
            return refuse(error, "recognition/peer_card.html", form=form)
        db.session.commit()
        flash(_("Your card is on the board. Thank you for noticing!"), "success")
        return redirect(url_for("recognition.board"), 303)
    return render_template("recognition/peer_card.html", form=form), (
        400 if form.errors else 200)


@bp.route("/recognition/log", methods=["GET", "POST"])
@signed_in
def staff_log():
    form = StaffLogForm()
    if request.method == "GET":
        form.submission_key.data = new_submission_key()
    if form.validate_on_submit():
        if me().site is None:
            return refuse(RecognitionError(_("Your account has no site.")),
                          "recognition/staff_log.html", form=form)
        sub = Submission(kind="praise", text=form.text.data, occurred_on=form.occurred_on.data,
                         source=form.source.data, language=me().language,
                         external_id=submission_key(form.submission_key.data))
        try:
            submit(me().site, sub, "staff", logged_by=me())
        except RecognitionError as error:
            return refuse(error, "recognition/staff_log.html", form=form)
        db.session.commit()
        flash(_("Thank you! Your supervisor will check it and put it on the board."), "success")
        return redirect(url_for("recognition.mine"), 303)
    return render_template("recognition/staff_log.html", form=form), (
        400 if form.errors else 200)
