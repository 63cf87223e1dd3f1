"""Guest praise end to end in the real browser: phone form, inbox, award, board, display."""

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from lineup.extensions import db
from lineup.models import Role
from recognition.awards import ensure_award_types
from recognition.intake import Submission, submit
from recognition.models import Feedback
from recognition.moderation import approve
from training.models import ServiceValue

from ..conftest import login_in_browser
from ..support import make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def hotel(department):
    juergen = make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß")
    supervisor = make_user(Role.SUPERVISOR, department, first_name="Sabine")
    value = ServiceValue(kind="value", number=1, title_en="Warm welcome",
                         title_de="Herzlicher Empfang", body_en="", body_de="")
    db.session.add(value)
    ensure_award_types()
    db.session.commit()
    return {"juergen": juergen, "supervisor": supervisor, "value": value}


def _leave_praise(page, live_server):
    page.goto(f"{live_server.url}/feedback/berlin")
    assert page.get_by_role("heading", name="Wie war Ihr Aufenthalt").is_visible()
    page.get_by_label("Wer hat Ihnen geholfen?").fill("Jurgen")
    page.get_by_label("Was ist passiert?").fill(
        "Jurgen hat unseren vergessenen Koffer zum Bahnhof gebracht. Unglaublich nett!")
    page.locator("label[for=rating-4]").tap()
    page.get_by_role("button", name="Feedback senden").tap()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()


def test_guest_leaves_praise_on_a_phone(live_server, phone_page, hotel):
    _leave_praise(phone_page, live_server)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    feedback = db.session.scalars(sa.select(Feedback)).one()
    assert feedback.rating == 5
    assert [u.id for u in feedback.matched] == [hotel["juergen"].id]


def test_supervisor_matches_approves_awards_and_it_shows_on_board_and_display(
        live_server, phone_page, browser_page, hotel):
    _leave_praise(phone_page, live_server)
    page = browser_page
    login_in_browser(page, live_server, hotel["supervisor"])
    page.goto(f"{live_server.url}/recognition/inbox")
    page.get_by_role("button", name="Review").first.click()
    assert page.locator(".badge-success", has_text="Jürgen Weiß").is_visible()

    page.select_option("#match-people", [str(hotel["juergen"].id)])
    page.get_by_role("button", name="Save match").click()
    expect(page.get_by_text("Match saved.")).to_be_visible()

    page.select_option("#approve-value", str(hotel["value"].id))
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved. It is on the board now.")).to_be_visible()

    assert page.get_by_text("100 of 100 points left").is_visible()
    page.select_option("#award-award_type", label="First-class card (10)")
    page.fill("#award-message", "Danke für den Einsatz!")
    page.get_by_role("button", name="Give award").click()
    expect(page.get_by_text("Award given.")).to_be_visible()
    assert page.get_by_text("90 of 100 points left").is_visible()

    page.goto(f"{live_server.url}/board")
    story = page.locator(".board-praise", has_text="vergessenen Koffer")
    assert story.is_visible() and "Jürgen" in story.inner_text()
    assert page.locator(".board-award", has_text="Danke für den Einsatz!").is_visible()
    story.get_by_role("button", name="Applaud").click()
    expect(page.get_by_text("Applause sent.")).to_be_visible()

    page.goto(f"{live_server.url}/board/display")
    assert page.locator("meta[http-equiv=refresh]").count() == 1
    # The cycler shows one story at a time.
    expect(page.locator(".display-story.active")).to_have_count(1)
    assert page.locator(".display-story", has_text="vergessenen Koffer").count() == 1


def test_supervisor_pages_fit_a_phone(live_server, phone_page, hotel):
    site = hotel["juergen"].site
    long_one, _ = submit(site, Submission(kind="praise", text="Jurgen " * 80), "form")
    approved, _ = submit(site, Submission(kind="praise", text="Danke Jürgen!",
                                          staff_names="Jurgen"), "form")
    approve(hotel["supervisor"], approved, hotel["value"].id)
    db.session.commit()
    login_in_browser(phone_page, live_server, hotel["supervisor"])
    for path in ("/recognition/inbox", f"/recognition/inbox/{long_one.id}",
                 f"/recognition/inbox/{approved.id}", "/board", "/recognition/awards",
                 "/recognition/fairness", "/recognition/complaints", "/recognition/me"):
        phone_page.goto(live_server.url + path)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390, path
