"""Writing a comment or a reply on a plan's record."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from action_plans.services.comments import MAX_BODY


class CommentForm(FlaskForm):
    """A new thread on the record."""
    body = TextAreaField(_l("Comment"), description=_l(
        "Markdown: **bold**, *italic*, lists, links. To mention a member of the network, copy "
        "their mention from the list below, e.g. @[Ana Rossi](12): they get an email with a "
        "link to your comment."), validators=[
        DataRequired(message=_l("Please write your comment.")),
        Length(max=MAX_BODY, message=_l("A comment may have at most %(max)d characters."))])


class ReplyForm(FlaskForm):
    """A reply to a thread; made with the prefix `reply-<thread id>`, so every thread's form has
    fields of its own on the page."""
    body = TextAreaField(_l("Your reply"), validators=[
        DataRequired(message=_l("Please write your reply.")),
        Length(max=MAX_BODY, message=_l("A comment may have at most %(max)d characters."))])
