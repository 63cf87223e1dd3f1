"""Small builders for training tests."""

from __future__ import annotations

from lineup.extensions import db
from training.models import ServiceValue


def make_value(number: int, title_en: str | None = None, title_de: str | None = None,
               kind: str = "value", **fields) -> ServiceValue:
    value = ServiceValue(
        kind=kind, number=number,
        title_en=f"Value {number}" if title_en is None else title_en,
        title_de=f"Wert {number}" if title_de is None else title_de,
        body_en=fields.pop("body_en", f"Body {number}"),
        body_de=fields.pop("body_de", f"Text {number}"),
        prompts_en=fields.pop("prompts_en", "First question?\nSecond question?"),
        prompts_de=fields.pop("prompts_de", "Erste Frage?\nZweite Frage?"), **fields)
    db.session.add(value)
    db.session.flush()
    return value
