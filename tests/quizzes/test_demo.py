"""The demo content: enough bilingual scenarios on every value, ready quizzes, history."""

from datetime import date

import sqlalchemy as sa

from lineup.demo import seed_organisation
from lineup.extensions import db
from lineup.models import User
from quizzes.assignments import my_training
from quizzes.demo import seed
from quizzes.models import Assignment, Attempt, Question, Quiz, Response
from quizzes.spaced import daily_set
from training.models import ServiceValue


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_demo_seed_is_complete_and_idempotent(app):
    seed_organisation()
    db.session.add_all(ServiceValue(kind="value", number=n, title_en=f"V{n}", title_de=f"W{n}")
                       for n in range(1, 15))
    db.session.commit()
    today = date.today()
    seed(today)
    db.session.commit()
    scenarios = list(db.session.scalars(sa.select(Question).where(
        Question.kind.in_(["scenario", "branching"]))))
    assert len(scenarios) >= 40
    assert sum(q.kind == "branching" for q in scenarios) >= 5
    assert all(q.situation_de and q.situation_en for q in scenarios if q.kind == "scenario")
    assert all(q.prompt_de and q.prompt_en for q in scenarios)
    covered = set(db.session.scalars(sa.select(Question.value_id)))
    assert covered >= set(db.session.scalars(sa.select(ServiceValue.id)))
    assert count(Quiz) == 3 and count(Assignment) >= 3
    assert count(Attempt) > 50 and count(Response) > 500
    before = (count(Question), count(Quiz), count(Assignment), count(Attempt), count(Response))
    seed(today)
    db.session.commit()
    assert (count(Question), count(Quiz), count(Assignment), count(Attempt),
            count(Response)) == before
    lena = db.session.scalars(sa.select(User).where(User.email == "staff@lineup.demo")).one()
    assert len(my_training(lena)) >= 1
    assert len(daily_set(lena, today)) == 3
