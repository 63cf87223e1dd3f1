"""JSON API for review platforms and other integrations: bearer token per integration."""

from __future__ import annotations

from datetime import date

from flask import jsonify, request
from flask_babel import gettext as _

from lineup.extensions import csrf, db
from lineup.models import utcnow
from lineup.permissions import public

from . import bp
from .intake import MAX_NAMES, MAX_TEXT, SHIFTS, Submission, submit
from .models import Feedback, Kind
from .openapi import openapi_document
from .services import RecognitionError
from .tokens import find_token

MAX_BODY = 64 * 1024
FIELDS = {"kind", "text", "staff_name", "source", "external_id", "occurred_on", "shift",
          "rating", "customer_name", "customer_email", "reply_consent", "language", "site"}


def _error(status: int, error: str, message: str, **extra):
    response = jsonify({"error": error, "message": message, **extra})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="lineup"'
    return response


def _authenticate():
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None, _error(401, "unauthorized", _("Send the API token as 'Authorization: "
                                                   "Bearer <token>'."))
    token = find_token(value.strip())
    if token is None:
        return None, _error(401, "unauthorized", _("This token is not valid."))
    if token.revoked_at is not None:
        return None, _error(401, "unauthorized", _("This token was revoked."))
    return token, None


def _text(data: dict, key: str, limit: int, problems: dict) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        problems[key] = _("must be a string")
        return None
    if len(value) > limit:
        problems[key] = _("at most %(n)d characters", n=limit)
        return None
    return value


def _submission(data: dict, language: str) -> tuple[Submission | None, dict]:
    problems: dict[str, str] = {}
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        problems["_"] = _("unknown fields: %(fields)s", fields=", ".join(unknown))
    kind = data.get("kind", Kind.PRAISE.value)
    if not isinstance(kind, str) or kind not in set(Kind):
        problems["kind"] = _("must be praise, complaint or suggestion")
    text = _text(data, "text", MAX_TEXT, problems)
    if not (text or "").strip() and "text" not in problems:
        problems["text"] = _("is required")
    source = _text(data, "source", 40, problems)
    if not (source or "").strip() and "source" not in problems:
        problems["source"] = _("is required")
    external_id = _text(data, "external_id", 120, problems)
    occurred = None
    if data.get("occurred_on") is not None:
        try:
            occurred = date.fromisoformat(str(data["occurred_on"]))
        except ValueError:
            problems["occurred_on"] = _("must be a date like 2026-03-31")
    rating = data.get("rating")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 1 <= rating <= 5):
        problems["rating"] = _("must be a whole number from 1 to 5")
    shift = data.get("shift")
    if shift is not None and (not isinstance(shift, str) or shift not in SHIFTS):
        problems["shift"] = _("must be one of %(shifts)s", shifts=", ".join(SHIFTS))
    consent = data.get("reply_consent", False)
    if not isinstance(consent, bool):
        problems["reply_consent"] = _("must be true or false")
    names = _text(data, "staff_name", MAX_NAMES, problems)
    customer = _text(data, "customer_name", 120, problems)
    email = _text(data, "customer_email", 254, problems)
    if problems:
        return None, problems
    return Submission(
        kind=kind, text=text or "", staff_names=names or "", occurred_on=occurred, shift=shift,
        rating=rating, customer_name=customer, customer_email=email, reply_consent=consent,
        language=data.get("language") if data.get("language") in ("de", "en") else language,
        source=source.strip(), external_id=(external_id or "").strip() or None), {}


def _body(feedback: Feedback) -> dict:
    return {
        "id": feedback.id, "status": feedback.status, "kind": feedback.kind,
        "match": feedback.match_outcome, "source": feedback.source,
        "external_id": feedback.external_id,
        "matched_staff": [{"id": u.id, "name": u.display_name} for u in feedback.matched],
        "candidates": [{"id": u.id, "name": u.display_name} for u in feedback.candidates],
    }


@bp.post("/api/v1/feedback")
@csrf.exempt
@public
def api_feedback():
    token, failure = _authenticate()
    if failure is not None:
        return failure
    if (request.content_length or 0) > MAX_BODY:
        return _error(413, "too_large", _("The request body may be at most %(n)d bytes.",
                                          n=MAX_BODY))
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _error(400, "bad_request", _("Send a JSON object with Content-Type "
                                            "application/json."))
    site = token.site
    if data.get("site") is not None and data.get("site") != site.slug:
        return _error(403, "forbidden", _("This token belongs to another site."))
    sub, problems = _submission(data, site.default_language)
    if sub is None:
        return _error(400, "invalid", _("Some fields are not valid."), fields=problems)
    try:
        feedback, created = submit(site, sub, "api")
    except RecognitionError as error:
        db.session.rollback()
        return _error(error.status, "invalid", error.message)
    token.last_used_at = utcnow()
    db.session.commit()
    return jsonify(_body(feedback)), 201 if created else 200


@bp.get("/api/v1/openapi.json")
@public
def api_openapi():
    return jsonify(openapi_document())
