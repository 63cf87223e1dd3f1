"""Forms of the people, sites and departments administration."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    ValidationError,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from ..models import Role
from ..templating import ROLE_LABELS

LANGUAGE_CHOICES = [("de", "Deutsch"), ("en", "English")]
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def optional_int(value: object) -> int | None:
    """Coerce a select value to an int; the empty choice is None."""
    if value in (None, "", "None"):
        return None
    return int(value)  # type: ignore[arg-type]


def role_choices(include_admin: bool) -> list[tuple[str, str]]:
    return [(r.value, str(ROLE_LABELS[r])) for r in Role if include_admin or r is not Role.ADMIN]


class PersonForm(FlaskForm):
    employee_number = StringField(
        _l("Employee number"), validators=[DataRequired(), Length(max=40)],
        filters=[lambda v: v.strip() if v else v],
    )
    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=80)],
                             filters=[lambda v: v.strip() if v else v])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=80)],
                            filters=[lambda v: v.strip() if v else v])
    display_name = StringField(
        _l("Name customers know"), validators=[Optional(), Length(max=80)],
        filters=[lambda v: v.strip() if v else v],
        description=_l("The name on the name badge. Leave empty to use the first name."),
    )
    email = StringField(
        _l("E-mail (optional)"),
        validators=[Optional(), Length(max=254),
                    Email(message=_l("Enter a valid e-mail address."),
                          check_deliverability=False)],
        filters=[lambda v: v.strip().lower() if v else v],
        render_kw={"autocomplete": "off", "autocapitalize": "none"},
    )
    role = SelectField(_l("Role"), choices=role_choices(True), default=Role.STAFF.value)
    site_id = SelectField(_l("Site"), coerce=optional_int, validators=[DataRequired()])
    department_id = SelectField(_l("Department"), coerce=optional_int)
    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES, default="de")
    led_department_ids = SelectMultipleField(
        _l("Departments this supervisor leads"), coerce=int,
        description=_l("Only for supervisors. Hold Ctrl (or Cmd) to pick several."),
    )

    def set_choices(self, sites, departments, *, include_admin: bool) -> None:
        """Fill the select fields from the organisation; HR is not offered the admin role."""
        self.role.choices = role_choices(include_admin)
        self.site_id.choices = [(s.id, s.name) for s in sites]
        dept_choices = [(d.id, f"{d.name} ({d.site.name})") for d in departments]
        self.department_id.choices = [("", _l("— none —"))] + dept_choices
        self.led_department_ids.choices = dept_choices


class NewPersonForm(PersonForm):
    access = RadioField(
        _l("How the person signs in the first time"),
        choices=[("invite", _l("Invite link (valid for a few days, single use)")),
                 ("password", _l("Temporary password (must be changed at first sign-in)")),
                 ("none", _l("Not yet (create the link later)"))],
        default="invite",
    )


class PeopleFilterForm(FlaskForm):
    """The search and filters above the people list (GET, so no CSRF token)."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)],
                    description=_l("Name, e-mail or employee number"))
    site = SelectField(_l("Site"), coerce=optional_int)
    department = SelectField(_l("Department"), coerce=optional_int)
    role = SelectField(_l("Role"), default="")
    active = SelectField(
        _l("Status"),
        choices=[("", _l("All")), ("1", _l("Active")), ("0", _l("Deactivated"))], default="",
    )

    def set_choices(self, sites, departments) -> None:
        self.site.choices = [("", _l("All sites"))] + [(s.id, s.name) for s in sites]
        self.department.choices = [("", _l("All departments"))] + [
            (d.id, f"{d.name} ({d.site.name})") for d in departments
        ]
        self.role.choices = [("", _l("All roles"))] + role_choices(True)


def _valid_timezone(form, field) -> None:
    try:
        ZoneInfo(field.data or "")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _l("Unknown time zone. Use a name like Europe/Berlin or America/New_York.")
        ) from None


class SiteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                       filters=[lambda v: v.strip() if v else v])
    slug = StringField(
        _l("Short name in links"),
        validators=[DataRequired(), Length(max=60),
                    Regexp(SLUG_PATTERN, message=_l(
                        "Use lower-case letters, digits and single hyphens, e.g. new-york."))],
        filters=[lambda v: v.strip().lower() if v else v],
        description=_l("Appears in the public feedback link, e.g. berlin."),
    )
    timezone = StringField(_l("Time zone"), validators=[DataRequired(), Length(max=64),
                                                       _valid_timezone],
                           filters=[lambda v: v.strip() if v else v], default="Europe/Berlin")
    default_language = SelectField(_l("Default language"), choices=LANGUAGE_CHOICES,
                                   default="de")


class DepartmentForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                       filters=[lambda v: v.strip() if v else v])


class ImportUploadForm(FlaskForm):
    file = FileField(_l("CSV file"), validators=[FileRequired(_l("Choose a CSV file."))])


class ImportConfirmForm(FlaskForm):
    csv_text = HiddenField(validators=[DataRequired()])

