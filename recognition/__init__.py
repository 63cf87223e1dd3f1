from flask import Blueprint

bp = Blueprint("recognition", __name__)
