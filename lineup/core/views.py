"""Today, the HR hub and the health check."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..hooks import hr_links, team_links, today_panels
from ..models import Role, User
from ..permissions import manageable_departments, public, role_required, signed_in
from . import bp


@bp.get("/")
@signed_in
def today():
    panels = [panel for fn in today_panels() if (panel := fn(current_user)) is not None]
    return render_template("core/today.html", panels=panels)


@bp.get("/hr")
@role_required(Role.HR)
def hr():
    links = [link for fn in hr_links() for link in fn(current_user)]
    return render_template("core/hub.html", links=links, title=_("HR"))


@bp.get("/team")
@role_required(Role.SUPERVISOR)
def team():
    links = [link for fn in team_links() for link in fn(current_user)]
    department_ids = [d.id for d in manageable_departments(current_user)]
    page = db.paginate(
        sa.select(User)
        .where(User.department_id.in_(department_ids), User.active.is_(True))
        .options(selectinload(User.department))
        .order_by(User.last_name, User.first_name),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    return render_template("core/team.html", links=links, page=page)


@bp.get("/healthz")
@public
def healthz():
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return {"status": "unavailable"}, 503
    return {"status": "ok"}
