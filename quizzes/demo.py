"""Demo data: the seeded questions, three ready quizzes, assignments and weeks of answers.

Idempotent: questions are found by `demo_key`, quizzes by `demo_key`, assignments by quiz and
target; the history is only generated when the demo quizzes have no attempts yet.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Department, Role, Site, User

from . import content
from .bank import OptionData, QuestionData, StepData, create_question
from .models import (
    Assignment,
    Attempt,
    Kind,
    Question,
    Quiz,
    QuizDraw,
    QuizQuestion,
    Response,
    ResponseChoice,
    ResponseKind,
    ReviewCard,
)
from .scoring import score_choice

STAFF_EMAIL = "staff@lineup.demo"


def _value_ids() -> dict[int, int]:
    try:
        from training.models import ServiceValue
    except ImportError:
        return {}
    return {n: i for i, n in db.session.execute(
        sa.select(ServiceValue.id, ServiceValue.number)
        .where(ServiceValue.kind == "value", ServiceValue.number.is_not(None)))}


def _category(tags: str, channel: str | None) -> str:
    if "complaint" in tags:
        return "Beschwerden / Complaints"
    if channel == "phone":
        return "Am Telefon / On the phone"
    return "Servicestandards / Service standards"


def seed_questions(values: dict[int, int]) -> dict[str, Question]:
    """Create the missing seeded questions; return all of them by key."""
    existing = {q.demo_key: q for q in db.session.scalars(
        sa.select(Question).where(Question.demo_key.is_not(None), Question.is_current.is_(True)))}
    for key, value, channel, mood, difficulty, tags, situation, principle, options in (
            content.SCENARIOS):
        if key in existing:
            continue
        existing[key] = create_question(QuestionData(
            kind=Kind.SCENARIO.value, prompt_en=content.ASK_EN, prompt_de=content.ASK_DE,
            situation_en=situation[0], situation_de=situation[1], principle_en=principle[0],
            principle_de=principle[1], category=_category(tags, channel),
            value_id=values.get(value), difficulty=difficulty, channel=channel, mood=mood,
            tags=tags.split(";"), source=content.SOURCE, demo_key=key,
            options=[OptionData(text_en=en, feedback_en=fen, text_de=de, feedback_de=fde,
                                correct=ok) for ok, en, fen, de, fde in options]))
    for key, value, kind, difficulty, tags, prompt, principle, options, source in content.FACTS:
        if key in existing:
            continue
        existing[key] = create_question(QuestionData(
            kind=kind, prompt_en=prompt[0], prompt_de=prompt[1], principle_en=principle[0],
            principle_de=principle[1], category=_category(tags, None),
            value_id=values.get(value), difficulty=difficulty, tags=tags.split(";"),
            source=source, demo_key=key,
            options=[OptionData(text_en=en, feedback_en=fen, text_de=de, feedback_de=fde,
                                correct=ok) for ok, en, fen, de, fde in options]))
    for key, value, channel, mood, title, principle, steps in content.BRANCHING:
        if key in existing:
            continue
        existing[key] = create_question(QuestionData(
            kind=Kind.BRANCHING.value, prompt_en=title[0], prompt_de=title[1],
            principle_en=principle[0], principle_de=principle[1],
            category=_category("complaint" if value in (3, 10) else "", channel),
            value_id=values.get(value), difficulty=3, channel=channel, mood=mood,
            tags=["branching", channel], source=content.SOURCE, demo_key=key,
            steps=[StepData(text_en=en, text_de=de, ending_score=score, choices=[
                (OptionData(text_en=a_en, text_de=a_de, feedback_en=f_en, feedback_de=f_de,
                            correct=False), target)
                for a_en, a_de, f_en, f_de, target in choices])
                for en, de, score, choices in steps]))
    return existing


QUIZZES = (
    ("onboarding", "Onboarding: our service standards", "Onboarding: unsere Servicestandards",
     "One situation for each of our service values, with feedback after every answer.",
     "Eine Situation zu jedem unserer Servicewerte, mit Feedback nach jeder Antwort.",
     dict(pass_mark=80, max_attempts=0, feedback_timing="immediate", review="full"),
     ("s01", "s04", "s07", "s10", "s13", "s16", "s19", "s22", "s25", "s30", "s32", "s34",
      "s36", "f03"), ()),
    ("complaints", "Handling complaints", "Beschwerden souverän lösen",
     "Upset and furious guests, including two conversations that branch.",
     "Verärgerte und wütende Gäste, darunter zwei Gespräche mit Verzweigungen.",
     dict(pass_mark=75, max_attempts=3, feedback_timing="end", review="full",
          time_limit_minutes=20),
     ("s08", "s27", "s28", "s29", "f01", "b01", "b02"), ()),
    ("phone", "On the phone", "Am Telefon",
     "Five phone situations drawn at random, and one branching call.",
     "Fünf zufällige Telefonsituationen und ein verzweigtes Gespräch.",
     dict(pass_mark=70, max_attempts=0, feedback_timing="immediate", review="correct"),
     ("b01",), ((5, "phone"),)),
)


def seed_quizzes(questions: dict[str, Question]) -> dict[str, Quiz]:
    found = {q.demo_key: q for q in db.session.scalars(
        sa.select(Quiz).where(Quiz.demo_key.is_not(None)))}
    for key, title_en, title_de, desc_en, desc_de, settings, fixed, draws in QUIZZES:
        if key in found:
            continue
        quiz = Quiz(demo_key=key, title_en=title_en, title_de=title_de, description_en=desc_en,
                    description_de=desc_de, **settings)
        quiz.fixed = [QuizQuestion(family_id=questions[k].family_id, position=i)
                      for i, k in enumerate(fixed)]
        quiz.draws = [QuizDraw(count=n, tag=tag) for n, tag in draws]
        db.session.add(quiz)
        found[key] = quiz
    db.session.flush()
    return found


def seed_assignments(quizzes: dict[str, Quiz], today: date) -> None:
    berlin = db.session.scalars(sa.select(Site).where(Site.slug == "berlin")).first()
    new_york = db.session.scalars(sa.select(Site).where(Site.slug == "new-york")).first()
    if berlin is None:
        return

    def department(site: Site | None, name: str) -> Department | None:
        if site is None:
            return None
        return db.session.scalars(sa.select(Department).where(
            Department.site_id == site.id, Department.name == name)).first()

    wanted = [
        (quizzes["onboarding"], {"role": Role.STAFF.value}, today + timedelta(days=10)),
        (quizzes["complaints"], {"department_id": getattr(department(berlin, "Front Office"),
                                                          "id", None)},
         today + timedelta(days=7)),
        (quizzes["phone"], {"department_id": getattr(department(new_york, "Front Office"),
                                                     "id", None)},
         today - timedelta(days=3)),
        (quizzes["complaints"], {"department_id": getattr(department(berlin, "Restaurant"),
                                                          "id", None)},
         today - timedelta(days=2)),
    ]
    for quiz, target, due in wanted:
        (column, value), = target.items()
        if value is None:
            continue
        exists = db.session.scalar(sa.select(Assignment.id).where(
            Assignment.quiz_id == quiz.id, getattr(Assignment, column) == value))
        if exists is None:
            db.session.add(Assignment(quiz_id=quiz.id, due_on=due, note="", **target))
    db.session.flush()


# Weak spots so the heatmap shows something: (department name, value number) -> extra error.
WEAK = {("Housekeeping", 6): .35, ("Restaurant", 10): .4, ("Front Office", 12): .3,
        ("Spa", 4): .3, ("Concierge", 13): .35}


def _answer(rng: random.Random, question: Question, p_right: float):
    """A plausible answer: (score, [(option, step id)]) for a simulated person."""
    if question.kind_enum is Kind.BRANCHING:
        step, path = question.steps[0], []
        while not step.is_ending:
            choices = [o for o in question.options if o.step_id == step.id]
            option = choices[0] if rng.random() < p_right else rng.choice(choices)
            path.append((option, step.id))
            step = next(s for s in question.steps if s.id == option.next_step_id)
        return step.score / 100, path
    options = question.top_options
    if question.kind_enum is Kind.MULTIPLE:
        chosen = [o for o in options if (o.is_correct) == (rng.random() < p_right)] or options[:1]
    else:
        right = [o for o in options if o.is_correct]
        wrong = [o for o in options if not o.is_correct]
        chosen = right[:1] if rng.random() < p_right else [rng.choice(wrong)]
    return score_choice(question, [o.id for o in chosen]), [(o, None) for o in chosen]


def seed_history(quizzes: dict[str, Quiz], questions: dict[str, Question], today: date) -> None:
    """Weeks of attempts and daily answers across staff, so statistics are not empty."""
    if db.session.scalar(sa.select(Attempt.id).where(
            Attempt.quiz_id.in_([q.id for q in quizzes.values()])).limit(1)) is not None:
        return
    rng = random.Random(20)  # noqa: S311 - demo data
    people = list(db.session.scalars(
        sa.select(User).where(User.role == Role.STAFF.value, User.active.is_(True),
                              User.department_id.is_not(None))
        .options(sa.orm.selectinload(User.department))))
    loaded = {q.id: q for q in db.session.scalars(
        sa.select(Question).where(Question.id.in_([q.id for q in questions.values()]))
        .options(sa.orm.selectinload(Question.options), sa.orm.selectinload(Question.steps)))}
    numbers = {v: n for n, v in _value_ids().items()}
    phone_pool = [q for q in loaded.values() if "phone" in q.tag_list
                  and q.kind_enum is not Kind.BRANCHING]
    daily_pool = [q for q in loaded.values() if q.kind_enum is not Kind.BRANCHING]

    def p_right(person: User, question: Question, skill: float) -> float:
        weak = WEAK.get((person.department.name, numbers.get(question.value_id)), 0)
        return max(.05, skill - weak - .08 * (question.difficulty - 1))

    rows: list = []
    for person in people:
        if person.email == STAFF_EMAIL:
            continue
        skill = rng.uniform(.55, .95)
        for key in ("onboarding", "complaints", "phone"):
            if rng.random() < .25:
                continue
            quiz = quizzes[key]
            fixed = [loaded[questions[k].id] for k in _fixed_keys(key)]
            drawn = rng.sample(phone_pool, min(5, len(phone_pool))) if key == "phone" else []
            for number in range(1, rng.choice((2, 2, 3)) + 1):
                started = datetime.combine(today - timedelta(days=rng.randint(1, 28)),
                                           time(rng.randint(7, 20)), tzinfo=UTC)
                layout_questions = fixed + drawn
                attempt = Attempt(quiz_id=quiz.id, user_id=person.id, number=number,
                                  started_at=started, submitted_at=started + timedelta(minutes=9),
                                  layout=[{"q": q.id, "o": [o.id for o in q.top_options]}
                                          for q in layout_questions])
                earned = 0.0
                for position, question in enumerate(layout_questions):
                    score, path = _answer(rng, question, p_right(person, question, skill))
                    earned += score
                    attempt_responses = Response(
                        user_id=person.id, question_id=question.id, value_id=question.value_id,
                        score=score, completed=True, answered_at=started + timedelta(
                            minutes=position), kind=ResponseKind.QUIZ.value,
                        choices=[ResponseChoice(option_id=o.id, step_id=s, position=i)
                                 for i, (o, s) in enumerate(path)])
                    rows.append((attempt, attempt_responses))
                attempt.score = round(100 * earned / len(layout_questions), 2)
                attempt.passed = attempt.score >= quiz.pass_mark
                skill = min(.98, skill + .08)
                if attempt.passed:
                    break
        for back in range(1, 22):
            if rng.random() < .4:
                continue
            day = today - timedelta(days=back)
            question = rng.choice(daily_pool)
            score, path = _answer(rng, question, p_right(person, question, skill))
            rows.append((None, Response(
                kind=ResponseKind.DAILY.value, user_id=person.id, question_id=question.id,
                value_id=question.value_id, day=day, slot=0, score=score, completed=True,
                answered_at=datetime.combine(day, time(9), tzinfo=UTC),
                choices=[ResponseChoice(option_id=o.id, position=i)
                         for i, (o, _s) in enumerate(path)])))
    attempts = list(dict.fromkeys(a for a, _r in rows if a is not None))
    db.session.add_all(attempts)
    db.session.flush()
    for attempt, response in rows:
        if attempt is not None:
            response.attempt_id = attempt.id
        db.session.add(response)
    db.session.flush()
    _seed_staff_member(daily_pool, today)


def _fixed_keys(quiz_key: str) -> tuple[str, ...]:
    return next(q[6] for q in QUIZZES if q[0] == quiz_key)


def _seed_staff_member(pool: list[Question], today: date) -> None:
    """staff@: a four-day streak and two review cards due today."""
    user = db.session.scalars(sa.select(User).where(User.email == STAFF_EMAIL)).first()
    if user is None or len(pool) < 8:
        return
    for back, question in zip(range(1, 5), pool[:4], strict=False):
        right = next(o for o in question.top_options if o.is_correct)
        db.session.add(Response(
            kind=ResponseKind.DAILY.value, user_id=user.id, question_id=question.id,
            value_id=question.value_id, day=today - timedelta(days=back), slot=0, score=1.0,
            completed=True, answered_at=datetime.combine(today - timedelta(days=back), time(9),
                                                         tzinfo=UTC),
            choices=[ResponseChoice(option_id=right.id, position=0)]))
    for question in pool[5:7]:
        db.session.add(ReviewCard(user_id=user.id, family_id=question.family_id, box=1,
                                  due_on=today, last_seen_on=today - timedelta(days=1),
                                  lapses=1))
    db.session.flush()


def seed(today: date) -> None:
    """The quizzes area's demo data (see the module docstring)."""
    values = _value_ids()
    questions = seed_questions(values)
    quizzes = seed_quizzes(questions)
    seed_assignments(quizzes, today)
    seed_history(quizzes, questions, today)
