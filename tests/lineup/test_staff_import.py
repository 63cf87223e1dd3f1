"""Staff CSV import: preview first, save on confirm only when every row is fine."""

import io

import pytest
import sqlalchemy as sa

from lineup.admin import staff_import
from lineup.admin.staff_import import apply_import, parse_staff_csv
from lineup.extensions import db
from lineup.models import AuditLog, Role, User

from ..support import count_queries, make_department, make_site, make_user

HEADER = "employee_number;first_name;last_name;email;site;department;role;language\n"
GOOD = HEADER + (
    "B-1;Jürgen;Weiß;juergen@example.org;berlin;Front Office;staff;de\n"
    "B-2;Zoë;Lange;;berlin;Spa;supervisor;\n"
    "B-3;Hanna;Richter;HR@Example.org;berlin;;hr;en\n"
)


@pytest.fixture
def organisation(app):
    berlin = make_site("berlin", "Europe/Berlin", "Berlin")
    make_department("Front Office", berlin)
    make_department("Spa", berlin)
    db.session.commit()
    return berlin


def _people() -> dict[str, User]:
    db.session.expire_all()
    return {u.employee_number: u for u in db.session.scalars(sa.select(User))}


def _upload(client, content: bytes, name: str = "staff.csv"):
    return client.post("/admin/people/import", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(content), name)})


# --- parsing --------------------------------------------------------------------------------


def test_good_file_previews_creates_and_saves_nothing(organisation):
    preview = parse_staff_csv(GOOD.encode())
    assert not preview.errors and not preview.file_errors
    assert [(r.line, r.employee_number, r.action) for r in preview.rows] == [
        (2, "B-1", "create"), (3, "B-2", "create"), (4, "B-3", "create")]
    assert preview.rows[1].language == "de"  # the site's language when empty
    assert preview.rows[2].email == "hr@example.org"
    assert _people() == {}


def test_apply_creates_then_reimport_updates_by_employee_number(organisation):
    summary = apply_import(parse_staff_csv(GOOD.encode()), actor=None)
    db.session.commit()
    assert (summary.created, summary.updated) == (3, 0)
    people = _people()
    assert people["B-1"].department.name == "Front Office"
    assert people["B-2"].role == "supervisor"
    assert [d.name for d in people["B-2"].led_departments] == ["Spa"]
    assert people["B-3"].department is None and people["B-3"].language == "en"
    assert people["B-1"].password_hash is None

    changed = GOOD.replace("Jürgen;Weiß", "Jürgen;Weiss").replace("Spa;supervisor", "Spa;staff")
    preview = parse_staff_csv(changed.encode())
    assert [r.action for r in preview.rows] == ["update", "update", "unchanged"]
    assert preview.rows[0].changes == ["last_name"]
    summary = apply_import(preview, actor=None)
    db.session.commit()
    assert (summary.created, summary.updated) == (0, 2)
    people = _people()
    assert len(people) == 3
    assert people["B-1"].last_name == "Weiss"
    assert people["B-2"].role == "staff" and people["B-2"].led_departments == []
    assert db.session.scalar(
        sa.select(sa.func.count(AuditLog.id)).where(AuditLog.action == "user.imported")) == 5


def test_bom_and_comma_delimiter_are_accepted(organisation):
    data = ("\ufeff" + GOOD.replace(";", ",")).encode("utf-8")
    preview = parse_staff_csv(data)
    assert not preview.errors and not preview.file_errors
    assert preview.rows[0].first_name == "Jürgen"


def test_quoted_fields_with_the_delimiter_inside(organisation):
    data = HEADER + 'B-1;"Anna; Maria";Weiß;;berlin;"Front Office";staff;de\n'
    preview = parse_staff_csv(data.encode())
    assert not preview.errors
    assert preview.rows[0].first_name == "Anna; Maria"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (GOOD.encode("cp1252"), "not UTF-8"),
    (GOOD.encode("utf-16"), "not UTF-8"),
    (b"employee_number;first_name;last_name\nB-1;A;B\n", "Missing columns: email, site"),
    (HEADER.encode(), "no rows"),
    (b"\x00\x01binary", "not a CSV"),
])
def test_file_errors(organisation, data, message):
    preview = parse_staff_csv(data)
    assert preview.file_errors and message in preview.file_errors[0]
    assert not preview.rows or preview.errors == 0


def test_oversize_file_is_refused(organisation, monkeypatch):
    monkeypatch.setattr(staff_import, "MAX_BYTES", 100)
    preview = parse_staff_csv(GOOD.encode())
    assert "too large" in preview.file_errors[0]


def test_too_many_rows_is_refused(organisation, monkeypatch):
    monkeypatch.setattr(staff_import, "MAX_ROWS", 2)
    preview = parse_staff_csv(GOOD.encode())
    assert "Too many rows" in preview.file_errors[0]


def _errors(data: str, actor=None) -> dict[int, str]:
    preview = parse_staff_csv(data.encode(), actor=actor)
    assert not preview.file_errors
    return {row.line: " ".join(row.errors) for row in preview.rows}


def test_bad_rows_are_reported_per_line(organisation):
    make_user(Role.STAFF, email="taken@example.org")
    db.session.commit()
    errors = _errors(HEADER + (
        "B-1;Jürgen;Weiß;juergen@example.org;berlin;Front Office;staff;de\n"   # 2 fine
        "B-1;Again;Dup;;berlin;Front Office;staff;de\n"                         # 3
        "B-4;Same;Mail;JUERGEN@example.org;berlin;Front Office;staff;de\n"      # 4
        "B-5;Other;Owner;taken@example.org;berlin;Front Office;staff;de\n"      # 5
        "B-6;No;Site;;paris;Front Office;staff;de\n"                            # 6
        "B-7;No;Dept;;berlin;Kitchen;staff;de\n"                                # 7
        "B-8;Bad;Role;;berlin;Spa;chef;fr\n"                                    # 8
        f"B-9;{'x' * 81};Long;;berlin;Spa;staff;de\n"                           # 9
        ";;;not-an-email;berlin;Spa;staff;de\n"                                 # 10
        "B-11;Short;Row;;berlin\n"                                              # 11
        "B-12;No;Department;;berlin;;staff;de\n"                                # 12
    ))
    assert errors[2] == ""
    assert "also on line 2" in errors[3]
    assert "also on line 2" in errors[4]
    assert "belongs to another person" in errors[5]
    assert "Unknown site paris" in errors[6]
    assert "no department Kitchen" in errors[7]
    assert "Unknown role chef" in errors[8] and "Unknown language fr" in errors[8]
    assert "first_name is too long" in errors[9]
    assert "employee_number is missing" in errors[10] and "not a valid e-mail" in errors[10]
    assert "has 5 fields" in errors[11]
    assert "need a department" in errors[12]


def test_a_preview_with_errors_cannot_be_applied(organisation):
    preview = parse_staff_csv((GOOD + "B-1;Dup;Dup;;berlin;Spa;staff;de\n").encode())
    assert preview.errors == 1
    with pytest.raises(ValueError):
        apply_import(preview, actor=None)


def test_hr_cannot_import_admins(organisation, hr):
    errors = _errors(HEADER + "A-1;Ada;Admin;;berlin;;admin;en\n", actor=hr)
    assert "Only administrators" in errors[2]


# --- through the pages ----------------------------------------------------------------------


def test_upload_preview_then_confirm(hr_client, organisation):
    response = _upload(hr_client, GOOD.encode())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "3 to create, 0 to update, 0 unchanged" in html
    assert "Import now" in html and 'name="csv_text"' in html
    assert not any(number.startswith("B-") for number in _people())

    response = hr_client.post("/admin/people/import/confirm", data={"csv_text": GOOD})
    assert response.status_code == 302
    assert {"B-1", "B-2", "B-3"} <= _people().keys()
    page = hr_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "3 created, 0 updated" in page

    reimport = GOOD.replace("Zoë", "Zoe")
    response = _upload(hr_client, reimport.encode())
    assert "0 to create, 1 to update, 2 unchanged" in response.get_data(as_text=True)
    hr_client.post("/admin/people/import/confirm", data={"csv_text": reimport})
    assert _people()["B-2"].first_name == "Zoe"


def test_upload_with_bad_rows_shows_errors_and_no_confirm(hr_client, organisation):
    response = _upload(hr_client, (GOOD + "B-9;X;Y;;paris;Spa;staff;de\n").encode())
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Unknown site paris" in html and "1 row has an error" in html
    assert "Import now" not in html


def test_confirm_reparses_and_saves_nothing_when_a_row_is_bad(hr_client, organisation):
    bad = GOOD + "B-1;Dup;Dup;;berlin;Spa;staff;de\n"
    response = hr_client.post("/admin/people/import/confirm", data={"csv_text": bad})
    assert response.status_code == 400
    assert not any(n.startswith("B-") for n in _people())


def test_wrong_encoding_and_missing_columns_through_the_page(hr_client, organisation):
    response = _upload(hr_client, GOOD.encode("cp1252"))
    assert response.status_code == 400
    assert "not UTF-8" in response.get_data(as_text=True)
    response = _upload(hr_client, b"name;email\nA;b@example.org\n")
    assert response.status_code == 400
    assert "Missing columns" in response.get_data(as_text=True)


def test_upload_without_file_and_confirm_without_text_are_400(hr_client, organisation):
    response = hr_client.post("/admin/people/import", content_type="multipart/form-data",
                              data={})
    assert response.status_code == 400
    assert "Choose a CSV file" in response.get_data(as_text=True)
    assert hr_client.post("/admin/people/import/confirm", data={}).status_code == 400


def test_request_over_the_size_limit_is_413(app, hr_client, organisation):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = _upload(hr_client, GOOD.encode() * 50)
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)


def test_template_download(hr_client, organisation):
    response = hr_client.get("/admin/people/import/template.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    preview = parse_staff_csv(response.data)
    assert not preview.file_errors
    assert [r.employee_number for r in preview.rows] == ["B-2001", "N-2001"]


def test_staff_and_supervisors_cannot_import(staff_client, supervisor_client):
    for client in (staff_client, supervisor_client):
        assert client.get("/admin/people/import").status_code == 403
        assert client.post("/admin/people/import/confirm",
                           data={"csv_text": GOOD}).status_code == 403


# --- command line ---------------------------------------------------------------------------


def test_cli_import_dry_run_then_import(app, organisation, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes(GOOD.encode("utf-8-sig"))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-staff", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "line 2: B-1 create" in result.output and "Dry run" in result.output
    assert _people() == {}

    result = runner.invoke(args=["import-staff", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 created, 0 updated" in result.output
    assert set(_people()) == {"B-1", "B-2", "B-3"}

    result = runner.invoke(args=["import-staff", str(path)])
    assert "0 created, 0 updated" in result.output


def test_cli_refuses_a_file_with_errors(app, organisation, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes((GOOD + "B-1;Dup;Dup;;paris;Spa;staff;de\n").encode())
    result = app.test_cli_runner().invoke(args=["import-staff", str(path)])
    assert result.exit_code != 0
    assert "also on line 2" in result.output and "Unknown site paris" in result.output
    assert "Nothing was imported" in result.output
    assert _people() == {}

    path.write_bytes(GOOD.encode("cp1252"))
    result = app.test_cli_runner().invoke(args=["import-staff", str(path)])
    assert result.exit_code != 0 and "not UTF-8" in result.output


def test_parsing_costs_the_same_queries_for_1_and_50_rows(organisation):
    def rows(n: int) -> bytes:
        lines = [f"B-{i};First{i};Last{i};p{i}@example.org;berlin;Spa;staff;de" for i in range(n)]
        return (HEADER + "\n".join(lines) + "\n").encode()

    apply_import(parse_staff_csv(rows(50)), actor=None)
    db.session.commit()
    with count_queries() as one:
        parse_staff_csv(rows(1))
    with count_queries() as many:
        preview = parse_staff_csv(rows(100))
    assert preview.count("unchanged") == 50 and preview.count("create") == 50
    assert many.count == one.count
