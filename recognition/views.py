from flask import render_template

from lineup.permissions import signed_in

from . import bp


@bp.get("/board")
@signed_in
def board():
    return render_template("recognition/board.html")
