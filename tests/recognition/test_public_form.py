"""The guest feedback form: stored once whatever the rating, spam defences, bad input."""

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from recognition.models import Feedback, StaffProfile
from tests.support import make_user


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Feedback))


def test_form_lists_only_staff_who_agreed(client, department):
    listed = make_user(Role.STAFF, department, first_name="Jürgen")
    hidden = make_user(Role.STAFF, department, first_name="Verena")
    db.session.add_all([StaffProfile(user_id=listed.id, listed_on_form=True),
                        StaffProfile(user_id=hidden.id, listed_on_form=False)])
    db.session.commit()
    page = client.get("/feedback/berlin", headers={"Accept-Language": "de"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<option value="Jürgen">' in html and "Verena" not in html
    assert "Wer hat Ihnen geholfen?" in html


def test_praise_is_stored_matched_and_private_details_kept_off_the_text(client, department):
    juergen = make_user(Role.STAFF, department, first_name="Jürgen", last_name="Weiß")
    db.session.commit()
    response = client.post("/feedback/berlin", data={
        "kind": "praise", "staff_names": "Jurgen", "rating": "2",
        "text": "Jurgen was great, mail me at guest@example.com or call 0170 1234567",
        "customer_name": "Erika Muster", "customer_email": "erika@example.com",
        "reply_consent": "y"})
    assert response.status_code == 200
    assert "Thank you" in response.get_data(as_text=True)
    feedback = db.session.scalars(sa.select(Feedback)).one()
    assert feedback.rating == 2  # stored whatever the rating: no review gating
    assert [u.id for u in feedback.matched] == [juergen.id]
    assert feedback.department_id == department.id
    assert "guest@example.com" not in feedback.public_text
    assert "1234567" not in feedback.public_text
    assert feedback.customer_email == "erika@example.com"


def test_contact_details_need_the_consent_box(client, berlin):
    response = client.post("/feedback/berlin", data={
        "kind": "praise", "text": "Lovely", "customer_email": "erika@example.com"})
    assert response.status_code == 400
    assert "Tick this box" in response.get_data(as_text=True)
    assert _count() == 0


def test_honeypot_pretends_success_but_stores_nothing(client, berlin):
    response = client.post("/feedback/berlin", data={
        "kind": "praise", "text": "Buy cheap watches", "website": "http://spam.example"})
    assert response.status_code == 200
    assert _count() == 0


def test_unknown_site_is_404(client, berlin):
    assert client.get("/feedback/atlantis").status_code == 404
    assert client.post("/feedback/atlantis", data={"kind": "praise", "text": "x"}
                       ).status_code == 404


def test_oversize_and_missing_text_are_400(client, berlin):
    too_long = client.post("/feedback/berlin", data={"kind": "praise", "text": "x" * 5000})
    empty = client.post("/feedback/berlin", data={"kind": "praise", "text": "  "})
    bad_kind = client.post("/feedback/berlin", data={"kind": "hack", "text": "hi"})
    assert {too_long.status_code, empty.status_code, bad_kind.status_code} == {400}
    assert _count() == 0


def test_html_is_stored_as_text_and_shown_escaped(app, client, berlin, supervisor_client,
                                                  supervisor):
    client.post("/feedback/berlin", data={"kind": "praise", "staff_names": "<b>x</b>",
                                          "text": "<script>alert(1)</script> nice"})
    feedback = db.session.scalars(sa.select(Feedback)).one()
    assert feedback.text.startswith("<script>")
    page = supervisor_client.get(f"/recognition/inbox/{feedback.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_bursts_from_one_address_get_429(app, client, berlin):
    app.config["PUBLIC_FORM_RATE_LIMIT"] = "3 per hour"
    codes = [client.post("/feedback/berlin", data={"kind": "praise", "text": f"Nice {i}"}
                         ).status_code for i in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]
    assert _count() == 3


def test_form_works_without_csrf_cookie_only_with_token(client, berlin):
    response = client.post("/feedback/berlin", data={"kind": "praise", "text": "hi"},
                           csrf=False)
    assert response.status_code == 400
    assert _count() == 0


def test_sending_the_same_form_twice_stores_it_once(client, berlin):
    import re

    page = client.get("/feedback/berlin").get_data(as_text=True)
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', page).group(1)
    data = {"kind": "praise", "text": "Lovely stay", "submission_key": key}
    assert client.post("/feedback/berlin", data=dict(data)).status_code == 200
    assert client.post("/feedback/berlin", data=dict(data)).status_code == 200
    assert _count() == 1


def test_guest_name_is_removed_from_the_text_colleagues_read(client, berlin):
    client.post("/feedback/berlin", data={
        "kind": "praise", "text": "Thanks from Erika Muster and family! - Erika",
        "customer_name": "Erika Muster", "reply_consent": "y"})
    feedback = db.session.scalars(sa.select(Feedback)).one()
    assert "Erika" not in feedback.public_text and "Muster" not in feedback.public_text
    assert "and family" in feedback.public_text


def test_a_date_in_the_future_is_refused(client, berlin):
    response = client.post("/feedback/berlin", data={"kind": "praise", "text": "Nice",
                                                     "occurred_on": "2099-01-01"})
    assert response.status_code == 400
    assert "future" in response.get_data(as_text=True)
    assert _count() == 0
