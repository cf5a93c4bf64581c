"""Forms admins use on accounts."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from lms.forms import options

ROLE_LABELS = {"learner": _l("Learner"), "trainer": _l("Trainer"), "admin": _l("Admin")}


class SiteRoleForm(FlaskForm):
    role = SelectField(_l("Site role"), choices=options(ROLE_LABELS.items()))
