"""The service standards library: create, edit, archive and restore; seed the Lineup set."""

from __future__ import annotations

import sqlalchemy as sa

from lineup import audit
from lineup.extensions import db
from lineup.models import User

from .content import STANDARDS
from .models import KIND_ORDER, ServiceValue, StandardKind

TEXT_FIELDS = tuple(f"{name}_{lang}" for name in ("title", "body", "examples", "prompts")
                    for lang in ("en", "de"))
EDITABLE = ("kind", "number", "source", *TEXT_FIELDS)


def library(include_archived: bool = False) -> list[ServiceValue]:
    """The standards in library order (credo, motto, steps, values); topics excluded."""
    stmt = sa.select(ServiceValue).where(ServiceValue.kind.in_([k.value for k in KIND_ORDER]))
    if not include_archived:
        stmt = stmt.where(ServiceValue.archived.is_(False))
    return sorted(db.session.scalars(stmt), key=lambda v: (v.archived, v.sort_key))


def create_standard(actor: User, data: dict) -> ServiceValue:
    """Add a standard from validated form data."""
    value = ServiceValue(**{k: data[k] for k in EDITABLE if k in data})
    db.session.add(value)
    audit.record(actor, "standard.created", value, {"kind": value.kind})
    return value


def update_standard(actor: User, value: ServiceValue, data: dict) -> ServiceValue:
    """Change a standard; the audit entry names the fields that changed."""
    changed = [k for k in EDITABLE if k in data and getattr(value, k) != data[k]]
    for k in changed:
        setattr(value, k, data[k])
    audit.record(actor, "standard.updated", value, {"fields": changed})
    return value


def set_archived(actor: User, value: ServiceValue, archived: bool) -> ServiceValue:
    """Archive (leave the rotation, keep the history) or restore a standard."""
    value.archived = archived
    audit.record(actor, "standard.archived" if archived else "standard.restored", value)
    return value


def seed_standards() -> int:
    """Add the Lineup Service Standards unless a standard of that kind and number exists."""
    existing = {(v.kind, v.number) for v in db.session.scalars(
        sa.select(ServiceValue).where(ServiceValue.kind != StandardKind.TOPIC.value))}
    new = [dict(s) for s in STANDARDS if (s["kind"], s["number"]) not in existing]
    if new:
        db.session.execute(sa.insert(ServiceValue), new)
    return len(new)
