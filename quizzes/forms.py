"""Forms of the quizzes area."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

KIND_CHOICES = [
    ("scenario", _l("Scenario")), ("single", _l("Single choice")),
    ("multiple", _l("Multiple choice")), ("truefalse", _l("True or false")),
    ("branching", _l("Branching scenario")),
]
CHANNEL_CHOICES = [("", _l("—")), ("phone", _l("Phone")), ("desk", _l("At the desk")),
                   ("email", _l("E-mail")), ("chat", _l("Chat"))]
MOOD_CHOICES = [("", _l("—")), ("calm", _l("Calm")), ("confused", _l("Confused")),
                ("upset", _l("Upset")), ("furious", _l("Furious"))]
TIMING_CHOICES = [("immediate", _l("After each question")), ("end", _l("At the end"))]
REVIEW_CHOICES = [("score", _l("Score only")), ("correct", _l("Score and correct answers")),
                  ("full", _l("Full feedback"))]
LANGUAGE_CHOICES = [("de", "Deutsch"), ("en", "English")]
FORMAT_CHOICES = [("gift", "GIFT"), ("aiken", "Aiken"), ("csv", "CSV")]


class OptionForm(Form):
    text_en = StringField(_l("Answer (English)"), validators=[Length(max=1000)])
    text_de = StringField(_l("Answer (German)"), validators=[Length(max=1000)])
    feedback_en = TextAreaField(_l("Feedback (English)"), validators=[Length(max=2000)])
    feedback_de = TextAreaField(_l("Feedback (German)"), validators=[Length(max=2000)])
    correct = BooleanField(_l("Correct"))


class QuestionForm(FlaskForm):
    kind = SelectField(_l("Type"), choices=KIND_CHOICES)
    category = StringField(_l("Category"), validators=[Length(max=120)])
    value_id = SelectField(_l("Service value"), coerce=int, choices=[])
    difficulty = SelectField(_l("Difficulty"), coerce=int,
                             choices=[(1, _l("Easy")), (2, _l("Medium")), (3, _l("Hard"))])
    channel = SelectField(_l("Channel"), choices=CHANNEL_CHOICES)
    mood = SelectField(_l("Customer's mood"), choices=MOOD_CHOICES)
    tags = StringField(_l("Tags"), validators=[Length(max=250)],
                       description=_l("Separated by commas."))
    situation_en = TextAreaField(_l("Situation (English)"), validators=[Length(max=4000)])
    situation_de = TextAreaField(_l("Situation (German)"), validators=[Length(max=4000)])
    prompt_en = TextAreaField(_l("Question (English)"), validators=[Length(max=2000)])
    prompt_de = TextAreaField(_l("Question (German)"), validators=[Length(max=2000)])
    principle_en = StringField(_l("Principle (English)"), validators=[Length(max=200)])
    principle_de = StringField(_l("Principle (German)"), validators=[Length(max=200)])
    feedback_en = TextAreaField(_l("General feedback (English)"), validators=[Length(max=4000)])
    feedback_de = TextAreaField(_l("General feedback (German)"), validators=[Length(max=4000)])
    options = FieldList(FormField(OptionForm), min_entries=5, max_entries=8)
    steps = TextAreaField(_l("Conversation steps (branching scenarios only)"),
                          validators=[Length(max=20000)], render_kw={"rows": 12})


class DrawForm(Form):
    count = IntegerField(_l("Number of questions"), validators=[Optional(),
                                                                NumberRange(min=1, max=100)])
    category_id = SelectField(_l("From category"), coerce=int, choices=[])
    value_id = SelectField(_l("On service value"), coerce=int, choices=[])
    tag = StringField(_l("With tag"), validators=[Length(max=40)])


class QuizForm(FlaskForm):
    title_en = StringField(_l("Title (English)"), validators=[Length(max=200)])
    title_de = StringField(_l("Title (German)"), validators=[Length(max=200)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Length(max=4000)])
    description_de = TextAreaField(_l("Description (German)"), validators=[Length(max=4000)])
    pass_mark = IntegerField(_l("Pass mark in %"), default=80,
                             validators=[InputRequired(), NumberRange(min=0, max=100)])
    max_attempts = IntegerField(_l("Attempts allowed"), default=0,
                                validators=[InputRequired(), NumberRange(min=0, max=100)],
                                description=_l("0 means unlimited."))
    time_limit_minutes = IntegerField(_l("Time limit in minutes"),
                                      validators=[Optional(), NumberRange(min=1, max=600)],
                                      description=_l("Leave empty for no limit."))
    shuffle_questions = BooleanField(_l("Shuffle questions"), default=True)
    shuffle_options = BooleanField(_l("Shuffle answers"), default=True)
    feedback_timing = SelectField(_l("Show feedback"), choices=TIMING_CHOICES)
    review = SelectField(_l("After submitting, show"), choices=REVIEW_CHOICES, default="full")
    published = BooleanField(_l("Open for everyone to practise"), default=True)
    questions = SelectMultipleField(_l("Fixed questions"), coerce=int, choices=[],
                                    validate_choice=False)
    draws = FieldList(FormField(DrawForm), min_entries=3, max_entries=3)


class AssignmentForm(FlaskForm):
    quiz_id = SelectField(_l("Quiz"), coerce=int, choices=[], validators=[DataRequired()])
    target = RadioField(_l("Assign to"), default="department", choices=[
        ("person", _l("One person")), ("department", _l("A department")),
        ("site", _l("A whole site")), ("role", _l("Everyone with a role"))])
    user_id = SelectField(_l("Person"), coerce=int, choices=[])
    department_id = SelectField(_l("Department"), coerce=int, choices=[])
    site_id = SelectField(_l("Site"), coerce=int, choices=[])
    role = SelectField(_l("Role"), choices=[("staff", _l("Staff")),
                                            ("supervisor", _l("Supervisor"))])
    due_on = DateField(_l("Due on"), validators=[DataRequired()])
    note = TextAreaField(_l("Note for the people assigned"), validators=[Length(max=2000)])


class ImportForm(FlaskForm):
    format = SelectField(_l("Format"), choices=FORMAT_CHOICES)
    language = SelectField(_l("Language of the file"), choices=LANGUAGE_CHOICES)
    category = StringField(_l("Category for questions without one"),
                           validators=[Length(max=120)])
    file = FileField(_l("File"), validators=[FileRequired(_l("Choose a file to import."))])


class ConfirmImportForm(FlaskForm):
    format = HiddenField()
    language = HiddenField()
    category = HiddenField()
    payload = HiddenField()
