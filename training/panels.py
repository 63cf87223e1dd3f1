"""What the training area adds to shared pages: the Today panel and hub links."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from lineup.hooks import Panel, hr_link, today_panel
from lineup.models import Role, User

from .forms import PulseForm
from .lineups import missed_lineups, staff_day
from .schedule import site_timezone


@today_panel(10)
def value_of_the_day_panel(user: User) -> Panel:
    """Today's value with its prompts and story; acknowledge or rate the line-up."""
    return Panel("training/_today_panel.html", {
        "info": staff_day(user), "pulse_form": PulseForm(), "missed": missed_lineups(user),
        "can_run": user.has_role(Role.SUPERVISOR), "tz": site_timezone(user.site),
    })


@hr_link(10)
def hr_links(user: User) -> list[tuple[str, str]]:
    """Links on the HR hub."""
    return [
        (_("Line-up completion report"), url_for("training.report")),
        (_("Line-up calendar"), url_for("training.calendar")),
        (_("Service standards"), url_for("training.standards_index")),
        (_("Pin a value or custom topic"), url_for("training.new_pin")),
        (_("Site notes for the line-up"), url_for("training.new_note")),
    ]


@hr_link(10, audience="team")
def team_links(user: User) -> list[tuple[str, str]]:
    """Links on the Team page."""
    return [
        (_("Run today's line-up"), url_for("training.index")),
        (_("Line-up completion report"), url_for("training.report")),
        (_("Line-up calendar"), url_for("training.calendar")),
        (_("Site notes for the line-up"), url_for("training.new_note")),
    ]
