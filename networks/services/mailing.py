"""Mail to the people a step in a network concerns, each in their own language."""
from flask import url_for
from sqlalchemy import select

from lms import mail
from lms.extensions import db
from lms.models import User
from networks.models import Person


def notify(users, subject, text, link, message=""):
    """Send `text` (a lazy_gettext string) and `link` to each of `users`; `message` is quoted."""
    for user in users:
        mail.send(mail.compose(user.email, subject, "networks_notice", user.locale,
                               name=user.display_name, text=text, link=link, message=message))


def coordinators(network):
    return db.session.scalars(select(User).join(Person, Person.user_id == User.id).where(
        Person.network_id == network.id, Person.role == "coordinator")).all()


def home_link(network):
    return url_for("networks.home", slug=network.slug, _external=True)


def people_link(network):
    return url_for("networks.people", slug=network.slug, _external=True)
