"""`flask seed-demo` builds the demo organisation once; running it again changes nothing."""

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Department, Site, User, supervisor_departments

DEMO_ACCOUNTS = ("admin@lineup.demo", "hr@lineup.demo", "supervisor@lineup.demo",
                 "staff@lineup.demo")


def _counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in (Site.__table__, Department.__table__, User.__table__,
                      supervisor_departments)
    }


def test_seed_demo_is_idempotent_and_the_demo_accounts_sign_in(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    first = _counts()
    assert first["site"] == 2 and first["department"] >= 8 and first["user"] >= 40

    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert _counts() == first

    for email in DEMO_ACCOUNTS:
        response = client.post("/login", data={"identifier": email, "password": "lineup-demo"})
        assert response.status_code == 302, email
        assert client.get("/").status_code == 200
        client.post("/logout")

    staff = db.session.scalars(sa.select(User).where(User.email == "staff@lineup.demo")).one()
    assert (staff.language, staff.department.name, staff.site.slug) == (
        "de", "Front Office", "berlin")
    supervisor = db.session.scalars(
        sa.select(User).where(User.email == "supervisor@lineup.demo")).one()
    assert [(d.site.slug, d.name) for d in supervisor.led_departments] == [
        ("berlin", "Front Office")]
    assert db.session.scalars(
        sa.select(User).where(User.first_name == "Jürgen", User.last_name == "Weiß")).first()
