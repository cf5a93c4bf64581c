"""Error pages in the visitor's language."""
from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Please go back and try "
                                "again.")),
    403: (_l("Not allowed"), _l("You do not have permission to do this.")),
    404: (_l("Page not found"), _l("There is no page at this address. It may have moved, or the "
                                   "link may be mistyped.")),
    405: (_l("Not allowed"), _l("This page cannot be used this way.")),
    413: (_l("Too large"), _l("What you sent is larger than this site accepts. Please send a "
                              "smaller file or less text.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (_l("Something went wrong"), _l("An error on our side stopped this page. It has been "
                                         "logged; please try again later.")),
    503: (_l("Unavailable"), _l("The platform is not available right now. Please try again "
                                "later.")),
}


def render_error(code, detail=None):
    title, text = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    wants_json = request.accept_mimetypes.best == "application/json"
    if wants_json:
        return {"error": str(title), "status": code}, code
    return render_template("error.html", code=code, title=title, text=detail or text), code


def register_error_handlers(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, _l("This form has expired or was sent from another site. "
                                    "Please go back, reload the page and send it again."))

    @app.errorhandler(HTTPException)
    def http_error(error):
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500)
