"""Each demo role signs in through the real browser and sees its navigation; language; phone."""

import pytest

from lineup.extensions import db
from lineup.models import Role

from ..conftest import login_in_browser
from ..support import make_user

pytestmark = pytest.mark.browser

NAV = {
    Role.STAFF: ["Today", "Line-up", "Quizzes", "Board"],
    Role.SUPERVISOR: ["Today", "Line-up", "Quizzes", "Board", "Team"],
    Role.HR: ["Today", "Line-up", "Quizzes", "Board", "Team", "HR"],
    Role.ADMIN: ["Today", "Line-up", "Quizzes", "Board", "Team", "HR", "Admin"],
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_its_navigation(live_server, browser_page, department, role):
    user = make_user(role, department if role in (Role.STAFF, Role.SUPERVISOR) else None)
    db.session.commit()
    login_in_browser(browser_page, live_server, user)
    links = browser_page.locator("nav.container .main-nav a").all_inner_texts()
    assert [text.strip() for text in links] == NAV[role]


def test_language_switch_and_phone_layout(live_server, phone_page, department):
    user = make_user(Role.SUPERVISOR, department, language="en")
    db.session.commit()
    login_in_browser(phone_page, live_server, user)
    assert phone_page.locator(".main-nav").get_by_text("Today").is_visible()
    phone_page.select_option("#language-switch", "de")
    phone_page.click("footer button:has-text('Switch language')")
    phone_page.wait_for_load_state()
    assert phone_page.locator("html").get_attribute("lang") == "de"
    assert phone_page.locator(".main-nav").get_by_text("Heute").is_visible()
    # Nothing is wider than the phone's screen.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_sign_in_page_follows_the_browser_language(live_server, phone_page):
    phone_page.goto(f"{live_server.url}/login")
    assert phone_page.locator("html").get_attribute("lang") == "de"
    assert phone_page.get_by_role("heading", name="Anmelden").is_visible()
