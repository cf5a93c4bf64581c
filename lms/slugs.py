"""Web addresses from names: `slugify()` and `unique_slug()` for any model with a slug column."""
import re
import unicodedata

from sqlalchemy import select

from lms.extensions import db


def slugify(text, fallback):
    """Lower-case ASCII letters and digits joined by dashes; `fallback` when nothing is left."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:200] or fallback


def unique_slug(model, text, *, fallback, reserved=frozenset(), keep=None):
    """A slug for `text` that no other row of `model` holds and that names no page (`reserved`).

    `keep` is the row being renamed: its own slug does not count as taken.
    """
    base = slugify(text, fallback)
    slug, number = base, 2
    while slug in reserved or _taken(model, slug, keep):
        slug, number = f"{base}-{number}", number + 1
    return slug


def _taken(model, slug, keep):
    query = select(model.id).where(model.slug == slug)
    if keep is not None:
        query = query.where(model.id != keep.id)
    return db.session.scalar(query) is not None
