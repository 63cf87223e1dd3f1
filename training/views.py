from flask import render_template

from lineup.permissions import signed_in

from . import bp


@bp.get("/")
@signed_in
def index():
    return render_template("training/index.html")
