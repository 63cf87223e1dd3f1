"""The plain-text form in which HR writes and edits a branching scenario.

One line per step or choice, fields separated by "|":

    step | What the guest says (English) | Was der Gast sagt (Deutsch)
    choice | 2 | Answer (English) | Antwort (Deutsch) | Feedback (English) | Feedback (Deutsch)
    end | 100 | What happens (English) | Was passiert (Deutsch)

Steps are numbered from 1 in the order of their "step" and "end" lines; a choice belongs to the
step above it and leads to the step whose number it gives. An "end" line is an ending worth the
given score (0-100).
"""

from __future__ import annotations

from flask_babel import gettext as _

from .bank import OptionData, StepData
from .models import Question


def parse_steps(text: str) -> tuple[list[StepData], list[str]]:
    """Steps from the text above, and the problems found (with line numbers)."""
    steps: list[StepData] = []
    errors: list[str] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip() or raw.strip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("|")]
        kind = fields[0].lower()
        try:
            if kind == "step" and len(fields) >= 2:
                steps.append(StepData(text_en=fields[1], text_de=_at(fields, 2)))
            elif kind == "end" and len(fields) >= 3:
                steps.append(StepData(text_en=fields[2], text_de=_at(fields, 3),
                                      ending_score=int(fields[1])))
            elif kind == "choice" and len(fields) >= 3:
                if not steps or steps[-1].ending_score is not None:
                    errors.append(_("Line %(n)d: a choice must follow a step.", n=number))
                    continue
                steps[-1].choices.append((OptionData(
                    text_en=fields[2], text_de=_at(fields, 3), feedback_en=_at(fields, 4),
                    feedback_de=_at(fields, 5)), int(fields[1]) - 1))
            else:
                errors.append(_("Line %(n)d: start with step, choice or end, followed by its "
                                "fields.", n=number))
        except ValueError:
            errors.append(_("Line %(n)d: the step number or score must be a whole number.",
                            n=number))
    return steps, errors


def _at(fields: list[str], index: int) -> str:
    return fields[index] if len(fields) > index else ""


def steps_to_text(question: Question) -> str:
    """A branching question's steps in the text form, for editing."""
    number = {s.id: i + 1 for i, s in enumerate(question.steps)}
    lines = []
    for step in question.steps:
        if step.is_ending:
            lines.append(f"end | {step.score} | {step.text_en} | {step.text_de}")
            continue
        lines.append(f"step | {step.text_en} | {step.text_de}")
        for option in question.options:
            if option.step_id == step.id:
                lines.append(f"choice | {number.get(option.next_step_id, 0)} | {option.text_en} | "
                             f"{option.text_de} | {option.feedback_en} | {option.feedback_de}")
    return "\n".join(lines)
