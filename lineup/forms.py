"""Form pieces shared by every area."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, ValidationError
from wtforms.validators import DataRequired, EqualTo

from .passwords import MAX_LENGTH, policy_problem


class PolicyPassword:
    """WTForms validator for the password policy."""

    def __call__(self, form, field) -> None:
        problem = policy_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


class ActionForm(FlaskForm):
    """A form with nothing but the CSRF token, for one-button POST actions."""


class NewPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), PolicyPassword()],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
        description=_l("At least 8 characters. Long passphrases are welcome."),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )
