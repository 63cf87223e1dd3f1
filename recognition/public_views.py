"""The guest feedback form (no account) and its QR poster."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from lineup.extensions import db, limiter
from lineup.i18n import current_language
from lineup.models import Role, Site
from lineup.permissions import public as public_view
from lineup.permissions import role_required

from . import bp
from .forms import PublicFeedbackForm
from .intake import Submission, form_pick_list, submit
from .qr import qr_svg_data_uri
from .services import RecognitionError
from .web import new_submission_key, submission_key


def _site_or_404(slug: str) -> Site:
    site = db.session.scalars(sa.select(Site).where(Site.slug == slug)).first()
    if site is None:
        abort(404)
    return site


@bp.route("/feedback/<slug>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["PUBLIC_FORM_RATE_LIMIT"], methods=["POST"])
@public_view
def feedback_form(slug: str):
    site = _site_or_404(slug)
    form = PublicFeedbackForm()
    if request.method == "GET":
        form.submission_key.data = new_submission_key()
    names = form_pick_list(site.id)
    if form.validate_on_submit():
        if form.website.data:
            # A bot filled in the hidden field: answer as if all went well, store nothing.
            return render_template("recognition/thanks.html", site=site, kind="praise")
        sub = Submission(
            kind=form.kind.data, text=form.text.data, staff_names=form.staff_names.data or "",
            occurred_on=form.occurred_on.data, shift=form.shift.data or None,
            rating=int(form.rating.data) if form.rating.data else None,
            customer_name=form.customer_name.data, customer_email=form.customer_email.data,
            reply_consent=form.reply_consent.data, language=current_language(),
            source="qr-form", external_id=submission_key(form.submission_key.data))
        try:
            submit(site, sub, "form")
        except RecognitionError as error:
            db.session.rollback()
            form.text.errors.append(error.message)
        else:
            db.session.commit()
            return render_template("recognition/thanks.html", site=site, kind=sub.kind)
    status = 400 if request.method == "POST" else 200
    return render_template("recognition/feedback_form.html", form=form, site=site,
                           names=names), status


@bp.get("/recognition/poster/<slug>")
@role_required(Role.SUPERVISOR)
def poster(slug: str):
    site = _site_or_404(slug)
    url = url_for("recognition.feedback_form", slug=site.slug, _external=True)
    # Guests read either language: the poster carries both, the site's own language first.
    languages = [site.default_language] + [x for x in ("de", "en") if x != site.default_language]
    texts = []
    for language in languages:
        with force_locale(language):
            texts.append({"lang": language, "title": _("Who made your day?"),
                          "lead": _("Tell us the name. We pass your words on to them.")})
    return render_template("recognition/poster.html", site=site, url=url, texts=texts,
                           qr=qr_svg_data_uri(url))

