"""Time helpers: the database stores naive UTC datetimes everywhere."""
from datetime import UTC, datetime


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)
