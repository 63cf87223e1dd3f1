"""A staff member takes an assigned scenario quiz on a phone in German; HR previews a GIFT
import."""

from datetime import date, timedelta

import pytest

from lineup.extensions import db
from lineup.models import Role
from quizzes.assignments import assign_quiz
from quizzes.bank import OptionData, QuestionData, create_question
from quizzes.models import Quiz, QuizQuestion

from ..conftest import login_in_browser
from ..support import make_user

pytestmark = pytest.mark.browser


def _scenario():
    return create_question(QuestionData(
        kind="scenario", channel="phone", mood="furious",
        situation_en="A caller shouts about a double charge.",
        situation_de="Eine Anruferin schreit wegen einer doppelten Abbuchung.",
        prompt_en="What do you do or say?", prompt_de="Was tust oder sagst du?",
        principle_en="Calm the caller", principle_de="Die Anruferin beruhigen",
        options=[
            OptionData("Stay calm and listen", text_de="Ruhig bleiben und zuhören", correct=True,
                       feedback_en="Listening lets the anger out.",
                       feedback_de="Zuhören lässt den Ärger raus."),
            OptionData("Hang up", text_de="Auflegen",
                       feedback_en="That ends the relationship.",
                       feedback_de="Das beendet die Beziehung."),
        ]))


def test_staff_takes_assigned_quiz_on_a_phone_in_german(live_server, phone_page, department,
                                                         hr):
    user = make_user(Role.STAFF, department, language="de")
    question = _scenario()
    quiz = Quiz(title_en="Handling complaints", title_de="Beschwerden souverän lösen",
                shuffle_options=False, feedback_timing="immediate", review="full")
    quiz.fixed = [QuizQuestion(family_id=question.family_id, position=0)]
    db.session.add(quiz)
    db.session.flush()
    assign_quiz(hr, quiz, due_on=date.today() + timedelta(days=5), user=user)
    db.session.commit()

    page = phone_page
    login_in_browser(page, live_server, user)
    panel = page.locator("#my-training")
    assert "Meine Schulungen" in panel.inner_text()
    panel.get_by_role("link", name="Beschwerden souverän lösen").click()
    page.get_by_role("button", name="Quiz starten").click()
    assert "doppelten Abbuchung" in page.inner_text("main")
    page.get_by_text("Ruhig bleiben und zuhören").click()
    page.get_by_role("button", name="Antworten").click()
    feedback = page.locator("#feedback")
    assert "Zuhören lässt den Ärger raus." in feedback.inner_text()
    assert "Die Anruferin beruhigen" in feedback.inner_text()
    # nothing sticks out sideways on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Weiter").click()
    page.get_by_role("button", name="Meine Antworten abgeben").click()
    assert "Bestanden" in page.inner_text("main")
    page.goto(f"{live_server.url}/")
    assert "Bestanden" in page.locator("#my-training").inner_text()


GIFT = """$CATEGORY: Phone

::q1:: A caller is confused about directions. {
  =Explain calmly and send them in writing#Patience is respect.
  ~Point to the website#Sends the caller away.
}

Broken question without answers
"""


def test_hr_imports_a_gift_file_and_sees_the_preview(live_server, browser_page, tmp_path):
    hr_user = make_user(Role.HR, None)
    db.session.commit()
    page = browser_page
    login_in_browser(page, live_server, hr_user)
    page.goto(f"{live_server.url}/quizzes/import")
    path = tmp_path / "questions.gift"
    path.write_text(GIFT.replace("Broken question without answers\n", ""))
    page.select_option("select[name=format]", "gift")
    page.select_option("select[name=language]", "en")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="Show preview").click()
    main = page.inner_text("main")
    assert "1 question understood" in main and "A caller is confused" in main
    page.get_by_role("button", name="Import 1 question").click()
    assert "1 questions were imported" in page.inner_text("main")
    assert "A caller is confused" in page.inner_text("main")

    broken = tmp_path / "broken.gift"
    broken.write_text(GIFT)
    page.goto(f"{live_server.url}/quizzes/import")
    page.set_input_files("input[name=file]", str(broken))
    page.get_by_role("button", name="Show preview").click()
    assert "Line 8: Broken GIFT" in page.inner_text(".import-errors")
    assert page.get_by_role("button", name="Import 1 question").count() == 0
