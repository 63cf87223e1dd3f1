"""Fixtures of the recognition tests (on top of tests/conftest.py)."""

import pytest

from lineup.extensions import db

from .helpers import make_value


@pytest.fixture
def berlin(site):
    """The site, committed so that requests (their own session) see it."""
    db.session.commit()
    return site


@pytest.fixture
def value(site):
    value = make_value()
    db.session.commit()
    return value
