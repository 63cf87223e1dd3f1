"""The demo organisation: two sites, their departments, about 40 people and the demo accounts.

Idempotent: rows are found by slug, (site, name) and employee number before anything is created.
"""

from __future__ import annotations

import sqlalchemy as sa

from .extensions import db
from .models import Department, Role, Site, User
from .passwords import hash_password

DEMO_PASSWORD = "lineup-demo"  # noqa: S105  (documented demo password)

SITES = (
    ("berlin", "Lineup Hotel Berlin", "Europe/Berlin", "de",
     ("Front Office", "Housekeeping", "Restaurant", "Spa", "Concierge")),
    ("new-york", "Lineup Hotel New York", "America/New_York", "en",
     ("Front Office", "Housekeeping", "Restaurant", "Spa", "Concierge")),
)

# (employee number, first, last, display name, site, department, role, language, email)
DEMO_ACCOUNTS = (
    ("A-0001", "Ada", "Admin", "Ada", "berlin", None, Role.ADMIN, "en", "admin@lineup.demo"),
    ("H-0001", "Hanna", "Richter", "Hanna", "berlin", None, Role.HR, "de", "hr@lineup.demo"),
    ("S-0001", "Sabine", "Krüger", "Sabine", "berlin", "Front Office", Role.SUPERVISOR, "de",
     "supervisor@lineup.demo"),
    ("B-1001", "Lena", "Schmidt", "Lena", "berlin", "Front Office", Role.STAFF, "de",
     "staff@lineup.demo"),
)

BERLIN_PEOPLE = (
    ("Front Office", "Jürgen", "Weiß"), ("Front Office", "Mehmet", "Yılmaz"),
    ("Front Office", "Sophie", "Wagner"), ("Front Office", "Lukas", "Becker"),
    ("Housekeeping", "Agnieszka", "Nowak"), ("Housekeeping", "Fatma", "Demir"),
    ("Housekeeping", "Monika", "Hoffmann"), ("Restaurant", "Paul", "Schäfer"),
    ("Restaurant", "Marie", "Koch"), ("Restaurant", "Jonas", "Bauer"),
    ("Restaurant", "Zoë", "Lange"), ("Spa", "Leonie", "Schulz"), ("Spa", "Björn", "Meyer"),
    ("Concierge", "Felix", "Zimmermann"), ("Concierge", "Émilie", "Dubois"),
    ("Concierge", "Tobias", "Neumann"),
)
NEW_YORK_PEOPLE = (
    ("Front Office", "Maria", "Garcia"), ("Front Office", "James", "Johnson"),
    ("Front Office", "Aisha", "Williams"), ("Housekeeping", "Rosa", "Martinez"),
    ("Housekeeping", "Kevin", "Nguyen"), ("Housekeeping", "Grace", "Kim"),
    ("Restaurant", "Michael", "Brown"), ("Restaurant", "Olivia", "Davis"),
    ("Restaurant", "Daniel", "Rodriguez"), ("Spa", "Emily", "Chen"), ("Spa", "Noah", "Wilson"),
    ("Concierge", "Ethan", "Moore"), ("Concierge", "Chloe", "Taylor"),
)
# One supervisor per department that the demo supervisor does not lead.
SUPERVISORS = (
    ("berlin", "Housekeeping", "Katrin", "Vogel"), ("berlin", "Restaurant", "Stefan", "Braun"),
    ("berlin", "Spa", "Nina", "Hartmann"), ("berlin", "Concierge", "Oliver", "Krause"),
    ("new-york", "Front Office", "Sarah", "Miller"), ("new-york", "Housekeeping", "Luis", "Lopez"),
    ("new-york", "Restaurant", "Anthony", "Clark"), ("new-york", "Spa", "Megan", "Lewis"),
    ("new-york", "Concierge", "David", "Walker"),
)


def _site(slug: str, name: str, tz: str, language: str) -> Site:
    site = db.session.scalars(sa.select(Site).where(Site.slug == slug)).first()
    if site is None:
        site = Site(slug=slug, name=name, timezone=tz, default_language=language)
        db.session.add(site)
        db.session.flush()
    return site


def _department(site: Site, name: str) -> Department:
    dept = db.session.scalars(
        sa.select(Department).where(Department.site_id == site.id, Department.name == name)
    ).first()
    if dept is None:
        dept = Department(site=site, name=name)
        db.session.add(dept)
        db.session.flush()
    return dept


def _person(number: str, first: str, last: str, display: str, site: Site,
            dept: Department | None, role: Role, language: str, email: str | None,
            password_hash: str) -> User:
    user = db.session.scalars(sa.select(User).where(User.employee_number == number)).first()
    if user is None:
        user = User(employee_number=number, first_name=first, last_name=last,
                    display_name=display, site=site, department=dept, role=role.value,
                    language=language, email=email, password_hash=password_hash)
        db.session.add(user)
        db.session.flush()
    return user


def seed_organisation() -> dict[str, User]:
    """Create the demo sites, departments and people; return the demo accounts by role."""
    password_hash = hash_password(DEMO_PASSWORD)
    sites: dict[str, Site] = {}
    depts: dict[tuple[str, str], Department] = {}
    for slug, name, tz, language, department_names in SITES:
        sites[slug] = _site(slug, name, tz, language)
        for dept_name in department_names:
            depts[slug, dept_name] = _department(sites[slug], dept_name)

    accounts: dict[str, User] = {}
    for number, first, last, display, slug, dept_name, role, lang, email in DEMO_ACCOUNTS:
        dept = depts[slug, dept_name] if dept_name else None
        accounts[role.value] = _person(number, first, last, display, sites[slug], dept, role,
                                       lang, email, password_hash)
    front_office = depts["berlin", "Front Office"]
    if front_office not in accounts["supervisor"].led_departments:
        accounts["supervisor"].led_departments.append(front_office)

    for i, (slug, dept_name, first, last) in enumerate(SUPERVISORS, start=1):
        lang = "de" if slug == "berlin" else "en"
        supervisor = _person(f"S-{i + 1:04d}", first, last, first, sites[slug],
                             depts[slug, dept_name], Role.SUPERVISOR, lang,
                             f"{first}.{last}@lineup.demo".lower(), password_hash)
        if depts[slug, dept_name] not in supervisor.led_departments:
            supervisor.led_departments.append(depts[slug, dept_name])

    for slug, people, prefix, lang in (("berlin", BERLIN_PEOPLE, "B", "de"),
                                       ("new-york", NEW_YORK_PEOPLE, "N", "en")):
        for i, (dept_name, first, last) in enumerate(people, start=2):
            _person(f"{prefix}-{1000 + i}", first, last, first, sites[slug],
                    depts[slug, dept_name], Role.STAFF, lang, None, password_hash)
    db.session.flush()
    return accounts
