"""Staff CSV import: parse and check everything first, save only when no row has an error.

Columns: employee_number, first_name, last_name, email, site (slug), department (name), role,
language. A row whose employee number exists updates that person; otherwise a person is created.
UTF-8 with or without BOM, `;` or `,` as delimiter. The same parse runs for the preview and
again at confirmation, so what is saved is exactly what was shown.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from .. import audit
from ..extensions import db
from ..models import LANGUAGES, Department, Role, Site, User

COLUMNS = ("employee_number", "first_name", "last_name", "email", "site", "department", "role",
           "language")
REQUIRED = ("employee_number", "first_name", "last_name", "site", "role")
MAX_LENGTHS = {"employee_number": 40, "first_name": 80, "last_name": 80, "email": 254,
               "site": 60, "department": 120, "role": 16, "language": 2}
# Below Werkzeug's 500 kB limit for one form field, since the confirm form sends the text back.
MAX_BYTES = 400_000
MAX_ROWS = 5000

TEMPLATE_CSV = (
    "employee_number;first_name;last_name;email;site;department;role;language\r\n"
    "B-2001;Jürgen;Weiß;juergen.weiss@example.org;berlin;Front Office;staff;de\r\n"
    "N-2001;Maria;Lopez;;new-york;Housekeeping;supervisor;en\r\n"
)


@dataclass
class ImportRow:
    line: int
    employee_number: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    site: str = ""
    department: str = ""
    role: str = ""
    language: str = ""
    errors: list[str] = field(default_factory=list)
    action: str = ""  # "create", "update" or "unchanged"; empty while the row has errors
    changes: list[str] = field(default_factory=list)
    user_id: int | None = None
    site_id: int | None = None
    department_id: int | None = None


@dataclass
class Preview:
    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    text: str = ""  # the decoded file, carried by the confirm form

    @property
    def errors(self) -> int:
        """How many rows have an error (0 when all are fine)."""
        return sum(1 for row in self.rows if row.errors)

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.errors and bool(self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def template_csv() -> str:
    """A small example file with the expected header, for download."""
    return TEMPLATE_CSV


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def parse_staff_csv(data: bytes, actor: User | None = None) -> Preview:
    """Check a staff CSV file and say per row what importing it would do. Saves nothing.

    `actor` is the HR or admin user who imports (None from the command line): only
    administrators may import administrators.
    """
    preview = Preview()
    if not data.strip():
        preview.file_errors.append(_("The file is empty."))
        return preview
    if len(data) > MAX_BYTES:
        preview.file_errors.append(_("The file is too large (at most %(kb)d kB). Split it into "
                                     "smaller files.", kb=MAX_BYTES // 1000))
        return preview
    text = _decode(data)
    if text is None:
        preview.file_errors.append(_("The file is not UTF-8 encoded. Save it as \"CSV UTF-8\" "
                                     "and upload it again."))
        return preview
    if "\x00" in text:
        preview.file_errors.append(_("This is not a CSV text file."))
        return preview
    preview.text = text
    header_line = text.splitlines()[0] if text.splitlines() else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    try:
        records = _read(reader, preview)
    except csv.Error:
        preview.file_errors.append(_("The file is not valid CSV (check the quotes)."))
        return preview
    if preview.file_errors:
        return preview
    if not records:
        preview.file_errors.append(_("The file has a header but no rows."))
        return preview
    _check_rows(preview.rows, actor)
    return preview


def _read(reader, preview: Preview) -> list[ImportRow]:
    header: list[str] | None = None
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in record]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                preview.file_errors.append(_("Missing columns: %(columns)s. The first line must "
                                             "name the columns.", columns=", ".join(missing)))
                return []
            continue
        if len(preview.rows) >= MAX_ROWS:
            preview.file_errors.append(_("Too many rows (at most %(n)d).", n=MAX_ROWS))
            return []
        row = ImportRow(line=reader.line_num)
        if len(record) != len(header):
            row.errors.append(_("This line has %(found)d fields, the header has %(expected)d.",
                                found=len(record), expected=len(header)))
        values = dict(zip(header, (cell.strip() for cell in record), strict=False))
        for column in COLUMNS:
            value = values.get(column, "")
            if len(value) > MAX_LENGTHS[column]:
                row.errors.append(_("%(column)s is too long (at most %(n)d characters).",
                                    column=column, n=MAX_LENGTHS[column]))
                value = value[: MAX_LENGTHS[column]]
            setattr(row, column, value)
        row.email = row.email.lower() or None
        row.role = row.role.lower()
        row.language = row.language.lower()
        preview.rows.append(row)
    return preview.rows


def _check_rows(rows: list[ImportRow], actor: User | None) -> None:
    sites = {s.slug: s for s in db.session.scalars(sa.select(Site))}
    departments = {(d.site_id, d.name.lower()): d
                   for d in db.session.scalars(sa.select(Department))}
    numbers = {r.employee_number for r in rows if r.employee_number}
    emails = {r.email for r in rows if r.email}
    existing = {u.employee_number: u for u in db.session.scalars(
        sa.select(User).where(User.employee_number.in_(numbers)))} if numbers else {}
    email_owner = {u.email: u.employee_number for u in db.session.scalars(
        sa.select(User).where(User.email.in_(emails)))} if emails else {}
    roles = {r.value for r in Role}
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}

    for row in rows:
        for column in REQUIRED:
            if not getattr(row, column):
                row.errors.append(_("%(column)s is missing.", column=column))
        if row.employee_number:
            if row.employee_number in seen_numbers:
                row.errors.append(_("Employee number %(number)s is also on line %(line)d.",
                                    number=row.employee_number,
                                    line=seen_numbers[row.employee_number]))
            else:
                seen_numbers[row.employee_number] = row.line
        if row.email:
            try:
                validate_email(row.email, check_deliverability=False)
            except EmailNotValidError:
                row.errors.append(_("%(email)s is not a valid e-mail address.", email=row.email))
            if row.email in seen_emails:
                row.errors.append(_("E-mail %(email)s is also on line %(line)d.",
                                    email=row.email, line=seen_emails[row.email]))
            else:
                seen_emails[row.email] = row.line
            owner = email_owner.get(row.email)
            if owner is not None and owner != row.employee_number:
                row.errors.append(_("E-mail %(email)s belongs to another person (%(number)s).",
                                    email=row.email, number=owner))
        if row.role and row.role not in roles:
            row.errors.append(_("Unknown role %(role)s (use staff, supervisor, hr or admin).",
                                role=row.role))
        person = existing.get(row.employee_number)
        if actor is not None and not actor.has_role(Role.ADMIN) and (
            row.role == Role.ADMIN.value or (person and person.role == Role.ADMIN.value)
        ):
            row.errors.append(_("Only administrators can import administrators."))
        if row.language and row.language not in LANGUAGES:
            row.errors.append(_("Unknown language %(language)s (use de or en).",
                                language=row.language))
        site = sites.get(row.site.lower()) if row.site else None
        if row.site and site is None:
            row.errors.append(_("Unknown site %(site)s.", site=row.site))
        department = None
        if site is not None and row.department:
            department = departments.get((site.id, row.department.lower()))
            if department is None:
                row.errors.append(_("Site %(site)s has no department %(department)s.",
                                    site=site.slug, department=row.department))
        if not row.department and row.role in (Role.STAFF.value, Role.SUPERVISOR.value):
            row.errors.append(_("Staff and supervisors need a department."))
        if row.errors:
            continue
        row.site_id = site.id
        row.department_id = department.id if department else None
        row.language = row.language or site.default_language
        if person is None:
            row.action = "create"
        else:
            row.user_id = person.id
            row.changes = _changes(person, row)
            row.action = "update" if row.changes else "unchanged"


def _changes(person: User, row: ImportRow) -> list[str]:
    wanted = {"first_name": row.first_name, "last_name": row.last_name, "email": row.email,
              "site": row.site_id, "department": row.department_id, "role": row.role,
              "language": row.language}
    current = {"first_name": person.first_name, "last_name": person.last_name,
               "email": person.email, "site": person.site_id,
               "department": person.department_id, "role": person.role,
               "language": person.language}
    return [key for key in wanted if wanted[key] != current[key]]


def apply_import(preview: Preview, actor: User | None) -> Summary:
    """Save a checked preview: create new people, update changed ones. The caller commits."""
    if preview.file_errors or preview.errors:
        raise ValueError("a preview with errors cannot be imported")
    summary = Summary()
    by_id = {u.id: u for u in db.session.scalars(
        sa.select(User).where(User.id.in_([r.user_id for r in preview.rows if r.user_id])))}
    departments = {d.id: d for d in db.session.scalars(sa.select(Department))}
    for row in preview.rows:
        if row.action == "unchanged":
            summary.unchanged += 1
            continue
        department = departments.get(row.department_id) if row.department_id else None
        if row.action == "create":
            person = User(employee_number=row.employee_number, display_name=row.first_name)
            db.session.add(person)
            summary.created += 1
        else:
            person = by_id[row.user_id]
            summary.updated += 1
        was_supervisor = person.role == Role.SUPERVISOR.value
        person.first_name = row.first_name
        person.last_name = row.last_name
        person.email = row.email
        person.site_id = row.site_id
        person.department = department
        person.role = row.role
        person.language = row.language
        if row.role == Role.SUPERVISOR.value and department and not person.led_departments:
            person.led_departments = [department]
        elif row.role != Role.SUPERVISOR.value and was_supervisor:
            person.led_departments = []
        audit.record(actor, "user.imported", person,
                     {"action": row.action, "changes": row.changes, "line": row.line})
    return summary
