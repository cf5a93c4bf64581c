"""Demo content for `flask seed-demo`: the items the content plugins' demo offers for publication
(`PublishableKind.demo_items()`, the demo course) published once, with every package, on
SITE_URL."""
import click
from sqlalchemy import func, select

from lms import publishing
from lms.extensions import db
from lms.urls import external_url, site_request_context
from oer.models import OerRelease
from oer.services.publishing import PublishError, format_names, item_for, publish

# the demo accounts asked, in this order, to publish an item: its author first
PUBLISHERS = ("trainer", "admin")


def publish_demo(app, users=None, **extra):
    """Connected to `demo_seeded`: publish each demo item that has no release yet (an item
    published before, or withdrawn since, is left as it is), then say where the catalogue is."""
    users = users or {}
    with site_request_context(app):
        for kind in publishing.kinds(app).values():
            for item in kind.demo_items():
                if item_for(kind.name, kind.key(item)) is None:
                    publish_item(kind, item, users)
        listed = db.session.scalar(select(func.count()).select_from(OerRelease)
                                   .where(OerRelease.is_current.is_(True)))
        click.echo(f"Open educational resources: {listed} in the catalogue at "
                   f"{external_url('oer.index')}")


def publish_item(kind, item, users):
    """One line: what is being built (it takes a few seconds), then how it went."""
    click.echo(f"Publishing “{kind.title(item)}” as an open educational resource "
               f"({', '.join(format_names(kind))})…", nl=False)
    publisher = next((users[label] for label in PUBLISHERS
                      if label in users and kind.may_publish(users[label], item)), None)
    if publisher is None:
        click.echo(" not published: no demo account may publish it.")
        return
    try:
        release = publish(kind, item, publisher)
    except PublishError as error:
        click.echo(f" not published: {error}")
    else:
        click.echo(f" done: {external_url('oer.release_current', slug=release.item.slug)}")
