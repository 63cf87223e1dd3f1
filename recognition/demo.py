"""Demo data: three months of guest praise (German and English), complaints in every state,
awards within budgets, peer cards and a hero per site, so the board and the inbox are alive.

Idempotent: history is written once (marked by source "demo"); later runs only make sure a
wow story is ready for the next Berlin Front Office line-up and the inbox has work in it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.hooks import demo_seeder
from lineup.models import Department, Role, Site, User, supervisor_departments

from .awards import ensure_award_types
from .intake import Submission, submit
from .models import (
    Award,
    AwardBudget,
    BoardItem,
    BoardItemPerson,
    ComplaintNote,
    ComplaintState,
    Feedback,
    FeedbackPerson,
    PeerCard,
    ServiceHero,
    StaffProfile,
)
from .privacy import redact
from .services import month_start, service_values

SOURCE = "demo"
DAYS = 90

PRAISE_DE = (
    "{name} hat uns beim Check-in so herzlich begrüßt, dass die lange Reise sofort vergessen war.",
    "Unser Kind hatte Fieber, und {name} hat nachts noch Tee und ein Thermometer gebracht. Danke!",
    "{name} hat sich gemerkt, dass ich ohne Gluten esse, und am nächsten Morgen extra nachgefragt.",
    "Mein Koffer war falsch geliefert worden. {name} hat ihn innerhalb einer Stunde aufgetrieben.",
    "Ein riesiges Dankeschön an {name}: die Tipps für den Abend in Kreuzberg waren perfekt.",
    "{name} blieb freundlich und geduldig, obwohl an der Rezeption gerade sehr viel los war.",
    "Das Zimmer war blitzsauber und {name} hat sogar an Blumen zum Hochzeitstag gedacht.",
)
PRAISE_EN = (
    "{name} welcomed us by name on our second day and already knew we like a quiet room.",
    "We arrived at 2 a.m. after a cancelled flight and {name} had soup and a warm smile ready.",
    "{name} walked me to the pharmacy in the rain because I did not know the area.",
    "My laptop charger broke before a big meeting and {name} found one in twenty minutes.",
    "{name} noticed my daughter's birthday on the booking and surprised her with a little cake.",
    "Thank you {name} for explaining the subway so clearly, we never got lost once.",
    "The spa treatment with {name} was the highlight of our trip, so attentive and kind.",
)
COMPLAINTS = (
    ("Wir mussten 40 Minuten auf unser Zimmer warten, ohne dass uns jemand Bescheid gab.", "de"),
    ("The room service order was cold and nobody answered the phone at the front desk.", "en"),
    ("Beim Frühstück wurden wir zweimal übersehen, obwohl wir gewunken haben.", "de"),
    ("Housekeeping came in while the do-not-disturb sign was on the door.", "en"),
)
PEER_CARDS = (
    "Thanks for covering my shift at short notice, the guests never noticed a gap.",
    "Danke, dass du dem Gast aus Zimmer 412 so ruhig geholfen hast, das war vorbildlich.",
    "You stayed late to finish the group check-in list so the morning team could start fresh.",
    "Du hast die neue Kollegin so gut eingearbeitet, sie fühlt sich schon wie zu Hause.",
)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), UTC)


@demo_seeder(30)
def seed_recognition_demo(today: date) -> None:
    """Write the recognition history once; top up the wow story and the inbox every run."""
    sites = {s.slug: s for s in db.session.scalars(sa.select(Site))}
    if "berlin" not in sites:
        return
    ensure_award_types()
    already = db.session.scalar(sa.select(Feedback.id).where(Feedback.source == SOURCE)
                                .limit(1))
    if already is None:
        _history(today, sites)
    _wow_story_ready(today, sites["berlin"])
    _inbox_has_work(sites["berlin"])


def _staff_by_department() -> dict[int, list[User]]:
    people: dict[int, list[User]] = {}
    for user in db.session.scalars(
            sa.select(User).where(User.role == Role.STAFF.value, User.active.is_(True),
                                  User.department_id.is_not(None))
            .order_by(User.employee_number)):
        people.setdefault(user.department_id, []).append(user)
    return people


def _profiles(users: list[User]) -> None:
    have = set(db.session.scalars(sa.select(StaffProfile.user_id)))
    for i, user in enumerate(users):
        if user.id in have:
            continue
        visibility = "everyone"
        if user.first_name == "Monika":
            visibility = "team"
        elif user.first_name == "Kevin":
            visibility = "private"
        aliases = {"Mehmet": "Memo", "Agnieszka": "Agnes, Aga", "Émilie": "Emily"}.get(
            user.first_name, "")
        db.session.add(StaffProfile(user_id=user.id, visibility=visibility,
                                    listed_on_form=i % 5 != 4, aliases=aliases))


def _history(today: date, sites: dict[str, Site]) -> None:
    rng = random.Random(f"recognition-demo-{sites['berlin'].id}")  # noqa: S311 - demo data
    values = service_values()
    value_ids = [v.id for v in values] or [None]
    staff = _staff_by_department()
    _profiles([u for people in staff.values() for u in people])
    leaders = dict(db.session.execute(sa.select(supervisor_departments.c.department_id,
                                                supervisor_departments.c.user_id)).all())
    departments = {d.id: d for d in db.session.scalars(sa.select(Department))}
    feedback_rows: list[Feedback] = []
    for dept_id, people in staff.items():
        site = departments[dept_id].site
        texts = PRAISE_DE if site.default_language == "de" else PRAISE_EN
        for n in range(7):
            person = people[n % len(people)]
            day = today - timedelta(days=rng.randint(3, DAYS))
            name = person.first_name
            if name == "Jürgen":
                name = rng.choice(["Jurgen", "Juergen", "Jürgen"])
            text = texts[rng.randrange(len(texts))].format(name=name)
            status = "rejected" if n == 6 else "approved"
            feedback = Feedback(
                site_id=site.id, department_id=dept_id, kind="praise", channel="form",
                source=SOURCE, external_id=f"praise-{dept_id}-{n}", staff_names=name,
                text=text, public_text=redact(text), occurred_on=day,
                shift=rng.choice(["morning", "afternoon", "evening", "night"]),
                rating=rng.choice([4, 5, 5]), language=site.default_language,
                match_outcome="one", status=status, value_id=rng.choice(value_ids),
                decided_by_id=leaders.get(dept_id), decided_at=_at(day + timedelta(days=1), 9),
                created_at=_at(day, 18),
                reject_reason="Duplicate of a card we already have." if status == "rejected"
                else None)
            feedback.people.append(FeedbackPerson(user_id=person.id, role="matched"))
            feedback_rows.append(feedback)
    for i, (site_slug, dept_name) in enumerate(
            [(s, d) for s in ("berlin", "new-york") for d in ("Front Office", "Restaurant")]):
        site = sites.get(site_slug)
        dept = next((d for d in departments.values()
                     if d.site_id == (site.id if site else 0) and d.name == dept_name), None)
        if dept is None:
            continue
        for j, state in enumerate(ComplaintState):
            text, language = COMPLAINTS[(i + j) % len(COMPLAINTS)]
            day = today - timedelta(days=5 + 9 * j + i)
            complaint = Feedback(
                site_id=site.id, department_id=dept.id, kind="complaint", channel="form",
                source=SOURCE, external_id=f"complaint-{dept.id}-{j}", text=text,
                public_text=text, occurred_on=day, rating=rng.choice([1, 2]),
                language=language, match_outcome="none", status="pending",
                complaint_state=state.value, owner_id=leaders.get(dept.id),
                due_on=day + timedelta(days=3), value_id=value_ids[(i + j) % len(value_ids)],
                created_at=_at(day, 20))
            feedback_rows.append(complaint)
    db.session.add_all(feedback_rows)
    db.session.flush()

    board: list[BoardItem] = []
    visibility = dict(db.session.execute(sa.select(StaffProfile.user_id,
                                                   StaffProfile.visibility)).all())
    users = {u.id: u for people in staff.values() for u in people}
    for feedback in feedback_rows:
        if feedback.kind == "complaint":
            if feedback.complaint_state != ComplaintState.NEW.value:
                db.session.add(ComplaintNote(
                    feedback_id=feedback.id, author_id=feedback.owner_id,
                    text="Called the guest, apologised and offered a late check-out.",
                    created_at=feedback.created_at + timedelta(days=1)))
            continue
        if feedback.status != "approved":
            continue
        person = users[feedback.people[0].user_id]
        item = BoardItem(kind="praise", feedback_id=feedback.id, site_id=feedback.site_id,
                         department_id=feedback.department_id, value_id=feedback.value_id,
                         headline=person.display_name, text=feedback.public_text,
                         visibility=visibility.get(person.id, "everyone"),
                         applause_count=rng.randint(0, 6), published_at=feedback.decided_at)
        item.people.append(BoardItemPerson(user_id=person.id))
        board.append(item)

    award_types = {t.code: t for t in ensure_award_types()}
    card = award_types["first-class-card"]
    budgets: dict[tuple[int, date], AwardBudget] = {}
    awards: list[Award] = []
    for dept_id, people in staff.items():
        giver_id = leaders.get(dept_id)
        if giver_id is None:
            continue
        for k in range(4):
            day = today - timedelta(days=rng.randint(1, DAYS))
            month = month_start(day)
            budget = budgets.get((giver_id, month))
            if budget is None:
                budget = budgets[giver_id, month] = AwardBudget(giver_id=giver_id, month=month,
                                                                total=100, used=0)
                db.session.add(budget)
            if budget.used + card.points > budget.total:
                continue
            budget.used += card.points
            person = people[(k + 1) % len(people)]
            award = Award(type=card, giver_id=giver_id, recipient_id=person.id,
                          value_id=rng.choice(value_ids), message=rng.choice(PEER_CARDS),
                          points=card.points, created_at=_at(day, 15), budget=budget)
            awards.append(award)
    db.session.add_all(awards)
    db.session.flush()
    for award in awards:
        person = users[award.recipient_id]
        item = BoardItem(kind="award", award_id=award.id, site_id=person.site_id,
                         department_id=person.department_id, value_id=award.value_id,
                         headline=person.display_name, text=award.message,
                         visibility=visibility.get(person.id, "everyone"),
                         published_at=award.created_at)
        item.people.append(BoardItemPerson(user_id=person.id))
        board.append(item)

    everyone = sorted(users.values(), key=lambda u: u.employee_number)
    cards: list[PeerCard] = []
    for i in range(16):
        sender = everyone[(i * 7) % len(everyone)]
        colleagues = [u for u in everyone if u.site_id == sender.site_id and u.id != sender.id]
        recipient = colleagues[(i * 3) % len(colleagues)]
        cards.append(PeerCard(sender_id=sender.id, recipient_id=recipient.id,
                              value_id=rng.choice(value_ids) or value_ids[0],
                              message=PEER_CARDS[i % len(PEER_CARDS)],
                              created_at=_at(today - timedelta(days=8 + i * 5), 12)))
    if value_ids[0] is not None:
        db.session.add_all(cards)
        db.session.flush()
        for peer in cards:
            person = users[peer.recipient_id]
            item = BoardItem(kind="peer", peer_card_id=peer.id, site_id=person.site_id,
                             department_id=person.department_id, value_id=peer.value_id,
                             headline=person.display_name, text=peer.message,
                             visibility=visibility.get(person.id, "everyone"),
                             published_at=peer.created_at)
            item.people.append(BoardItemPerson(user_id=person.id))
            board.append(item)
    db.session.add_all(board)
    db.session.flush()
    _heroes(today, sites, leaders)


def _heroes(today: date, sites: dict[str, Site], leaders: dict[int, int]) -> None:
    from .heroes import candidates

    last_month = month_start(month_start(today) - timedelta(days=1))
    hr = db.session.scalars(sa.select(User).where(User.role == Role.HR.value)).first()
    for site in sites.values():
        pool = candidates(site, last_month)
        if pool and db.session.scalar(sa.select(ServiceHero.id).where(
                ServiceHero.site_id == site.id, ServiceHero.month == last_month)) is None:
            db.session.add(ServiceHero(site_id=site.id, month=last_month,
                                       user_id=pool[0].user.id, score=pool[0].score,
                                       confirmed_by_id=hr.id if hr else None,
                                       confirmed_at=_at(today.replace(day=1), 10)))


def _front_office(site: Site) -> Department | None:
    return db.session.scalars(sa.select(Department).where(
        Department.site_id == site.id, Department.name == "Front Office")).first()


def _wow_story_ready(today: date, berlin: Site) -> None:
    """An approved, unused wow story for the next Berlin Front Office line-up."""
    dept = _front_office(berlin)
    juergen = db.session.scalars(sa.select(User).where(
        User.site_id == berlin.id, User.first_name == "Jürgen")).first()
    if dept is None or juergen is None:
        return
    ready = db.session.scalar(sa.select(Feedback.id).where(
        Feedback.department_id == dept.id, Feedback.wow_story.is_(True),
        Feedback.used_at.is_(None), Feedback.status == "approved"))
    if ready is not None:
        return
    values = service_values()
    text = ("Mein Mann ist an der Rezeption gestürzt. Jürgen hat sofort einen Arzt gerufen, "
            "ist bei uns geblieben und hat am nächsten Tag angerufen, um zu fragen, wie es "
            "ihm geht. So etwas vergisst man nicht.")
    leader = db.session.scalar(sa.select(supervisor_departments.c.user_id).where(
        supervisor_departments.c.department_id == dept.id))
    feedback = Feedback(
        site_id=berlin.id, department_id=dept.id, kind="praise", channel="form",
        source=SOURCE, external_id=f"wow-{today.isoformat()}", staff_names="Jürgen",
        text=text, public_text=text, occurred_on=today - timedelta(days=2), rating=5,
        language="de", match_outcome="one", status="approved",
        value_id=values[0].id if values else None, decided_by_id=leader,
        decided_at=_at(today - timedelta(days=1), 9), created_at=_at(today - timedelta(days=2),
                                                                    19),
        wow_story=True)
    feedback.people.append(FeedbackPerson(user_id=juergen.id, role="matched"))
    existing = db.session.scalar(sa.select(Feedback.id).where(
        Feedback.source == SOURCE, Feedback.external_id == feedback.external_id))
    if existing is not None:
        return
    db.session.add(feedback)
    db.session.flush()
    item = BoardItem(kind="praise", feedback_id=feedback.id, site_id=berlin.id,
                     department_id=dept.id, value_id=feedback.value_id,
                     headline=juergen.display_name, text=feedback.public_text,
                     published_at=feedback.decided_at)
    item.people.append(BoardItemPerson(user_id=juergen.id))
    db.session.add(item)


PENDING = (
    ("praise", "Jurgen", "Jurgen at the front desk rebooked our taxi and printed our boarding "
     "passes while we finished breakfast. Call me on +49 170 1234567 if you need a reference!"),
    ("praise", "Sophie und Lukas", "Sophie und Lukas haben uns spontan ein ruhigeres Zimmer "
     "gegeben, als nebenan gebaut wurde. Vielen Dank!"),
    ("praise", "the young man with glasses", "Someone at reception lent me an umbrella and "
     "would not take it back. I never got his name."),
    ("suggestion", "", "Ein Wasserspender in der Lobby wäre bei der Hitze eine gute Idee."),
)


def _inbox_has_work(berlin: Site) -> None:
    """A few real submissions waiting in the Berlin Front Office inbox, matched as usual."""
    for i, (kind, names, text) in enumerate(PENDING):
        submit(berlin, Submission(kind=kind, text=text, staff_names=names, language="de",
                                  source=SOURCE, external_id=f"pending-{i}"), "form")
    db.session.flush()
