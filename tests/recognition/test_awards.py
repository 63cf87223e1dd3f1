"""Awards and budgets: points spent once, never overspent (also under concurrency), rescind."""

import threading

import pytest
import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import AuditLog, Role, User
from recognition.awards import budget_for, ensure_award_types, give_award
from recognition.models import Award, AwardBudget, AwardType, BoardItem
from recognition.services import RecognitionError
from tests.support import make_department, make_user


@pytest.fixture
def card(app):
    types = {t.code: t for t in ensure_award_types()}
    db.session.commit()
    return types["first-class-card"]


@pytest.fixture
def colleague(department):
    user = make_user(Role.STAFF, department, first_name="Jürgen")
    db.session.commit()
    return user


def test_award_spends_budget_appears_on_board_and_is_audited(supervisor, colleague, card,
                                                             staff_client):
    award = give_award(supervisor, colleague, card, value_id=None, message="Great night shift")
    db.session.commit()
    budget = budget_for(supervisor)
    assert budget.used == card.points and budget.remaining == budget.total - card.points
    assert "Great night shift" in staff_client.get("/board").get_data(as_text=True)
    assert db.session.scalars(sa.select(AuditLog.action).where(
        AuditLog.target_id == award.id, AuditLog.target_type == "Award")).all() == ["award.give"]


def test_overspend_is_refused_with_remaining_points(supervisor, colleague, card,
                                                    supervisor_client):
    budget = budget_for(supervisor)
    budget.total = 15
    db.session.commit()
    give_award(supervisor, colleague, card, value_id=None, message="")
    db.session.commit()
    response = supervisor_client.post("/recognition/awards", data={
        "recipient": str(colleague.id), "award_type": str(card.id), "value": "0",
        "message": "again"})
    assert response.status_code == 409
    assert "5 remaining, 10 needed" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Award)) == 1


def test_only_own_people_and_never_oneself(supervisor, card, department):
    stranger = make_user(Role.STAFF, make_department("Spa", department.site))
    db.session.commit()
    with pytest.raises(RecognitionError) as refused:
        give_award(supervisor, stranger, card, value_id=None, message="")
    assert refused.value.status == 403
    with pytest.raises(RecognitionError):
        give_award(supervisor, supervisor, card, value_id=None, message="")


def test_rescind_returns_points_hides_board_item_and_needs_reason(supervisor, colleague, card,
                                                                 supervisor_client):
    award = give_award(supervisor, colleague, card, value_id=None, message="Oops")
    db.session.commit()
    assert supervisor_client.post(f"/recognition/awards/{award.id}/rescind",
                                  data={"reason": ""}).status_code == 400
    response = supervisor_client.post(f"/recognition/awards/{award.id}/rescind",
                                      data={"reason": "Given to the wrong person"})
    assert response.status_code == 303
    db.session.expire_all()
    assert budget_for(supervisor).used == 0
    assert db.session.scalars(sa.select(BoardItem.hidden)).one() is True
    again = supervisor_client.post(f"/recognition/awards/{award.id}/rescind",
                                   data={"reason": "twice"})
    assert again.status_code == 409
    assert budget_for(supervisor).used == 0


def test_budget_holds_when_awards_are_given_at_the_same_moment(app, supervisor, colleague,
                                                               card):
    budget = budget_for(supervisor)
    budget.total = 3 * card.points
    db.session.commit()
    ids = (supervisor.id, colleague.id, card.id)
    attempts = 6
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []

    def attempt() -> None:
        with app.app_context():
            giver, recipient = db.session.get(User, ids[0]), db.session.get(User, ids[1])
            award_type = db.session.get(AwardType, ids[2])
            barrier.wait()
            try:
                give_award(giver, recipient, award_type, value_id=None, message="race")
                db.session.commit()
                outcomes.append("given")
            except RecognitionError as error:
                db.session.rollback()
                outcomes.append(f"refused {error.status}")
            except sa.exc.OperationalError:  # SQLite: "database is locked" - nothing written
                db.session.rollback()
                outcomes.append("busy")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.session.expire_all()
    used = db.session.scalar(sa.select(AwardBudget.used).where(AwardBudget.id == budget.id))
    given = db.session.scalar(sa.select(sa.func.count()).select_from(Award))
    assert len(outcomes) == attempts
    assert outcomes.count("given") == given == min(3, attempts - outcomes.count("busy"))
    assert used == given * card.points <= budget.total
    if db.engine.dialect.name == "postgresql":
        assert outcomes.count("refused 409") == 3


def test_concurrent_award_requests_over_http_never_overspend(live_server, supervisor,
                                                              colleague, card):
    """Real HTTP requests at the same moment against the running app."""
    import http.cookiejar
    import re
    import urllib.error
    import urllib.parse
    import urllib.request

    from tests.support import PASSWORD

    budget = budget_for(supervisor)
    budget.total = 2 * card.points
    db.session.commit()
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def token(path: str) -> str:
        html = opener.open(live_server.url + path).read().decode()
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)

    login = urllib.parse.urlencode({"identifier": supervisor.employee_number,
                                    "password": PASSWORD,
                                    "csrf_token": token("/login")}).encode()
    opener.open(live_server.url + "/login", login)
    form = urllib.parse.urlencode({
        "recipient": colleague.id, "award_type": card.id, "value": 0, "message": "same time",
        "csrf_token": token("/recognition/awards")}).encode()
    attempts = 5
    barrier = threading.Barrier(attempts)
    codes: list[int] = []

    def send() -> None:
        barrier.wait()
        try:
            codes.append(opener.open(live_server.url + "/recognition/awards", form).status)
        except urllib.error.HTTPError as error:
            codes.append(error.code)

    threads = [threading.Thread(target=send) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.session.expire_all()
    given = db.session.scalar(sa.select(sa.func.count()).select_from(Award))
    used = db.session.scalar(sa.select(AwardBudget.used).where(AwardBudget.id == budget.id))
    # A success is a 303 to the awards page (followed: 200); a refusal is a 409.
    assert sorted(codes) == [200, 200, 409, 409, 409]
    assert given == 2 and used == 2 * card.points
