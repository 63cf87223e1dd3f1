"""German and English pages: the user's language, the browser's, and the switch."""

from lineup.extensions import db
from lineup.models import Role, User

from ..support import make_user


def test_staff_with_german_sees_german_navigation(app, department):
    user = make_user(Role.STAFF, department, language="de")
    db.session.commit()
    client = app.test_client()
    client.login(user)
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="de"' in html
    assert "Heute" in html and "Abmelden" in html
    assert ">Today<" not in html


def test_staff_with_english_sees_english_even_with_a_german_browser(app, staff):
    client = app.test_client()
    client.login(staff)
    html = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "Today" in html and "Heute" not in html


def test_visitor_gets_the_browser_language(client):
    german = client.get("/login", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert "Anmelden" in german.get_data(as_text=True)
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Sign in" in english.get_data(as_text=True)
    fallback = client.get("/login", headers={"Accept-Language": "fr"})
    assert "Sign in" in fallback.get_data(as_text=True)


def test_language_switch_for_a_visitor(client):
    assert "Sign in" in client.get("/login").get_data(as_text=True)
    response = client.post("/language", data={"language": "de", "next": "/login"})
    assert response.status_code == 303 and response.headers["Location"] == "/login"
    assert "Anmelden" in client.get("/login").get_data(as_text=True)
    client.post("/language", data={"language": "en", "next": "/login"})
    assert "Sign in" in client.get("/login").get_data(as_text=True)


def test_language_switch_is_saved_for_a_signed_in_user(app, staff_client, staff):
    response = staff_client.post("/language", data={"language": "de", "next": "/"})
    assert response.status_code == 303
    assert "Heute" in staff_client.get("/").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, staff.id).language == "de"


def test_language_switch_refuses_unknown_languages_and_external_next(staff_client, staff):
    response = staff_client.post("/language", data={"language": "fr",
                                                    "next": "https://evil.example/"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    db.session.expire_all()
    assert db.session.get(User, staff.id).language == "en"


def test_german_form_errors_and_admin_pages(app, site):
    hr = make_user(Role.HR, None, language="de")
    db.session.commit()
    client = app.test_client()
    client.login(hr)
    html = client.get("/admin/people").get_data(as_text=True)
    assert "Mitarbeitende" in html and "Person hinzufügen" in html
    response = client.post("/admin/people/new", data={"employee_number": "", "first_name": "",
                                                      "last_name": "", "role": "staff",
                                                      "site_id": str(site.id), "language": "de",
                                                      "access": "none"})
    assert response.status_code == 400
    assert "Dieses Feld wird benötigt." in response.get_data(as_text=True)


def test_the_shells_words_win_over_other_catalogues(app, site):
    """A msgid several packages translate reads as the shell's catalogue says."""
    hr = make_user(Role.HR, None, language="de")
    db.session.commit()
    client = app.test_client()
    client.login(hr)
    html = client.get("/admin/people").get_data(as_text=True)
    assert "Teamleitung" in html and "Mitarbeitende" in html
