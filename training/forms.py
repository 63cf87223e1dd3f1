"""Forms of the training area."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from .lineups import MAX_CUSTOM_SHIFT, MAX_NOTES, MAX_STORY, SHIFT_LABELS
from .models import StandardKind

KIND_LABELS = {
    StandardKind.CREDO.value: _l("Credo"),
    StandardKind.MOTTO.value: _l("Motto"),
    StandardKind.STEP.value: _l("Step of service"),
    StandardKind.VALUE.value: _l("Service value"),
    StandardKind.TOPIC.value: _l("Custom topic"),
}


def _prompt_count(form, field) -> None:
    lines = [line for line in (field.data or "").splitlines() if line.strip()]
    if lines and not 2 <= len(lines) <= 4:
        raise ValidationError(_l("Write 2 to 4 discussion prompts, one per line."))


class StartLineUpForm(FlaskForm):
    department = SelectField(_l("Department"), coerce=int, validators=[InputRequired()],
                             validate_choice=False)
    shift = SelectField(_l("Shift"), choices=[*SHIFT_LABELS.items(), ("custom", _l("Other shift"))],
                        validators=[InputRequired()])
    custom_shift = StringField(_l("Name of the other shift"),
                               validators=[Optional(), Length(max=MAX_CUSTOM_SHIFT)],
                               description=_l("Only for “Other shift”, e.g. “Late shift”."))


class SaveLineUpForm(FlaskForm):
    version = HiddenField(validators=[DataRequired()])
    wow_story = TextAreaField(_l("Wow story"), validators=[Length(max=MAX_STORY)],
                              render_kw={"rows": 4})
    wow_story_by = StringField(_l("Whose story is it?"), validators=[Length(max=200)])
    notes = TextAreaField(_l("Notes from the line-up"), validators=[Length(max=MAX_NOTES)],
                          render_kw={"rows": 3})


class PulseForm(FlaskForm):
    useful = RadioField(_l("Was today's line-up useful?"),
                        choices=[("yes", _l("Yes")), ("no", _l("No"))],
                        validators=[InputRequired(message=_l("Choose yes or no."))])
    comment = StringField(_l("Comment (optional)"), validators=[Length(max=500)])


class StandardForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=[(k, v) for k, v in KIND_LABELS.items()
                                           if k != StandardKind.TOPIC.value])
    number = IntegerField(_l("Number"), validators=[Optional(), NumberRange(min=1, max=999)],
                          description=_l("For steps and values: their number and place."))
    title_en = StringField(_l("Title (English)"), validators=[Length(max=200)])
    title_de = StringField(_l("Title (German)"), validators=[Length(max=200)])
    body_en = TextAreaField(_l("Text (English)"), validators=[Length(max=4000)])
    body_de = TextAreaField(_l("Text (German)"), validators=[Length(max=4000)])
    examples_en = TextAreaField(_l("What it looks like on shift (English)"),
                                validators=[Length(max=4000)],
                                description=_l("One example per line."))
    examples_de = TextAreaField(_l("What it looks like on shift (German)"),
                                validators=[Length(max=4000)],
                                description=_l("One example per line."))
    prompts_en = TextAreaField(_l("Discussion prompts (English)"),
                               validators=[Length(max=4000), _prompt_count],
                               description=_l("2 to 4 prompts, one per line."))
    prompts_de = TextAreaField(_l("Discussion prompts (German)"),
                               validators=[Length(max=4000), _prompt_count],
                               description=_l("2 to 4 prompts, one per line."))
    source = StringField(_l("Source"), validators=[Length(max=300)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not (self.title_en.data or "").strip() and not (self.title_de.data or "").strip():
            self.title_en.errors = [*self.title_en.errors,
                                    _l("Give a title in at least one language.")]
            ok = False
        if not (self.prompts_en.data or "").strip() and not (self.prompts_de.data or "").strip():
            self.prompts_en.errors = [*self.prompts_en.errors,
                                      _l("Write 2 to 4 discussion prompts, one per line.")]
            ok = False
        return ok

    def cleaned(self) -> dict:
        data = {name: (getattr(self, name).data or "").strip()
                for name in ("kind", "source", "title_en", "title_de", "body_en", "body_de",
                             "examples_en", "examples_de", "prompts_en", "prompts_de")}
        data["number"] = self.number.data
        return data


class DateRangeForm(FlaskForm):
    start_date = DateField(_l("From"), validators=[InputRequired(_l("Enter a valid date."))])
    end_date = DateField(_l("Until"), validators=[InputRequired(_l("Enter a valid date."))])


class PinForm(DateRangeForm):
    value = SelectField(_l("Standard"), coerce=int, validate_choice=False,
                        description=_l("Or leave empty and write a custom topic below."))
    title_en = StringField(_l("Topic title (English)"), validators=[Length(max=200)])
    title_de = StringField(_l("Topic title (German)"), validators=[Length(max=200)])
    body_en = TextAreaField(_l("Topic text (English)"), validators=[Length(max=4000)])
    body_de = TextAreaField(_l("Topic text (German)"), validators=[Length(max=4000)])
    prompts_en = TextAreaField(_l("Discussion prompts (English)"),
                               validators=[Length(max=4000), _prompt_count])
    prompts_de = TextAreaField(_l("Discussion prompts (German)"),
                               validators=[Length(max=4000), _prompt_count])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        has_topic = bool((self.title_en.data or "").strip() or (self.title_de.data or "").strip())
        if not self.value.data and not has_topic:
            self.value.errors = [*self.value.errors,
                                 _l("Choose a standard or give the custom topic a title.")]
            ok = False
        return ok

    def topic_texts(self) -> dict:
        return {name: (getattr(self, name).data or "").strip()
                for name in ("title_en", "title_de", "body_en", "body_de", "prompts_en",
                             "prompts_de")}


class SiteNoteForm(DateRangeForm):
    site = SelectField(_l("Site"), coerce=int, validate_choice=False)
    text = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=1000)],
                         description=_l("Announcements, VIPs, events: shown with the value of "
                                        "the day at this site."))

