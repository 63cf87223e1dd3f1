from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length

from ..forms import NewPasswordForm


class LoginForm(FlaskForm):
    identifier = StringField(
        _l("E-mail or employee number"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=256)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired()],
        render_kw={"autocomplete": "current-password"},
    )


class LanguageForm(FlaskForm):
    language = SelectField(
        _l("Language"),
        choices=[("de", "Deutsch"), ("en", "English")],
        validators=[AnyOf(["de", "en"])],
    )
    next = HiddenField()
