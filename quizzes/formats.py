"""Question import (GIFT, Aiken, CSV) with a preview, and export (GIFT, CSV).

Parsing never touches the database: it returns a Preview with the questions it understood and
the errors it found, each with the line it starts on. Saving is a separate step.

GIFT: single choice (=right ~wrong), multiple choice (~%50%right ~%-50%wrong), true/false
({T} / {F}), per-answer feedback after #, general feedback after ####, $CATEGORY: lines.
Lineup's own fields (type, situation, channel, mood, value, principle) travel in a comment line
`// lineup: {json}` just before the question, which other tools ignore.

Aiken: a question line, options "A. text" (or "A) text"), then "ANSWER: B".

CSV (UTF-8, comma separated, header row required), one row per piece of a question:
  type,kind,category,value,difficulty,channel,mood,tags,text_en,text_de,feedback_en,feedback_de,correct
- type "question" starts a question: kind (single, multiple, truefalse, scenario), category
  name, value (the service value's number), difficulty (1-3), channel, mood, tags separated
  by ";", the question text, general feedback.
- type "situation" and "principle": text_en/text_de of the question above.
- type "option": text_en/text_de, feedback_en/feedback_de, correct (1 or 0).
Branching scenarios are not exported (they have no flat form).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _

from .bank import OptionData, QuestionData, problems
from .models import Kind, Question

MAX_BYTES = 256 * 1024
FORMATS = ("gift", "aiken", "csv")
CSV_COLUMNS = ["type", "kind", "category", "value", "difficulty", "channel", "mood", "tags",
               "text_en", "text_de", "feedback_en", "feedback_de", "correct"]


@dataclass
class Parsed:
    line: int
    data: QuestionData
    value_number: int | None = None


@dataclass
class Preview:
    questions: list[Parsed] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message); 0 = file

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.questions)


def decode(raw: bytes, preview: Preview) -> str | None:
    """The file as text, or None with a file error (too large, not UTF-8, empty)."""
    if len(raw) > MAX_BYTES:
        preview.errors.append((0, _("The file is larger than %(kb)d KB.", kb=MAX_BYTES // 1024)))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        preview.errors.append((0, _("The file is not UTF-8 text. Save it as UTF-8 and try again.")))
        return None
    if "\x00" in text:
        preview.errors.append((0, _("The file is not a text file.")))
        return None
    if not text.strip():
        preview.errors.append((0, _("The file is empty.")))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(raw: bytes, fmt: str, language: str, category: str | None = None) -> Preview:
    """Read an upload of format `fmt` ("gift", "aiken", "csv"); texts go to `language`."""
    preview = Preview()
    text = decode(raw, preview)
    if text is None:
        return preview
    parser = {"gift": _parse_gift, "aiken": _parse_aiken, "csv": _parse_csv}[fmt]
    parser(text, language, category, preview)
    for parsed in preview.questions:
        if not parsed.data.category:
            parsed.data.category = category
    checked = []
    for parsed in preview.questions:
        found = problems(parsed.data)
        if found:
            preview.errors.extend((parsed.line, message) for message in found)
        else:
            checked.append(parsed)
    preview.questions = checked
    if not preview.questions and not preview.errors:
        preview.errors.append((0, _("No questions were found in the file.")))
    preview.errors.sort()
    return preview


def _set_text(data: QuestionData | OptionData, attr: str, language: str, value: str) -> None:
    setattr(data, f"{attr}_{language}", value)


# --- GIFT ---------------------------------------------------------------------------------

_ESCAPED = {"\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05",
            "\\:": "\x06"}
_PLAIN = {"\x01": "~", "\x02": "=", "\x03": "#", "\x04": "{", "\x05": "}", "\x06": ":"}


def _protect(text: str) -> str:
    for escaped, mark in _ESCAPED.items():
        text = text.replace(escaped, mark)
    return text


def _restore(text: str) -> str:
    for mark, plain in _PLAIN.items():
        text = text.replace(mark, plain)
    return text.strip()


def _gift_blocks(text: str):
    """Yield (first line number, lines) of each blank-line separated block."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _parse_gift(text: str, language: str, category: str | None, preview: Preview) -> None:
    current_category = category
    for line, lines in _gift_blocks(text):
        meta: dict = {}
        body = []
        for raw in lines:
            stripped = raw.strip()
            if stripped.startswith("// lineup:"):
                try:
                    meta = json.loads(stripped[len("// lineup:"):])
                except ValueError:
                    preview.errors.append((line, _("The lineup comment is not valid JSON.")))
            elif stripped.startswith("//"):
                continue
            elif stripped.startswith("$CATEGORY:"):
                current_category = stripped[len("$CATEGORY:"):].strip().split("/")[-1] or None
            else:
                body.append(raw)
        if not body:
            continue
        parsed = _gift_question(_protect("\n".join(body)), language, line, preview)
        if parsed is None:
            continue
        parsed.data.category = current_category
        _apply_meta(parsed, meta, language)
        preview.questions.append(parsed)


def _gift_question(text: str, language: str, line: int, preview: Preview) -> Parsed | None:
    if text.count("{") != 1 or text.count("}") != 1 or text.index("{") > text.index("}"):
        preview.errors.append((line, _("Broken GIFT: each question needs one {…} answer block.")))
        return None
    head, rest = text.split("{", 1)
    answers, tail = rest.split("}", 1)
    head = re.sub(r"^\s*::(.*?)::", "", head, flags=re.S)
    head = re.sub(r"^\s*\[(html|moodle|plain|markdown)\]", "", head)
    prompt = _restore((head + " " + tail).strip())
    if not prompt:
        preview.errors.append((line, _("The question text is missing.")))
        return None
    data = QuestionData(kind=Kind.SINGLE.value, prompt_en="")
    _set_text(data, "prompt", language, prompt)
    answers = answers.strip()
    if "####" in answers:
        answers, general = answers.split("####", 1)
        _set_text(data, "feedback", language, _restore(general))
    answers = answers.strip()
    if re.fullmatch(r"(T|F|TRUE|FALSE)(#.*)?", answers, flags=re.S):
        return _gift_true_false(answers, data, language, line)
    if "->" in answers or not re.match(r"[=~]", answers):
        preview.errors.append((line, _("This GIFT question type is not supported "
                                       "(only single, multiple choice and true/false).")))
        return None
    weighted = False
    for match in re.finditer(r"([=~])([^=~]*)", answers, flags=re.S):
        sign, chunk = match.groups()
        weight = None
        weight_match = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", chunk)
        if weight_match:
            weight = float(weight_match.group(1))
            chunk = chunk[weight_match.end():]
            weighted = True
        answer_text, _sep, feedback = chunk.partition("#")
        option = OptionData(text_en="")
        _set_text(option, "text", language, _restore(answer_text))
        _set_text(option, "feedback", language, _restore(feedback))
        option.correct = sign == "=" or (weight is not None and weight > 0)
        data.options.append(option)
    if weighted or sum(o.correct for o in data.options) > 1:
        data.kind = Kind.MULTIPLE.value
    return Parsed(line, data)


def _gift_true_false(answers: str, data: QuestionData, language: str, line: int) -> Parsed:
    parts = answers.split("#")
    truth = parts[0].strip() in ("T", "TRUE")
    wrong_feedback = _restore(parts[1]) if len(parts) > 1 else ""
    right_feedback = _restore(parts[2]) if len(parts) > 2 else ""
    data.kind = Kind.TRUE_FALSE.value
    for label, is_true in (("True", True), ("False", False)):
        option = OptionData(text_en="", correct=is_true == truth)
        names = {"True": ("True", "Richtig"), "False": ("False", "Falsch")}[label]
        option.text_en, option.text_de = names
        _set_text(option, "feedback", language,
                  right_feedback if option.correct else wrong_feedback)
        data.options.append(option)
    return Parsed(line, data)


def _apply_meta(parsed: Parsed, meta: dict, language: str) -> None:
    data = parsed.data
    if meta.get("kind") == Kind.SCENARIO.value and data.kind == Kind.SINGLE.value:
        data.kind = Kind.SCENARIO.value
    for key in ("channel", "mood"):
        if meta.get(key):
            setattr(data, key, str(meta[key]))
    for key in ("situation", "principle"):
        if meta.get(key):
            _set_text(data, key, language, str(meta[key]))
    if isinstance(meta.get("difficulty"), int):
        data.difficulty = meta["difficulty"]
    if isinstance(meta.get("value"), int):
        parsed.value_number = meta["value"]
    if isinstance(meta.get("tags"), list):
        data.tags = [str(t) for t in meta["tags"]]


def _gift_escape(text: str) -> str:
    for char in "\\~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def export_gift(questions: list[Question], language: str, value_numbers: dict[int, int]) -> str:
    """The questions as GIFT in `language` (branching scenarios are left out)."""
    out: list[str] = []
    category = None
    for q in questions:
        if q.kind_enum is Kind.BRANCHING:
            continue
        name = q.category.name if q.category else ""
        if name != category:
            out.append(f"$CATEGORY: {name}\n")
            category = name
        meta = {"kind": q.kind, "difficulty": q.difficulty, "tags": q.tag_list}
        for key in ("channel", "mood"):
            if getattr(q, key):
                meta[key] = getattr(q, key)
        for key in ("situation", "principle"):
            if getattr(q, f"{key}_{language}"):
                meta[key] = getattr(q, f"{key}_{language}")
        if q.value_id in value_numbers:
            meta["value"] = value_numbers[q.value_id]
        out.append("// lineup: " + json.dumps(meta, ensure_ascii=False))
        prompt = _gift_escape(getattr(q, f"prompt_{language}"))
        general = getattr(q, f"feedback_{language}")
        options = q.top_options
        if q.kind_enum is Kind.TRUE_FALSE:
            right = next(o for o in options if o.is_correct)
            wrong = next(o for o in options if not o.is_correct)
            letter = "T" if right.text_en == "True" else "F"
            body = (f"{letter}#{_gift_escape(getattr(wrong, f'feedback_{language}'))}"
                    f"#{_gift_escape(getattr(right, f'feedback_{language}'))}")
        else:
            parts = []
            correct = sum(o.is_correct for o in options)
            for o in options:
                text = _gift_escape(getattr(o, f"text_{language}"))
                if q.kind_enum is Kind.MULTIPLE:
                    weight = 100 / correct if o.is_correct else -100 / correct
                    sign = f"~%{weight:g}%"
                else:
                    sign = "=" if o.is_correct else "~"
                feedback = getattr(o, f"feedback_{language}")
                parts.append(f"\t{sign}{text}" + (f"#{_gift_escape(feedback)}" if feedback
                                                  else ""))
            body = "\n" + "\n".join(parts) + "\n"
        if general:
            body += f"####{_gift_escape(general)}"
        out.append(f"{prompt} {{{body}}}\n")
    return "\n".join(out)


# --- Aiken --------------------------------------------------------------------------------

def _parse_aiken(text: str, language: str, category: str | None, preview: Preview) -> None:
    data: QuestionData | None = None
    start = 0
    letters: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        option = re.match(r"^([A-Z])[.)]\s+(.*)$", line)
        answer = re.match(r"^ANSWER:\s*([A-Z])\s*$", line, flags=re.I)
        if data is None:
            data = QuestionData(kind=Kind.SINGLE.value, prompt_en="")
            _set_text(data, "prompt", language, line)
            start, letters = number, []
        elif answer:
            letter = answer.group(1).upper()
            if letter not in letters:
                preview.errors.append((start, _("The answer letter %(letter)s is not one of the "
                                                "options.", letter=letter)))
            else:
                data.options[letters.index(letter)].correct = True
                preview.questions.append(Parsed(start, data))
            data = None
        elif option:
            letters.append(option.group(1))
            item = OptionData(text_en="")
            _set_text(item, "text", language, option.group(2).strip())
            data.options.append(item)
        elif not data.options:
            text_now = getattr(data, f"prompt_{language}")
            _set_text(data, "prompt", language, f"{text_now} {line}")
        else:
            preview.errors.append((number, _("Expected an option like “B. text” or "
                                             "“ANSWER: B”.")))
    if data is not None:
        preview.errors.append((start, _("The question has no ANSWER line.")))


# --- CSV ----------------------------------------------------------------------------------

def _parse_csv(text: str, language: str, category: str | None, preview: Preview) -> None:
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        preview.errors.append((0, _("The CSV file cannot be read: %(error)s", error=str(error))))
        return
    if not rows or [c.strip().lower() for c in rows[0]][:len(CSV_COLUMNS)] != CSV_COLUMNS:
        preview.errors.append((1, _("The first line must be the header: %(columns)s",
                                    columns=",".join(CSV_COLUMNS))))
        return
    current: Parsed | None = None
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = dict(zip(CSV_COLUMNS, [c.strip() for c in row] + [""] * len(CSV_COLUMNS),
                         strict=False))
        kind = cells["type"].lower()
        if kind == "question":
            current = _csv_question(cells, number, preview)
            if current is not None:
                preview.questions.append(current)
        elif current is None:
            preview.errors.append((number, _("This line comes before any question line.")))
        elif kind in ("situation", "principle"):
            setattr(current.data, f"{kind}_en", cells["text_en"])
            setattr(current.data, f"{kind}_de", cells["text_de"])
        elif kind == "option":
            if cells["correct"] not in ("", "0", "1"):
                preview.errors.append((number, _("“correct” must be 1 or 0.")))
            current.data.options.append(OptionData(
                text_en=cells["text_en"], text_de=cells["text_de"],
                feedback_en=cells["feedback_en"], feedback_de=cells["feedback_de"],
                correct=cells["correct"] == "1"))
        else:
            preview.errors.append((number, _("Unknown line type “%(type)s”.", type=cells["type"])))


def _csv_question(cells: dict, number: int, preview: Preview) -> Parsed | None:
    kind = cells["kind"].lower() or Kind.SINGLE.value
    if kind not in {k.value for k in Kind} - {Kind.BRANCHING.value}:
        preview.errors.append((number, _("Unknown question type “%(kind)s”.", kind=kind)))
        return None
    try:
        difficulty = int(cells["difficulty"] or 2)
        value_number = int(cells["value"]) if cells["value"] else None
    except ValueError:
        preview.errors.append((number, _("Difficulty and value must be whole numbers.")))
        return None
    data = QuestionData(
        kind=kind, prompt_en=cells["text_en"], prompt_de=cells["text_de"],
        feedback_en=cells["feedback_en"], feedback_de=cells["feedback_de"],
        category=cells["category"] or None, difficulty=difficulty,
        channel=cells["channel"] or None, mood=cells["mood"] or None,
        tags=[t for t in cells["tags"].split(";") if t.strip()])
    return Parsed(number, data, value_number)


def export_csv(questions: list[Question], value_numbers: dict[int, int]) -> str:
    """The questions in the documented CSV, both languages (branching scenarios left out)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in questions:
        if q.kind_enum is Kind.BRANCHING:
            continue
        writer.writerow(["question", q.kind, q.category.name if q.category else "",
                         value_numbers.get(q.value_id, "") if q.value_id else "", q.difficulty,
                         q.channel or "", q.mood or "", ";".join(q.tag_list), q.prompt_en,
                         q.prompt_de, q.feedback_en, q.feedback_de, ""])
        for key in ("situation", "principle"):
            if getattr(q, f"{key}_en") or getattr(q, f"{key}_de"):
                writer.writerow([key, "", "", "", "", "", "", "", getattr(q, f"{key}_en"),
                                 getattr(q, f"{key}_de"), "", "", ""])
        for o in q.top_options:
            writer.writerow(["option", "", "", "", "", "", "", "", o.text_en, o.text_de,
                             o.feedback_en, o.feedback_de, "1" if o.is_correct else "0"])
    return buffer.getvalue()
