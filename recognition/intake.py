"""Feedback comes in: public form, staff log, CSV import and the JSON API. Stored exactly once."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from lineup.extensions import db
from lineup.models import Site, User

from .matching import match_at_site
from .models import ComplaintState, Feedback, FeedbackPerson, Kind, StaffProfile
from .privacy import clean, redact
from .services import RecognitionError, site_today

MAX_TEXT = 4000
MAX_NAMES = 300
SHIFTS = ("morning", "afternoon", "evening", "night")
STAFF_SOURCES = ("comment-card", "phone", "email", "review-site", "in-person")
COMPLAINT_DUE_DAYS = 3


@dataclass
class Submission:
    """Plain values of one piece of feedback, whatever the channel."""

    kind: str
    text: str
    staff_names: str = ""
    occurred_on: date | None = None
    shift: str | None = None
    rating: int | None = None
    customer_name: str | None = None
    customer_email: str | None = None
    reply_consent: bool = False
    language: str = "en"
    source: str = "qr-form"
    external_id: str | None = None


def _validate(sub: Submission, site: Site) -> None:
    if sub.kind not in set(Kind):
        raise RecognitionError(_("Unknown kind of feedback."))
    if not sub.text.strip():
        raise RecognitionError(_("Please tell us what happened."))
    if len(sub.text) > MAX_TEXT:
        raise RecognitionError(_("The text is too long (at most %(n)d characters).", n=MAX_TEXT))
    if len(sub.staff_names) > MAX_NAMES:
        raise RecognitionError(_("The names are too long (at most %(n)d characters).",
                                 n=MAX_NAMES))
    if sub.rating is not None and not 1 <= sub.rating <= 5:
        raise RecognitionError(_("The rating must be between 1 and 5."))
    if sub.shift is not None and sub.shift not in SHIFTS:
        raise RecognitionError(_("Unknown time of day."))
    if sub.occurred_on is not None and sub.occurred_on > site_today(site) + timedelta(days=1):
        raise RecognitionError(_("The date lies in the future."))
    if sub.external_id is not None and len(sub.external_id) > 120:
        raise RecognitionError(_("The external id is too long (at most 120 characters)."))


def existing(site_id: int, source: str, external_id: str | None) -> Feedback | None:
    """The feedback already stored for (source, external_id) at this site, if any."""
    if not external_id:
        return None
    return db.session.scalars(sa.select(Feedback).where(
        Feedback.site_id == site_id, Feedback.source == source,
        Feedback.external_id == external_id)).first()


def submit(site: Site, sub: Submission, channel: str, logged_by: User | None = None
           ) -> tuple[Feedback, bool]:
    """Store feedback once, match it to staff, redact it; return (feedback, created).

    The same (source, external_id) at the same site returns the stored row instead; a
    concurrent duplicate insert is caught by the unique constraint and resolved the same way.
    """
    sub.text = clean(sub.text, MAX_TEXT + 1)
    sub.staff_names = clean(sub.staff_names, MAX_NAMES + 1)
    sub.customer_name = clean(sub.customer_name, 120) or None
    sub.customer_email = clean(sub.customer_email, 254) or None
    sub.external_id = clean(sub.external_id, 121) or None
    sub.source = clean(sub.source, 40) or channel
    _validate(sub, site)
    found = existing(site.id, sub.source, sub.external_id)
    if found is not None:
        return found, False

    feedback = Feedback(
        site_id=site.id, kind=sub.kind, channel=channel, source=sub.source,
        external_id=sub.external_id, staff_names=sub.staff_names, text=sub.text,
        public_text=redact(sub.text, (sub.customer_name,)), occurred_on=sub.occurred_on,
        shift=sub.shift,
        rating=sub.rating, language=sub.language if sub.language in ("de", "en") else "en",
        customer_name=sub.customer_name if sub.reply_consent else None,
        customer_email=sub.customer_email if sub.reply_consent else None,
        reply_consent=bool(sub.reply_consent and (sub.customer_email or sub.customer_name)),
        logged_by_id=logged_by.id if logged_by else None,
    )
    _match(feedback, site, logged_by)
    if feedback.kind == Kind.COMPLAINT:
        feedback.complaint_state = ComplaintState.NEW.value
        feedback.due_on = site_today(site) + timedelta(days=COMPLAINT_DUE_DAYS)
        feedback.owner_id = _default_owner(feedback.department_id)
    from .moderation import suggest_value

    feedback.suggested_value_id = suggest_value(feedback.text)
    try:
        with db.session.begin_nested():
            db.session.add(feedback)
            db.session.flush()
    except sa.exc.IntegrityError:
        found = existing(site.id, sub.source, sub.external_id)
        if found is None:
            raise
        return found, False
    return feedback, True


def _match(feedback: Feedback, site: Site, logged_by: User | None) -> None:
    if logged_by is not None and logged_by.site_id == site.id:
        # Staff log praise they received themselves.
        feedback.people.append(FeedbackPerson(user_id=logged_by.id, role="matched", score=1))
        feedback.match_outcome = "one"
        feedback.department_id = logged_by.department_id
        return
    result = match_at_site(site.id, feedback.staff_names, feedback.text)
    feedback.match_outcome = result.outcome
    for uid in result.matched:
        feedback.people.append(FeedbackPerson(user_id=uid, role="matched", score=1))
    for uid in result.candidates:
        feedback.people.append(FeedbackPerson(user_id=uid, role="candidate", score=0.5))
    first = result.matched[0] if result.matched else None
    if first is not None:
        feedback.department_id = db.session.scalar(
            sa.select(User.department_id).where(User.id == first))


def _default_owner(department_id: int | None) -> int | None:
    if department_id is None:
        return None
    from lineup.models import supervisor_departments

    return db.session.scalar(
        sa.select(supervisor_departments.c.user_id)
        .where(supervisor_departments.c.department_id == department_id)
        .order_by(supervisor_departments.c.user_id).limit(1))


def form_pick_list(site_id: int) -> list[str]:
    """First names of the site's staff who agreed to be listed on the public form."""
    names = db.session.scalars(
        sa.select(User.display_name).join(StaffProfile, StaffProfile.user_id == User.id)
        .where(User.site_id == site_id, User.active.is_(True),
               StaffProfile.listed_on_form.is_(True))
        .order_by(User.display_name).distinct())
    return list(names)


# --- CSV import ---------------------------------------------------------------------------

CSV_COLUMNS = ("source", "external_id", "date", "rating", "text", "staff_name")
MAX_CSV_ROWS = 2000


@dataclass
class CsvRow:
    line: int
    submission: Submission | None
    errors: list[str] = field(default_factory=list)
    duplicate: bool = False


@dataclass
class CsvPreview:
    rows: list[CsvRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[CsvRow]:
        return [r for r in self.rows if not r.errors]

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.errors)


def parse_csv(site: Site, raw: bytes) -> CsvPreview:
    """Read a review export; every row gets its own errors; nothing is saved."""
    preview = CsvPreview()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        preview.file_errors.append(_("The file is not UTF-8 text."))
        return preview
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("source", "external_id", "text") if c not in header]
    if missing:
        preview.file_errors.append(_("Missing columns: %(cols)s. Expected: %(all)s.",
                                     cols=", ".join(missing), all=", ".join(CSV_COLUMNS)))
        return preview
    reader.fieldnames = header
    seen: set[tuple[str, str]] = set()
    try:
        for number, record in enumerate(reader, start=2):
            if len(preview.rows) >= MAX_CSV_ROWS:
                preview.file_errors.append(_("At most %(n)d rows per file.", n=MAX_CSV_ROWS))
                break
            preview.rows.append(_parse_row(site, number, record, seen))
    except csv.Error as error:
        preview.file_errors.append(_("The file could not be read: %(error)s", error=str(error)))
    if not preview.rows and not preview.file_errors:
        preview.file_errors.append(_("The file has no rows."))
    return preview


def _parse_row(site: Site, number: int, record: dict, seen: set) -> CsvRow:
    get = lambda key: (record.get(key) or "").strip()  # noqa: E731
    errors = []
    source, external_id, text = get("source"), get("external_id"), get("text")
    if not source:
        errors.append(_("source is missing"))
    if not external_id:
        errors.append(_("external_id is missing"))
    if not text:
        errors.append(_("text is missing"))
    elif len(text) > MAX_TEXT:
        errors.append(_("text is longer than %(n)d characters", n=MAX_TEXT))
    occurred = None
    if get("date"):
        try:
            occurred = date.fromisoformat(get("date")[:10])
        except ValueError:
            errors.append(_("date must look like 2026-03-31"))
    rating = None
    if get("rating"):
        try:
            rating = int(float(get("rating")))
            if not 1 <= rating <= 5:
                raise ValueError
        except ValueError:
            errors.append(_("rating must be a number from 1 to 5"))
    kind = get("kind").lower() or (Kind.COMPLAINT.value if rating and rating <= 2
                                   else Kind.PRAISE.value)
    if kind not in set(Kind):
        errors.append(_("kind must be praise, complaint or suggestion"))
    if (source, external_id) in seen:
        errors.append(_("the same external_id appears twice in this file"))
    seen.add((source, external_id))
    if errors:
        return CsvRow(number, None, errors)
    sub = Submission(kind=kind, text=text, staff_names=get("staff_name")[:MAX_NAMES],
                     occurred_on=occurred, rating=rating, source=source[:40],
                     external_id=external_id[:120], language=site.default_language)
    return CsvRow(number, sub, [], duplicate=existing(site.id, sub.source, sub.external_id)
                  is not None)


def import_csv(site: Site, preview: CsvPreview) -> tuple[int, int]:
    """Store the valid rows; return (created, already there). Importing again changes nothing."""
    created = unchanged = 0
    for row in preview.valid:
        _, is_new = submit(site, row.submission, "csv")
        created += is_new
        unchanged += not is_new
    return created, unchanged
