"""Time helpers: the database stores naive UTC datetimes everywhere."""
from datetime import UTC, datetime

import pytz
from babel.dates import get_timezone_location
from flask import current_app, has_request_context
from flask_babel import get_timezone
from flask_login import current_user


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


# Time zones people of this platform live in: Europe's, and UTC.
def zone_names():
    return ["UTC"] + [zone for zone in pytz.common_timezones if zone.startswith("Europe/")]


def zone_choices(locale):
    """[(zone, label in `locale`)] sorted by label, for a select field."""
    choices = [(zone, zone if zone == "UTC" else
                f"{get_timezone_location(zone, locale=locale)} · {zone.split('/', 1)[1]}")
               for zone in zone_names()]
    return sorted(choices, key=lambda pair: pair[1])


def select_timezone():
    """Flask-Babel's choice: the signed-in person's zone, else the site's DEFAULT_TIMEZONE."""
    if has_request_context() and current_user and current_user.is_authenticated \
            and current_user.timezone:
        return current_user.timezone
    return current_app.config["DEFAULT_TIMEZONE"]


def local_to_utc(moment):
    """A naive datetime someone entered in their time zone, as naive UTC for the database."""
    if moment is None:
        return None
    return get_timezone().localize(moment).astimezone(UTC).replace(tzinfo=None)


def utc_to_local(moment):
    """A naive UTC datetime from the database, as naive local time for a form field."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(get_timezone()).replace(tzinfo=None)


def zone_label():
    """The current person's time zone, as shown beside times they enter."""
    return str(get_timezone())
