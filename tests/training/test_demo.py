"""The demo seeder: the Lineup Service Standards and 60 days of history, idempotent."""

from datetime import date

import sqlalchemy as sa

from lineup.demo import seed_organisation
from lineup.extensions import db
from training.demo import seed_training_demo
from training.models import Acknowledgement, Attendance, LineUp, Pulse, ServiceValue


def _counts():
    return [db.session.scalar(sa.select(sa.func.count()).select_from(m))
            for m in (ServiceValue, LineUp, Attendance, Acknowledgement, Pulse)]


def test_seeded_standards_are_complete_in_both_languages(app):
    seed_training_demo(date(2026, 3, 10))
    values = list(db.session.scalars(sa.select(ServiceValue)))
    kinds = [v.kind for v in values]
    assert kinds.count("credo") == 1 and kinds.count("motto") == 1
    assert kinds.count("step") == 3 and kinds.count("value") >= 12
    for value in values:
        assert value.title_en and value.title_de and value.body_en and value.body_de
        assert 2 <= len(value.prompts_for("en")) <= 4 and 2 <= len(value.prompts_for("de")) <= 4
        assert value.examples_for("en") and value.examples_for("de") and value.source


def test_sixty_days_of_history_for_every_department_and_idempotent(app):
    seed_organisation()
    db.session.commit()
    today = date(2026, 3, 10)
    seed_training_demo(today)
    db.session.commit()
    first = _counts()
    days = db.session.execute(sa.select(sa.func.min(LineUp.date), sa.func.max(LineUp.date))).one()
    assert days == (date(2026, 1, 9), date(2026, 3, 9))
    departments = db.session.scalar(sa.select(sa.func.count(sa.distinct(LineUp.department_id))))
    assert departments == 10
    assert all(n > 0 for n in first)
    # Nothing for today: the demo supervisor runs it.
    assert db.session.scalar(sa.select(sa.func.count()).where(LineUp.date == today)) == 0
    seed_training_demo(today)
    db.session.commit()
    assert _counts() == first
