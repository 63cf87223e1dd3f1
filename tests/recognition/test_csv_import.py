"""CSV import of review exports: preview with per-row errors, idempotent re-import."""

import io

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Role
from recognition.models import Feedback
from tests.support import make_user

CSV = (
    "source,external_id,date,rating,text,staff_name\n"
    "google,g-1,2026-03-01,5,Juergen made our day,Juergen\n"
    "google,g-2,2026-03-02,1,Cold breakfast,\n"
    "google,,2026-03-03,5,missing id,\n"
    "google,g-4,03/04/2026,9,bad date and rating,\n"
)


def _upload(client, site, content=CSV):
    return client.post("/recognition/import", data={
        "site": str(site.id), "file": (io.BytesIO(content.encode()), "reviews.csv")},
        content_type="multipart/form-data")


def _confirm(client, preview_html):
    import re

    content = re.search(r'name="content" type="hidden" value="([^"]+)"', preview_html)
    if content is None:
        content = re.search(r'id="content" name="content" type="hidden" value="([^"]+)"',
                            preview_html)
    site = re.search(r'name="site" type="hidden" value="(\d+)"', preview_html)
    return client.post("/recognition/import/confirm", data={
        "content": content.group(1), "site": site.group(1)})


def test_preview_shows_row_errors_and_saves_nothing(hr_client, department):
    response = _upload(hr_client, department.site)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "external_id is missing" in html
    assert "date must look like" in html and "rating must be a number" in html
    assert "2 rows can be imported, 2 have errors" in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 0


def test_import_then_reimport_changes_nothing(hr_client, department):
    make_user(Role.STAFF, department, first_name="Jürgen")
    db.session.commit()
    html = _upload(hr_client, department.site).get_data(as_text=True)
    first = _confirm(hr_client, html)
    assert first.status_code == 303
    rows = db.session.scalars(sa.select(Feedback).order_by(Feedback.external_id)).all()
    assert [(f.external_id, f.kind) for f in rows] == [("g-1", "praise"), ("g-2", "complaint")]
    assert rows[0].matched[0].first_name == "Jürgen"
    again = _upload(hr_client, department.site).get_data(as_text=True)
    assert "already imported" in again
    assert _confirm(hr_client, again).status_code == 303
    flashed = hr_client.get("/recognition/inbox").get_data(as_text=True)
    assert "Imported 0 new rows; 2 were already there" in flashed
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 2


def test_wrong_columns_and_non_utf8_are_400(hr_client, department):
    assert _upload(hr_client, department.site, "a,b\n1,2\n").status_code == 400
    response = hr_client.post("/recognition/import", data={
        "site": str(department.site.id),
        "file": (io.BytesIO("source,external_id,text\nx,1,Gr\xfc\xdfe\n".encode("latin-1")),
                 "r.csv")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "not UTF-8" in response.get_data(as_text=True)


def test_tampered_confirmation_is_400(hr_client, department):
    response = hr_client.post("/recognition/import/confirm", data={"content": "%%%",
                                                                   "site": "1"})
    assert response.status_code == 400


def test_supervisors_cannot_import(supervisor_client, department):
    assert _upload(supervisor_client, department.site).status_code == 403
