"""What the quizzes area adds to shared pages: Today panels, hub links, the demo seeder."""

from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import gettext as _

from lineup.hooks import Panel, demo_seeder, hr_link, today_panel
from lineup.models import Role, User

from .assignments import Status, my_training
from .spaced import daily_set, local_today, streak, value_of_the_day


@today_panel(20)
def daily_question_panel(user: User) -> Panel | None:
    """Today's 1-3 questions: the line-up value's question first, then Leitner reviews."""
    from lineup.forms import ActionForm

    day = local_today(user.site)
    items = daily_set(user, day)
    if not items:
        return None
    pending = next((i for i in items if not i.answered), None)
    answered = [i for i in items if i.answered]
    return Panel("quizzes/panel_daily.html", {
        "weakest": _weakest_values(user),
        "items": items, "pending": pending, "last": answered[-1] if answered else None,
        "streak": streak(user, day), "value": value_of_the_day(user.site, day),
        "form": ActionForm(), "language": user.language,
    })


def _weakest_values(user: User, limit: int = 3) -> list[tuple[str, float]]:
    """The person's lowest accuracy per value (90 days), for the panel: [(title, percent)]."""
    from .services import service_values
    from .stats import person_mastery

    mastery = person_mastery(user.id)
    if not mastery:
        return []
    titles = {v.id: v.title_for(user.language) for v in service_values()}
    rows = sorted((pct, titles[v]) for v, (pct, _n) in mastery.items() if v in titles)
    return [(title, pct) for pct, title in rows[:limit]]


@today_panel(30)
def my_training_panel(user: User) -> Panel | None:
    """The person's assigned quizzes by due date, with status."""
    rows = my_training(user)
    if not rows:
        return None
    open_rows = [r for r in rows if r.status is not Status.PASSED]
    return Panel("quizzes/panel_training.html", {
        "rows": rows, "open": len(open_rows), "language": user.language})


@hr_link(30, audience="hr")
def hr_links(user: User) -> list[tuple[str, str]]:
    return [
        (_("Question bank"), url_for("quizzes.bank")),
        (_("Manage quizzes"), url_for("quizzes.manage")),
        (_("Quiz assignments and completion"), url_for("quizzes.assignments")),
        (_("Item statistics"), url_for("quizzes.stats")),
        (_("Mastery heatmap"), url_for("quizzes.mastery")),
        (_("Import questions"), url_for("quizzes.import_questions")),
    ]


@hr_link(30, audience="team")
def team_links(user: User) -> list[tuple[str, str]]:
    if not user.has_role(Role.SUPERVISOR):
        return []
    return [
        (_("Quiz assignments and completion"), url_for("quizzes.assignments")),
        (_("Mastery per service value"), url_for("quizzes.mastery")),
    ]


@demo_seeder(20)
def seed_quizzes(today: date) -> None:
    """Scenario questions, ready quizzes, assignments and a few weeks of attempts."""
    from .demo import seed

    seed(today)
