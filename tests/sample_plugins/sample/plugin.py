"""The sample plugin: every part of the contract, in miniature."""
from pathlib import Path

import click
from flask import Blueprint, render_template
from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, mapped_column

from lms.activity import ActivityKind
from lms.extensions import db
from lms.nav import HomeSection, NavItem, OrganisationSection
from lms.permissions import EVERYONE, SIGNED_IN, Permission, require
from lms.plugins import Plugin

bp = Blueprint("sample", __name__, url_prefix="/sample", template_folder="templates")


@bp.route("/")
@require("sample.view")
def index():
    notes = db.session.scalars(select(SampleNote.text)).all()
    return render_template("sample/index.html", notes=notes)


def notes_about(organisation):
    """The sample's organisation section: notes that name the organisation, if any."""
    notes = db.session.scalars(select(SampleNote.text).where(
        SampleNote.text.contains(organisation.name, autoescape=True))).all()
    return {"notes": notes} if notes else None


class SampleNote(db.Model):
    __tablename__ = "sample_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))


@click.command("sample-hello")
def hello():
    """Say hello from the sample plugin."""
    click.echo("hello from the sample plugin")


class SamplePlugin(Plugin):
    name = "sample"
    default_config = {"SAMPLE_GREETING": "hello"}

    @property
    def migrations_folder(self):
        return Path(__file__).parent / "migrations"

    def blueprints(self):
        return [bp]

    def permissions(self):
        return [Permission("sample.view", "See the sample", EVERYONE),
                Permission("sample.write", "Write samples", SIGNED_IN)]

    def nav_items(self):
        return [NavItem("Sample", "sample.index", "sample.view", order=50),
                NavItem("Sample writing", "sample.index", "sample.write", order=51)]

    def home_sections(self):
        return [HomeSection("Sample section", "A sample plugin.", "sample.index", "sample.view",
                            "Open the sample")]

    def organisation_sections(self):
        return [OrganisationSection("sample/_organisation.html", "sample.write", notes_about)]

    def cli_commands(self):
        return [hello]

    def activity_kinds(self):
        return [ActivityKind("sample.noted", "%(actor)s noted %(title)s")]


class NeedyPlugin(Plugin):
    """Requires a plugin that is not installed."""
    name = "needy"
    requires = ("absent",)
