"""Sign-in, sign-out, invites, password and language."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..extensions import db, limiter
from ..forms import ActionForm, NewPasswordForm
from ..permissions import public, signed_in
from ..redirects import safe_next
from . import bp, services
from .forms import ChangePasswordForm, LanguageForm, LoginForm


def _account_key() -> str:
    return "login-account:" + (request.form.get("identifier") or "").strip().lower()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_ACCOUNT"], methods=["POST"],
               key_func=_account_key)
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.today"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = services.authenticate(form.identifier.data, form.password.data)
        if user is None:
            flash(_("Sign-in failed. Check your e-mail or employee number and password."),
                  "error")
            return render_template("accounts/login.html", form=form), 401
        session.clear()  # a fresh session at login: no fixation
        login_user(user, remember=form.remember.data)
        return redirect(safe_next(form.next.data))
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
@public
def logout():
    form = ActionForm()
    if form.validate_on_submit():
        logout_user()
        session.clear()
        flash(_("You are signed out."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
@public
def accept_invite(token: str):
    invite = services.valid_invite(token)
    if invite is None:
        return render_template("accounts/invite_invalid.html"), 410
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.redeem_invite(token, form.password.data)
        except services.AccountError as error:
            db.session.rollback()
            if str(error) == "invalid":
                return render_template("accounts/invite_invalid.html"), 410
            form.password.errors.append(str(error))
        else:
            db.session.commit()
            session.clear()
            login_user(user)
            flash(_("Welcome! Your password is set."), "success")
            return redirect(url_for("core.today"))
    return render_template("accounts/invite.html", form=form, person=invite.user), (
        400 if form.errors else 200
    )


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if services.authenticate(current_user.employee_number, form.current.data) is None:
            form.current.errors.append(_("That is not your current password."))
        else:
            try:
                services.set_password(current_user, form.password.data)
            except services.AccountError as error:
                form.password.errors.append(str(error))
            else:
                user = current_user._get_current_object()
                db.session.commit()
                login_user(user)  # keep this session; the others end with the new version
                flash(_("Your password was changed. Other devices are signed out."), "success")
                return redirect(url_for("core.today"))
    status = 400 if form.errors else 200
    return render_template("accounts/password.html", form=form), status


@bp.post("/language")
@public
def set_language():
    form = LanguageForm()
    if not form.validate_on_submit():
        flash(_("Unknown language."), "error")
        return redirect(safe_next(form.next.data)), 303
    session["language"] = form.language.data
    if current_user.is_authenticated:
        services.set_language(current_user, form.language.data)
        db.session.commit()
    return redirect(safe_next(form.next.data)), 303
