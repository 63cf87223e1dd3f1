"""Line-up completion reports for HR and supervisors, on screen and as CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import Response, abort, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from lineup.models import Department, Role, Site
from lineup.permissions import (
    can_manage_department,
    get_or_404,
    is_org_wide,
    manageable_departments,
    role_required,
)

from . import bp, reports, schedule


@dataclass
class Filters:
    start: date
    end: date
    site_id: int | None
    department_id: int | None
    flagged: bool
    page: int

    def args(self) -> dict:
        args = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if self.site_id:
            args["site"] = self.site_id
        if self.department_id:
            args["department"] = self.department_id
        if self.flagged:
            args["flagged"] = 1
        return args


def _date_arg(name: str, default: date) -> date:
    raw = request.args.get(name)
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, description=_("Dates must look like 2026-03-31."))


def _filters() -> Filters:
    today = schedule.site_today(current_user.site)
    end = _date_arg("end", today)
    start = _date_arg("start", end - timedelta(days=29))
    try:
        schedule.check_range(start, end)
    except schedule.ScheduleError as error:
        abort(400, description=str(error))
    site_id = request.args.get("site", type=int)
    department_id = request.args.get("department", type=int)
    if request.args.get("site") and site_id is None or (
            request.args.get("department") and department_id is None):
        abort(400, description=_("Unknown site or department."))
    if site_id is not None:
        get_or_404(Site, site_id)
    if department_id is not None:
        get_or_404(Department, department_id)
        if not can_manage_department(current_user, department_id):
            abort(403)
    return Filters(start, end, site_id, department_id, request.args.get("flagged") == "1",
                   max(request.args.get("page", 1, type=int), 1))


def _departments(filters: Filters) -> list[Department]:
    allowed = None if is_org_wide(current_user) else [
        d.id for d in manageable_departments(current_user)]
    return reports.scoped_departments(allowed, filters.site_id, filters.department_id)


@bp.get("/reports")
@role_required(Role.SUPERVISOR)
def report():
    filters = _filters()
    departments = _departments(filters)
    per_page = current_app.config["PAGE_SIZE"]
    report = reports.department_report(filters.start, filters.end, departments)
    people, total = reports.person_report(filters.start, filters.end, departments,
                                          flagged_only=filters.flagged, page=filters.page,
                                          per_page=per_page)
    choices = manageable_departments(current_user)
    sites = sorted({d.site for d in choices}, key=lambda s: s.name)
    return render_template("training/report.html", report=report, people=people, total=total,
                           filters=filters, pages=max(1, -(-total // per_page)),
                           department_choices=choices, sites=sites)


@bp.get("/reports/line-ups")
@role_required(Role.SUPERVISOR)
def report_lineups():
    filters = _filters()
    per_page = current_app.config["PAGE_SIZE"]
    rows, total = reports.lineup_report(filters.start, filters.end, _departments(filters),
                                        page=filters.page, per_page=per_page)
    choices = manageable_departments(current_user)
    sites = sorted({d.site for d in choices}, key=lambda s: s.name)
    return render_template("training/report_lineups.html", rows=rows, total=total,
                           filters=filters, pages=max(1, -(-total // per_page)),
                           department_choices=choices, sites=sites)


@bp.get("/reports/line-ups.csv")
@role_required(Role.SUPERVISOR)
def report_lineups_csv():
    filters = _filters()
    rows, _total = reports.lineup_report(filters.start, filters.end, _departments(filters),
                                         page=None)
    return _csv_response(reports.lineups_csv(rows), "line-ups", filters)


def _csv_response(text: str, name: str, filters: Filters) -> Response:
    filename = f"lineup-{name}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/reports/departments.csv")
@role_required(Role.SUPERVISOR)
def report_departments_csv():
    filters = _filters()
    report = reports.department_report(filters.start, filters.end, _departments(filters))
    return _csv_response(reports.departments_csv(report), "departments", filters)


@bp.get("/reports/people.csv")
@role_required(Role.SUPERVISOR)
def report_people_csv():
    filters = _filters()
    people, _total = reports.person_report(filters.start, filters.end, _departments(filters),
                                           flagged_only=filters.flagged, page=None)
    return _csv_response(reports.people_csv(people), "people", filters)


