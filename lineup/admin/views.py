from flask import render_template

from ..models import Role
from ..permissions import role_required
from . import bp


@bp.get("/")
@role_required(Role.HR)
def index():
    return render_template("admin/index.html")
