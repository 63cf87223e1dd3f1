"""Factories for the recognition tests."""

from __future__ import annotations

from lineup.extensions import db
from recognition.intake import Submission, submit
from recognition.models import Feedback
from training.models import ServiceValue


def make_value(number: int = 1, title_en: str = "Warm welcome",
               title_de: str = "Herzlicher Empfang",
               body_en: str = "Greet every guest warmly and by name.") -> ServiceValue:
    value = ServiceValue(kind="value", number=number, title_en=title_en, title_de=title_de,
                         body_en=body_en, body_de="")
    db.session.add(value)
    db.session.flush()
    return value


def praise(site, staff_names: str = "", text: str = "Thank you for the wonderful stay!",
           kind: str = "praise", **fields) -> Feedback:
    feedback, _ = submit(site, Submission(kind=kind, text=text, staff_names=staff_names,
                                          **fields), "form")
    db.session.flush()
    return feedback
