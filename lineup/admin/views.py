"""People, sites and departments administration, the staff CSV import and the audit log."""

from __future__ import annotations

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..errors import render_error
from ..extensions import db
from ..forms import ActionForm
from ..hooks import hr_link
from ..models import Department, Role, Site, User
from ..permissions import get_or_404, role_required
from . import bp, services, staff_import
from .forms import (
    DepartmentForm,
    ImportConfirmForm,
    ImportUploadForm,
    NewPersonForm,
    PeopleFilterForm,
    PersonForm,
    SiteForm,
)


@hr_link(5)
def _hr_links(user: User) -> list[tuple[str, str]]:
    return [(_("People"), url_for("admin.people")),
            (_("Import staff (CSV)"), url_for("admin.import_staff"))]


def _page(stmt):
    return db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)


def _actor() -> User:
    return current_user._get_current_object()


@bp.errorhandler(IntegrityError)
def conflict(error: IntegrityError):
    """A unique e-mail, number or name taken by a concurrent request: nothing is saved."""
    db.session.rollback()
    return render_error(409, _("Someone else saved a conflicting change. Please try again."))


@bp.errorhandler(services.NotAllowed)
def not_allowed(error: services.NotAllowed):
    db.session.rollback()
    return render_error(403)


def _invite_url(token: str) -> str:
    return url_for("accounts.accept_invite", token=token, _external=True)


@bp.get("/")
@role_required(Role.HR)
def index():
    return render_template("admin/index.html")


# --- people ---------------------------------------------------------------------------------


@bp.get("/people")
@role_required(Role.HR)
def people():
    form = PeopleFilterForm(request.args)
    form.set_choices(services.all_sites(), services.all_departments())
    valid = form.validate()
    filters = services.PeopleFilter()
    if valid:
        filters = services.PeopleFilter(
            q=form.q.data or None, site_id=form.site.data, department_id=form.department.data,
            role=form.role.data or None,
            active={"1": True, "0": False}.get(form.active.data or ""),
        )
    page = _page(services.people_query(filters))
    return render_template("admin/people.html", form=form, page=page), 200 if valid else 400


def _person_form(form_class, **kwargs):
    form = form_class(**kwargs)
    form.set_choices(services.all_sites(), services.all_departments(),
                     include_admin=current_user.has_role(Role.ADMIN))
    return form


def _person_data(form: PersonForm) -> services.PersonData:
    return services.PersonData(
        employee_number=form.employee_number.data, first_name=form.first_name.data,
        last_name=form.last_name.data, display_name=form.display_name.data or None,
        email=form.email.data or None, role=form.role.data, site_id=form.site_id.data,
        department_id=form.department_id.data, language=form.language.data,
        led_department_ids=list(form.led_department_ids.data or []),
    )


def _refuse_admin_role(form: PersonForm) -> None:
    if request.method == "POST" and not services.can_assign_role(_actor(), form.role.raw_data[0]
                                                                 if form.role.raw_data else ""):
        abort(403)


@bp.route("/people/new", methods=["GET", "POST"])
@role_required(Role.HR)
def new_person():
    form = _person_form(NewPersonForm)
    _refuse_admin_role(form)
    if form.validate_on_submit():
        try:
            created = services.create_person(_person_data(form), actor=_actor(),
                                             access=form.access.data)
        except services.AdminError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            db.session.commit()
            flash(_("%(name)s was added.", name=created.user.full_name), "success")
            return render_template(
                "admin/access.html", person=created.user,
                invite_url=_invite_url(created.invite_token) if created.invite_token else None,
                temporary_password=created.temporary_password,
            )
    return render_template("admin/person_form.html", form=form, person=None), (
        400 if form.errors else 200
    )


def _administered_person(user_id: int) -> User:
    person = get_or_404(User, user_id)
    if not services.can_administer(_actor(), person):
        abort(403)
    return person


@bp.route("/people/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.HR)
def person(user_id: int):
    person = _administered_person(user_id)
    form = _person_form(PersonForm, obj=person)
    if request.method == "GET":
        form.led_department_ids.data = [d.id for d in person.led_departments]
    _refuse_admin_role(form)
    if form.validate_on_submit():
        try:
            changed = services.update_person(person, _person_data(form), actor=_actor())
        except services.AdminError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Saved.") if changed else _("Nothing changed."), "success")
            return redirect(url_for("admin.person", user_id=person.id))
    return render_template("admin/person_form.html", form=form, person=person,
                           action_form=ActionForm()), 400 if form.errors else 200


def _person_action(user_id: int) -> User:
    person = _administered_person(user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    return person


@bp.post("/people/<int:user_id>/deactivate")
@role_required(Role.HR)
def deactivate_person(user_id: int):
    person = _person_action(user_id)
    try:
        services.deactivate_person(person, actor=_actor())
    except services.AdminError as error:
        db.session.rollback()
        abort(400, description=error.message)
    db.session.commit()
    flash(_("%(name)s is deactivated and signed out everywhere.", name=person.full_name),
          "success")
    return redirect(url_for("admin.person", user_id=person.id))


@bp.post("/people/<int:user_id>/reactivate")
@role_required(Role.HR)
def reactivate_person(user_id: int):
    person = _person_action(user_id)
    services.reactivate_person(person, actor=_actor())
    db.session.commit()
    flash(_("%(name)s is active again.", name=person.full_name), "success")
    return redirect(url_for("admin.person", user_id=person.id))


@bp.post("/people/<int:user_id>/invite")
@role_required(Role.HR)
def invite_person(user_id: int):
    person = _person_action(user_id)
    try:
        token = services.resend_invite(person, actor=_actor())
    except services.AdminError as error:
        db.session.rollback()
        abort(400, description=error.message)
    db.session.commit()
    return render_template("admin/access.html", person=person, invite_url=_invite_url(token),
                           temporary_password=None)


@bp.post("/people/<int:user_id>/temporary-password")
@role_required(Role.HR)
def temporary_password(user_id: int):
    person = _person_action(user_id)
    password = services.set_temporary_password(person, actor=_actor())
    db.session.commit()
    return render_template("admin/access.html", person=person, invite_url=None,
                           temporary_password=password)


# --- staff import ---------------------------------------------------------------------------


@bp.route("/people/import", methods=["GET", "POST"])
@role_required(Role.HR)
def import_staff():
    form = ImportUploadForm()
    if form.validate_on_submit():
        preview = staff_import.parse_staff_csv(form.file.data.read(), actor=_actor())
        confirm = ImportConfirmForm(csv_text=preview.text)
        status = 200 if preview.ok else 400
        return render_template("admin/import_preview.html", preview=preview,
                               confirm=confirm), status
    return render_template("admin/import.html", form=form,
                           columns=staff_import.COLUMNS), 400 if form.errors else 200


@bp.post("/people/import/confirm")
@role_required(Role.HR)
def confirm_import():
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        abort(400, description=_("The import form was empty. Upload the file again."))
    preview = staff_import.parse_staff_csv(form.csv_text.data.encode("utf-8"), actor=_actor())
    if not preview.ok:
        return render_template("admin/import_preview.html", preview=preview,
                               confirm=ImportConfirmForm(csv_text=preview.text)), 400
    summary = staff_import.apply_import(preview, actor=_actor())
    db.session.commit()
    flash(_("Import saved: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.",
            created=summary.created, updated=summary.updated, unchanged=summary.unchanged),
          "success")
    return redirect(url_for("admin.people"))


@bp.get("/people/import/template.csv")
@role_required(Role.HR)
def import_template():
    return Response(
        "\ufeff" + staff_import.template_csv(), mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=lineup-staff-template.csv"},
    )


# --- sites and departments ------------------------------------------------------------------


@bp.get("/sites")
@role_required(Role.ADMIN)
def sites():
    page = _page(db.select(Site).order_by(Site.name))
    return render_template("admin/sites.html", page=page)


@bp.route("/sites/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_site():
    form = SiteForm()
    if form.validate_on_submit():
        try:
            site = services.create_site(form.name.data, form.slug.data, form.timezone.data,
                                        form.default_language.data, actor=_actor())
        except services.AdminError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Site %(name)s was created.", name=site.name), "success")
            return redirect(url_for("admin.site", site_id=site.id))
    return render_template("admin/site_form.html", form=form, site=None), (
        400 if form.errors else 200
    )


@bp.route("/sites/<int:site_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def site(site_id: int):
    site = get_or_404(Site, site_id)
    form = SiteForm(obj=site)
    if form.validate_on_submit():
        try:
            services.update_site(site, form.name.data, form.slug.data, form.timezone.data,
                                 form.default_language.data, actor=_actor())
        except services.AdminError as error:
            db.session.rollback()
            getattr(form, error.field).errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.site", site_id=site.id))
    departments = _page(services.site_departments_query(site))
    counts = services.head_counts([d.id for d in departments.items])
    return render_template("admin/site_form.html", form=form, site=site,
                           departments=departments, counts=counts), 400 if form.errors else 200


@bp.route("/sites/<int:site_id>/departments/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_department(site_id: int):
    site = get_or_404(Site, site_id)
    form = DepartmentForm()
    if form.validate_on_submit():
        try:
            services.create_department(site, form.name.data, actor=_actor())
        except services.AdminError as error:
            db.session.rollback()
            form.name.errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Department %(name)s was created.", name=form.name.data), "success")
            return redirect(url_for("admin.site", site_id=site.id))
    return render_template("admin/department_form.html", form=form, site=site,
                           department=None), 400 if form.errors else 200


@bp.route("/departments/<int:department_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def department(department_id: int):
    department = get_or_404(Department, department_id)
    form = DepartmentForm(obj=department)
    if form.validate_on_submit():
        try:
            services.rename_department(department, form.name.data, actor=_actor())
        except services.AdminError as error:
            db.session.rollback()
            form.name.errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("admin.site", site_id=department.site_id))
    return render_template("admin/department_form.html", form=form, site=department.site,
                           department=department), 400 if form.errors else 200


# --- audit log ------------------------------------------------------------------------------


@bp.get("/audit")
@role_required(Role.ADMIN)
def audit_log():
    return render_template("admin/audit.html", page=_page(services.audit_query()))
