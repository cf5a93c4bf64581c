"""Command-line tools: seed-demo, create-admin, cleanup and worker."""
import base64
import hashlib
import hmac

import click
from flask import current_app
from sqlalchemy import func, select

from lms import housekeeping
from lms.auth.passwords import hash_password, password_problem
from lms.extensions import db
from lms.jobs import run_worker
from lms.models import Membership, Organisation, User
from lms.organisations.services import unique_slug
from lms.signals import demo_seeded, demo_seeding
from lms.timeutil import utcnow


DEMO_ORGANISATIONS = [
    ("Stadt Musterstadt – Integrationsbüro", "public_authority", "DE", "Nordrhein-Westfalen",
     "The municipal integration office: reception, counselling and coordination of local actors."),
    ("Porta Aperta Cooperativa Sociale", "ngo", "IT", "Emilia-Romagna",
     "A social cooperative offering language courses, legal orientation and job coaching."),
    ("Tallaght Community Training Centre", "vet_provider", "IE", "Dublin",
     "Vocational training and work placements for newcomers and early school leavers."),
    ("Göç ve Uyum Derneği", "migrant_organisation", "TR", "İzmir",
     "A migrant-led association for integration, peer support and intercultural mediation."),
]

DEMO_ACCOUNTS = [
    # role shown, site role, email, name, locale, organisation index, organisation role
    ("admin", "admin", "admin@demo.example.org", "Ada Admin", "en", None, None),
    ("trainer", "trainer", "trainer@demo.example.org", "Teresa Trainer", "de", 0, "member"),
    ("learner", "learner", "learner@demo.example.org", "Luca Learner", "it", 1, "member"),
    ("organisation-admin", "learner", "orgadmin@demo.example.org", "Orla O'Brien", "en", 2,
     "admin"),
]


def demo_password(role):
    """A password derived from this instance's secret key: stable here, unknown elsewhere."""
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), f"demo-{role}".encode(),
                      hashlib.sha256).digest()
    return "demo-" + base64.b32encode(digest).decode()[:12].lower()


def seed_organisations():
    organisations = []
    for name, kind, country, region, description in DEMO_ORGANISATIONS:
        organisation = db.session.scalar(select(Organisation).where(Organisation.name == name))
        if organisation is None:
            organisation = Organisation(name=name, slug=unique_slug(name), kind=kind,
                                        country=country, region=region, description=description)
            db.session.add(organisation)
            db.session.flush()
        organisations.append(organisation)
    return organisations


def seed_account(spec, organisations):
    label, role, email, name, locale, org_index, org_role = spec
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, display_name=name, locale=locale, role=role,
                    email_verified_at=utcnow(), password_hash="")
        db.session.add(user)
    user.password_hash = hash_password(demo_password(label))
    user.active = True
    db.session.flush()
    if org_index is not None:
        organisation = organisations[org_index]
        found = db.session.scalar(select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id))
        if found is None:
            db.session.add(Membership(user=user, organisation=organisation, role=org_role,
                                      status="active"))
    return label, user


def register_commands(app):
    @app.cli.command("seed-demo")
    def seed_demo():
        """Create demo organisations, one account per role and the plugins' demo content
        (safe to run again). Prints one line per demo login, and plugins a line per step."""
        organisations = seed_organisations()
        accounts = [seed_account(spec, organisations) for spec in DEMO_ACCOUNTS]
        click.echo(f"Seeded {len(organisations)} organisations and {len(accounts)} accounts.")
        for label, user in accounts:
            click.echo(f"demo login: {label} {user.email} {demo_password(label)}")
        users = {label: user for label, user in accounts}
        app = current_app._get_current_object()
        demo_seeding.send(app, users=users, organisations=organisations)
        demo_seeded.send(app, users=users, organisations=organisations)
        db.session.commit()

    @app.cli.command("create-admin")
    @click.option("--email", prompt=True)
    @click.option("--name", prompt="Display name")
    @click.password_option()
    def create_admin(email, name, password):
        """Create a site admin, or make an existing account one."""
        email = email.strip().lower()
        problem = password_problem(password, email, name)
        if problem:
            raise click.ClickException(str(problem))
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if user is None:
            user = User(email=email, display_name=name.strip(), locale="en", role="admin",
                        email_verified_at=utcnow(), password_hash=hash_password(password))
            db.session.add(user)
            message = f"Created admin {email}."
        else:
            user.role, user.active = "admin", True
            user.password_hash = hash_password(password)
            user.email_verified_at = user.email_verified_at or utcnow()
            message = f"{email} is now an admin."
        db.session.commit()
        click.echo(message)

    @app.cli.command("cleanup")
    def cleanup():
        """Delete expired sessions and tokens, old log-in attempts and delivered mail (the
        worker also does this daily)."""
        counts = housekeeping.cleanup()
        db.session.commit()
        click.echo("Deleted " + ", ".join(f"{n} {label}" for label, n in counts.items()) + ".")

    @app.cli.command("worker")
    @click.option("--workers", default=2, show_default=True,
                  help="Jobs run at the same time (threads).")
    @click.option("--no-periodic", is_flag=True,
                  help="Leave scheduled jobs to another worker (run exactly one with them).")
    def worker(workers, no_periodic):
        """Run background jobs (package builds, mail, scheduled clean-up) until stopped."""
        queue = current_app.config.get("REDIS_URL") or "the SQLite queue in the instance folder"
        click.echo(f"Background worker: {workers} job(s) at a time from {queue}"
                   + ("" if no_periodic else ", and the scheduled jobs") + ".")
        run_worker(current_app._get_current_object(), workers=workers,
                   periodic=not no_periodic)
