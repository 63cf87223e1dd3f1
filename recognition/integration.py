"""What this area adds to shared pages: Today panel, HR and Team links, the line-up story."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.hooks import Panel, hr_link, today_panel, wow_story_provider
from lineup.models import Role, User, utcnow

from .awards import peek_budget
from .models import Award, Feedback, Kind, RecognitionNotice, Status
from .moderation import wow_story_for
from .services import scope_clause

NOTICE_DAYS = 14  # news on Today stays for two weeks; "my recognition" keeps the history


@today_panel(40)
def recognition_panel(user: User) -> Panel:
    """My latest praise, award and notices; for supervisors the inbox count and budget."""
    latest_praise = db.session.scalars(
        sa.select(Feedback).where(Feedback.people.any(user_id=user.id),
                                  Feedback.status == Status.APPROVED.value,
                                  Feedback.kind == Kind.PRAISE.value)
        .order_by(Feedback.decided_at.desc()).limit(1)).first()
    latest_award = db.session.scalars(
        sa.select(Award).where(Award.recipient_id == user.id, Award.rescinded_at.is_(None))
        .options(selectinload(Award.type)).order_by(Award.created_at.desc()).limit(1)).first()
    notices = list(db.session.scalars(
        sa.select(RecognitionNotice).where(
            RecognitionNotice.user_id == user.id,
            RecognitionNotice.created_at >= utcnow() - timedelta(days=NOTICE_DAYS))
        .order_by(RecognitionNotice.created_at.desc()).limit(3)))
    context = {"praise": latest_praise, "award": latest_award, "notices": notices,
               "pending": None, "budget": None}
    if user.has_role(Role.SUPERVISOR):
        context["pending"] = db.session.scalar(
            sa.select(sa.func.count()).select_from(Feedback).where(
                scope_clause(user), Feedback.status == Status.PENDING.value,
                Feedback.kind != Kind.COMPLAINT.value))
        context["budget"] = peek_budget(user)
    return Panel("recognition/_today_panel.html", context)


@hr_link(40, audience="hr")
def hr_links(user: User) -> list[tuple[str, str]]:
    links = [
        (_("Praise inbox"), url_for("recognition.inbox")),
        (_("Complaints"), url_for("recognition.complaints")),
        (_("Complaints by value and department"), url_for("recognition.complaints_report")),
        (_("Recognition fairness"), url_for("recognition.fairness")),
        (_("Award budgets"), url_for("recognition.budgets")),
        (_("Award types"), url_for("recognition.award_types")),
        (_("Awards"), url_for("recognition.awards")),
        (_("Service heroes"), url_for("recognition.heroes_page")),
        (_("Import reviews (CSV)"), url_for("recognition.csv_import")),
        (_("Staff names and aliases"), url_for("recognition.people")),
    ]
    if user.has_role(Role.ADMIN):
        links.append((_("API tokens"), url_for("recognition.api_tokens")))
    return links


@hr_link(40, audience="team")
def team_links(user: User) -> list[tuple[str, str]]:
    links = [
        (_("Praise inbox"), url_for("recognition.inbox")),
        (_("Awards and budget"), url_for("recognition.awards")),
        (_("Complaints"), url_for("recognition.complaints")),
        (_("Recognition fairness"), url_for("recognition.fairness")),
        (_("Service hero of the month"), url_for("recognition.heroes_page")),
    ]
    if user.site is not None:
        links.append((_("QR poster for guests"),
                      url_for("recognition.poster", slug=user.site.slug)))
    return links


@wow_story_provider(10)
def line_up_wow_story(lineup):
    """The next unused wow story for this line-up (department first, then site)."""
    return wow_story_for(lineup)
