"""Audit entries are added to the session of the change they describe: one commit for both."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request

from .extensions import db
from .models import AuditLog, User


def record(
    actor: User | None, action: str, target: Any, details: dict | None = None
) -> AuditLog:
    """Add an audit entry for `action` on `target` (a model instance) to the current session."""
    db.session.flush()  # so a new target has its id
    entry = AuditLog(
        actor_id=actor.id if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=type(target).__name__,
        target_id=getattr(target, "id", None),
        details=details or {},
        ip=request.remote_addr if has_request_context() else None,
    )
    db.session.add(entry)
    return entry
