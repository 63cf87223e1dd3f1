"""People, sites and departments administration. Plain functions over the session."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from .. import audit
from ..accounts import services as accounts
from ..extensions import db
from ..models import AuditLog, Department, Role, Site, User
from ..passwords import hash_password


class AdminError(ValueError):
    """Input the organisation's rules refuse; `field` names the form field to blame."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotAllowed(PermissionError):
    """The actor's role does not allow this change (e.g. HR touching an administrator)."""


@dataclass
class PersonData:
    employee_number: str
    first_name: str
    last_name: str
    role: str
    site_id: int
    department_id: int | None = None
    display_name: str | None = None
    email: str | None = None
    language: str = "de"
    led_department_ids: list[int] = field(default_factory=list)


@dataclass
class NewAccount:
    """What HR sees once after creating a person: an invite token or a temporary password."""

    user: User
    invite_token: str | None = None
    temporary_password: str | None = None


@dataclass
class PeopleFilter:
    q: str | None = None
    site_id: int | None = None
    department_id: int | None = None
    role: str | None = None
    active: bool | None = None


# --- rules ----------------------------------------------------------------------------------


def can_assign_role(actor: User, role: str) -> bool:
    """Only administrators create or promote administrators."""
    return role != Role.ADMIN.value or actor.has_role(Role.ADMIN)


def can_administer(actor: User, person: User) -> bool:
    """HR manages everyone except administrators; administrators manage everyone."""
    return actor.has_role(Role.ADMIN) or (
        actor.has_role(Role.HR) and person.role != Role.ADMIN.value
    )


def require_can_administer(actor: User, person: User) -> None:
    """Raise NotAllowed unless `actor` may manage `person`'s account."""
    if not can_administer(actor, person):
        raise NotAllowed(_("Only administrators can change an administrator's account."))


# --- people ---------------------------------------------------------------------------------


def people_query(filters: PeopleFilter) -> sa.Select:
    """The people list as a select: searched, filtered, ordered by name, relations preloaded."""
    stmt = sa.select(User).options(selectinload(User.site), selectinload(User.department))
    if filters.q:
        pattern = "%" + filters.q.strip().lower().replace("\\", "\\\\").replace(
            "%", "\\%").replace("_", "\\_") + "%"
        full_name = sa.func.lower(User.first_name + " " + User.last_name)
        stmt = stmt.where(sa.or_(
            full_name.like(pattern, escape="\\"),
            sa.func.lower(User.display_name).like(pattern, escape="\\"),
            User.email.like(pattern, escape="\\"),
            sa.func.lower(User.employee_number).like(pattern, escape="\\"),
        ))
    if filters.site_id is not None:
        stmt = stmt.where(User.site_id == filters.site_id)
    if filters.department_id is not None:
        stmt = stmt.where(User.department_id == filters.department_id)
    if filters.role:
        stmt = stmt.where(User.role == filters.role)
    if filters.active is not None:
        stmt = stmt.where(User.active.is_(filters.active))
    return stmt.order_by(User.last_name, User.first_name, User.id)


def all_sites() -> list[Site]:
    """Every site by name (a handful: they are offered in selects)."""
    return list(db.session.scalars(sa.select(Site).order_by(Site.name)))


def all_departments() -> list[Department]:
    """Every department with its site loaded, ordered by site and name."""
    stmt = (sa.select(Department).join(Site).options(selectinload(Department.site))
            .order_by(Site.name, Department.name))
    return list(db.session.scalars(stmt))


def _check_person(data: PersonData, person: User | None) -> tuple[Site, Department | None,
                                                                   list[Department]]:
    site = db.session.get(Site, data.site_id)
    if site is None:
        raise AdminError("site_id", _("Choose a site."))
    department = None
    if data.department_id is not None:
        department = db.session.get(Department, data.department_id)
        if department is None or department.site_id != site.id:
            raise AdminError("department_id", _("Choose a department of the chosen site."))
    if data.role in (Role.STAFF.value, Role.SUPERVISOR.value) and department is None:
        raise AdminError("department_id", _("Staff and supervisors need a department."))
    number_taken = db.session.scalars(
        sa.select(User.id).where(User.employee_number == data.employee_number)
    ).first()
    if number_taken is not None and (person is None or number_taken != person.id):
        raise AdminError("employee_number", _("This employee number is already in use."))
    if data.email:
        email_taken = db.session.scalars(
            sa.select(User.id).where(User.email == data.email)
        ).first()
        if email_taken is not None and (person is None or email_taken != person.id):
            raise AdminError("email", _("This e-mail address belongs to someone else."))
    led: list[Department] = []
    if data.role == Role.SUPERVISOR.value:
        ids = set(data.led_department_ids) or ({department.id} if department else set())
        led = list(db.session.scalars(sa.select(Department).where(Department.id.in_(ids))))
        if len(led) != len(ids):
            raise AdminError("led_department_ids", _("Choose existing departments."))
    return site, department, led


def temporary_password() -> str:
    """A random password to hand over once; the person must replace it at first sign-in."""
    return secrets.token_urlsafe(9)


def set_temporary_password(person: User, *, actor: User) -> str:
    """Give `person` a new temporary password; their other sessions end."""
    require_can_administer(actor, person)
    password = temporary_password()
    person.password_hash = hash_password(password)
    person.must_change_password = True
    person.session_version += 1
    audit.record(actor, "user.temporary_password_set", person)
    return password


def create_person(data: PersonData, *, actor: User, access: str = "invite") -> NewAccount:
    """Create a person; `access` is "invite", "password" or "none" for the first sign-in."""
    if not can_assign_role(actor, data.role):
        raise NotAllowed(_("Only administrators can create administrators."))
    site, department, led = _check_person(data, None)
    person = User(
        employee_number=data.employee_number, first_name=data.first_name,
        last_name=data.last_name, display_name=data.display_name or data.first_name,
        email=accounts.normalise_email(data.email), role=data.role, site=site,
        department=department, language=data.language, led_departments=led,
    )
    db.session.add(person)
    audit.record(actor, "user.created", person, {
        "employee_number": person.employee_number, "role": person.role,
        "site": site.slug, "department": department.name if department else None,
    })
    result = NewAccount(person)
    if access == "invite":
        result.invite_token = accounts.issue_invite(person, actor=actor)
    elif access == "password":
        result.temporary_password = set_temporary_password(person, actor=actor)
    return result


def update_person(person: User, data: PersonData, *, actor: User) -> list[str]:
    """Change a person's details, role and department; returns the changed field names."""
    require_can_administer(actor, person)
    if not can_assign_role(actor, data.role):
        raise NotAllowed(_("Only administrators can make someone an administrator."))
    if person.id == actor.id and data.role != person.role:
        raise AdminError("role", _("You cannot change your own role."))
    site, department, led = _check_person(data, person)
    before = {
        "employee_number": person.employee_number, "first_name": person.first_name,
        "last_name": person.last_name, "display_name": person.display_name,
        "email": person.email, "language": person.language, "role": person.role,
        "site": person.site_id, "department": person.department_id,
        "led_departments": sorted(d.id for d in person.led_departments),
    }
    person.employee_number = data.employee_number
    person.first_name = data.first_name
    person.last_name = data.last_name
    person.display_name = data.display_name or data.first_name
    person.email = accounts.normalise_email(data.email)
    person.language = data.language
    person.role = data.role
    person.site = site
    person.department = department
    person.led_departments = led
    after = {
        "employee_number": person.employee_number, "first_name": person.first_name,
        "last_name": person.last_name, "display_name": person.display_name,
        "email": person.email, "language": person.language, "role": person.role,
        "site": site.id, "department": department.id if department else None,
        "led_departments": sorted(d.id for d in led),
    }
    changed = [key for key in before if before[key] != after[key]]
    if "role" in changed:
        audit.record(actor, "user.role_changed", person,
                     {"from": before["role"], "to": after["role"]})
    if "department" in changed or "site" in changed:
        audit.record(actor, "user.department_changed", person,
                     {"from": before["department"], "to": after["department"]})
    other = [k for k in changed if k not in ("role", "department", "site")]
    if other:
        audit.record(actor, "user.updated", person, {"fields": other})
    return changed


def deactivate_person(person: User, *, actor: User) -> None:
    """Switch an account off and end its sessions; nobody deactivates themself."""
    require_can_administer(actor, person)
    try:
        accounts.deactivate(person, actor=actor)
    except accounts.AccountError:
        raise AdminError("active", _("You cannot deactivate your own account.")) from None


def reactivate_person(person: User, *, actor: User) -> None:
    """Switch a deactivated account on again."""
    require_can_administer(actor, person)
    accounts.reactivate(person, actor=actor)


def resend_invite(person: User, *, actor: User) -> str:
    """A new invite token for `person`; earlier links stop working."""
    require_can_administer(actor, person)
    if not person.active:
        raise AdminError("active", _("Reactivate the account before sending an invite link."))
    return accounts.issue_invite(person, actor=actor)


# --- sites and departments ------------------------------------------------------------------


def _check_slug(slug: str, site: Site | None) -> None:
    taken = db.session.scalars(sa.select(Site.id).where(Site.slug == slug)).first()
    if taken is not None and (site is None or taken != site.id):
        raise AdminError("slug", _("Another site already uses this short name."))


def create_site(name: str, slug: str, timezone: str, default_language: str, *,
                actor: User) -> Site:
    """Create a site (the time zone is validated by the form)."""
    _check_slug(slug, None)
    site = Site(name=name, slug=slug, timezone=timezone, default_language=default_language)
    db.session.add(site)
    audit.record(actor, "site.created", site, {"slug": slug})
    return site


def update_site(site: Site, name: str, slug: str, timezone: str, default_language: str, *,
                actor: User) -> None:
    """Rename a site or change its link name, time zone or default language."""
    _check_slug(slug, site)
    changed = {k: v for k, v in (("name", name), ("slug", slug), ("timezone", timezone),
                                 ("default_language", default_language))
               if getattr(site, k) != v}
    for key, value in changed.items():
        setattr(site, key, value)
    if changed:
        audit.record(actor, "site.updated", site, {"fields": sorted(changed)})


def _check_department_name(site: Site, name: str, department: Department | None) -> None:
    taken = db.session.scalars(
        sa.select(Department.id).where(Department.site_id == site.id,
                                       sa.func.lower(Department.name) == name.lower())
    ).first()
    if taken is not None and (department is None or taken != department.id):
        raise AdminError("name", _("This site already has a department with this name."))


def create_department(site: Site, name: str, *, actor: User) -> Department:
    """Add a department to a site; names are unique per site (ignoring case)."""
    _check_department_name(site, name, None)
    department = Department(site=site, name=name)
    db.session.add(department)
    audit.record(actor, "department.created", department, {"site": site.slug, "name": name})
    return department


def rename_department(department: Department, name: str, *, actor: User) -> None:
    """Rename a department within its site."""
    _check_department_name(department.site, name, department)
    if department.name != name:
        audit.record(actor, "department.renamed", department,
                     {"from": department.name, "to": name})
        department.name = name


def site_departments_query(site: Site) -> sa.Select:
    """A site's departments by name, for the site page."""
    return sa.select(Department).where(Department.site_id == site.id).order_by(Department.name)


def head_counts(department_ids: list[int]) -> dict[int, int]:
    """Active people per department, in one grouped query."""
    if not department_ids:
        return {}
    stmt = (sa.select(User.department_id, sa.func.count(User.id))
            .where(User.department_id.in_(department_ids), User.active.is_(True))
            .group_by(User.department_id))
    return {dept_id: count for dept_id, count in db.session.execute(stmt)}


def audit_query() -> sa.Select:
    """The audit log, newest first, with the actor preloaded."""
    return (sa.select(AuditLog).options(selectinload(AuditLog.actor))
            .order_by(AuditLog.created_at.desc(), AuditLog.id.desc()))
