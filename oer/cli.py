"""The oer plugin's commands for `flask --app lms`."""
import click
from flask.cli import with_appcontext

from lms import jobs
from lms.extensions import db
from oer.services.search import reindex_all


@click.command("oer-reindex")
@click.option("--background", is_flag=True, help="Leave the rebuild to the worker.")
@with_appcontext
def reindex_command(background):
    """Rebuild the catalogue's full-text index from the current releases."""
    if background:
        jobs.enqueue("oer.reindex")
        click.echo("The worker will rebuild the catalogue's search index.")
        return
    reindex_all()
    db.session.commit()
    click.echo("The catalogue's search index is rebuilt.")
