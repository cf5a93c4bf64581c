"""The action plans plugin's commands for `flask --app lms`."""
import click
from flask import current_app
from flask.cli import AppGroup

from action_plans.services.reminders import send_reminders
from lms.urls import site_request_context

commands = AppGroup("action-plans", help="Regional action plans.")


@commands.command("remind")
def remind_command():
    """Mail each lead today's digest of overdue actions and measurements due (once a day)."""
    with site_request_context(current_app._get_current_object()):
        sent, skipped = send_reminders()
    click.echo(f"Reminders: {sent} sent, {skipped} people already reminded today.")
