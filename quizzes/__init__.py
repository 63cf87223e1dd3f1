from flask import Blueprint

bp = Blueprint("quizzes", __name__, url_prefix="/quizzes")
