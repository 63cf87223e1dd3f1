"""Forms of the recognition area; messages say what to fix."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from .intake import MAX_NAMES, MAX_TEXT, SHIFTS, STAFF_SOURCES
from .models import Kind, Visibility

KIND_LABELS = {Kind.PRAISE: _l("Praise"), Kind.COMPLAINT: _l("Complaint"),
               Kind.SUGGESTION: _l("Suggestion")}
SHIFT_LABELS = {"morning": _l("Morning"), "afternoon": _l("Afternoon"),
                "evening": _l("Evening"), "night": _l("Night")}
SOURCE_LABELS = {"comment-card": _l("Comment card"), "phone": _l("Phone call"),
                 "email": _l("E-mail"), "review-site": _l("Review site"),
                 "in-person": _l("In person")}
VISIBILITY_LABELS = {Visibility.EVERYONE: _l("Everyone at Lineup"),
                     Visibility.TEAM: _l("My team only"),
                     Visibility.PRIVATE: _l("Only me (and my supervisors)")}


def _int_or_none(value):
    if value in (None, "", "0", 0):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class PublicFeedbackForm(FlaskForm):
    kind = RadioField(_l("What would you like to tell us?"), default=Kind.PRAISE.value,
                      choices=[(k.value, KIND_LABELS[k]) for k in Kind],
                      validators=[DataRequired()])
    staff_names = StringField(_l("Who helped you?"),
                              validators=[Optional(), Length(max=MAX_NAMES)],
                              description=_l("A first name is enough. Several people? "
                                             "Separate them with commas."),
                              render_kw={"list": "staff-names", "autocomplete": "off",
                                         "maxlength": MAX_NAMES})
    occurred_on = DateField(_l("When was it?"), validators=[Optional()])
    shift = SelectField(_l("Time of day"), choices=[("", _l("Not sure"))] + [
        (s, SHIFT_LABELS[s]) for s in SHIFTS], validators=[Optional()])
    text = TextAreaField(_l("What happened?"),
                         validators=[DataRequired(_l("Please tell us what happened.")),
                                     Length(max=MAX_TEXT)],
                         render_kw={"rows": 5, "maxlength": MAX_TEXT})
    rating = RadioField(_l("Your rating (optional)"), choices=[(str(i), str(i))
                                                                for i in range(1, 6)],
                        validators=[Optional()])
    customer_name = StringField(_l("Your name (optional)"),
                                validators=[Optional(), Length(max=120)],
                                render_kw={"autocomplete": "name"})
    customer_email = StringField(_l("Your e-mail (optional)"),
                                 validators=[Optional(), Length(max=254),
                                             Email(_l("Please enter a valid e-mail address."))],
                                 render_kw={"autocomplete": "email", "type": "email"})
    reply_consent = BooleanField(_l("You may contact me about this feedback. My name and "
                                    "e-mail are used only for the reply."))
    # Set once per form view: sending the same form twice stores it once.
    submission_key = HiddenField()
    # Honeypot: hidden from people by CSS; bots fill it in.
    website = StringField(_l("Leave this field empty"), validators=[Optional()],
                          render_kw={"autocomplete": "off", "tabindex": "-1"})

    def validate_reply_consent(self, field) -> None:
        if (self.customer_email.data or self.customer_name.data) and not field.data:
            raise ValidationError(_l("Tick this box if you want a reply, or leave your name "
                                     "and e-mail empty."))


class StaffLogForm(FlaskForm):
    submission_key = HiddenField()
    source = SelectField(_l("Where did the praise come from?"),
                         choices=[(s, SOURCE_LABELS[s]) for s in STAFF_SOURCES])
    occurred_on = DateField(_l("When?"), validators=[Optional()])
    text = TextAreaField(_l("What did the guest say?"),
                         validators=[DataRequired(), Length(max=MAX_TEXT)],
                         render_kw={"rows": 5, "maxlength": MAX_TEXT})


class CsvUploadForm(FlaskForm):
    site = SelectField(_l("Site"), coerce=int)
    file = FileField(_l("CSV file"), validators=[FileRequired(_l("Choose a CSV file."))],
                     description=_l("Columns: source, external_id, date, rating, text, "
                                    "staff_name (optional: kind)."))


class CsvConfirmForm(FlaskForm):
    site = HiddenField()
    content = HiddenField()


class MatchForm(FlaskForm):
    people = SelectMultipleField(_l("People credited"), coerce=int, validators=[Optional()],
                                 render_kw={"size": 8})
    department = SelectField(_l("Department"), coerce=_int_or_none, validators=[Optional()])


class ApproveForm(FlaskForm):
    value = SelectField(_l("Service value shown"), coerce=_int_or_none)


class RejectForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(_l("Give a reason.")),
                                                   Length(max=500)])


class EditTextForm(FlaskForm):
    public_text = TextAreaField(_l("Text colleagues will read"),
                                validators=[DataRequired(), Length(max=MAX_TEXT)],
                                render_kw={"rows": 5})


class AwardForm(FlaskForm):
    recipient = SelectField(_l("Recipient"), coerce=_int_or_none)
    award_type = SelectField(_l("Award"), coerce=_int_or_none)
    value = SelectField(_l("Service value"), coerce=_int_or_none, validators=[Optional()])
    message = TextAreaField(_l("Message"), validators=[Optional(), Length(max=1000)],
                            render_kw={"rows": 3})
    feedback_id = HiddenField()


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(_l("Give a reason.")),
                                                   Length(max=500)])


class PeerCardForm(FlaskForm):
    recipient = SelectField(_l("Colleague"), coerce=_int_or_none)
    value = SelectField(_l("Service value they showed"), coerce=_int_or_none)
    message = TextAreaField(_l("What did they do?"),
                            validators=[DataRequired(), Length(min=20, max=1000,
                                        message=_l("Write between 20 and 1000 characters."))],
                            render_kw={"rows": 4, "minlength": 20, "maxlength": 1000})


class PreferencesForm(FlaskForm):
    visibility = RadioField(_l("Who may see praise about me on the board?"),
                            choices=[(v.value, VISIBILITY_LABELS[v]) for v in Visibility])
    listed_on_form = BooleanField(_l("List my first name on the guest feedback form"))


class AliasForm(FlaskForm):
    aliases = StringField(_l("Aliases"), validators=[Optional(), Length(max=500)],
                          description=_l("Nicknames and common misspellings, separated by "
                                         "commas."))


class BudgetForm(FlaskForm):
    giver = HiddenField()
    total = IntegerField(_l("Points this month"),
                         validators=[DataRequired(), NumberRange(min=0, max=100000)])


class AwardTypeForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=120)])
    name_de = StringField(_l("Name (German)"), validators=[DataRequired(), Length(max=120)])
    points = IntegerField(_l("Points"), validators=[NumberRange(min=0, max=10000)])
    active = BooleanField(_l("In use"), default=True)


class ComplaintForm(FlaskForm):
    owner = SelectField(_l("Owner"), coerce=_int_or_none, validators=[Optional()])
    department = SelectField(_l("Department"), coerce=_int_or_none, validators=[Optional()])
    value = SelectField(_l("Service value concerned"), coerce=_int_or_none,
                        validators=[Optional()])
    due_on = DateField(_l("Due on"), validators=[Optional()])


class StateForm(FlaskForm):
    to_state = HiddenField()
    expected = HiddenField()


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=2000)],
                         render_kw={"rows": 3})


class TrainingForm(FlaskForm):
    quiz = SelectField(_l("Quiz"), coerce=_int_or_none)
    person = SelectField(_l("Employee"), coerce=_int_or_none, validators=[Optional()])
    whole_department = BooleanField(_l("Assign to the whole department instead"))
    due_on = DateField(_l("Due on"), validators=[DataRequired()])


class HeroForm(FlaskForm):
    user_id = HiddenField()
    month = HiddenField()
    site = HiddenField()


class TokenForm(FlaskForm):
    site = SelectField(_l("Site"), coerce=int)
    name = StringField(_l("Integration name"), validators=[DataRequired(), Length(max=80)])
