"""oer_0007_practices: the good-practice blueprints' rows survive the tables' renaming, both
ways, and new rows get ids after the copied ones."""
import flask_migrate
from sqlalchemy import select, text

from lms import create_app
from lms.extensions import db
from lms.models import User
from lms.timeutil import utcnow
from oer.models import Practice, PracticeComment
from tests.helpers import base_config

BEFORE = "oer_0006_catalogue_generation"
MAIN = ("id, title, summary, context_source, context, problem_source, problem, actor_types, "
        "actors_source, actors, steps_source, steps, resources_source, resources, "
        "success_factors_source, success_factors, challenges_source, challenges, "
        "evidence_source, evidence, transferability_source, transferability, integration_area, "
        "level, country, contact, language, licence, status, version, created_at, updated_at")


def rows(table, key):
    return db.session.execute(text(f"SELECT id, {key}, body FROM {table} ORDER BY id")).all()


def test_renaming_the_tables_keeps_the_blueprints(tmp_path, new_database_url):
    app = create_app(base_config(tmp_path, new_database_url()))
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        flask_migrate.downgrade(revision=BEFORE)
        user = User(email="author@example.org", display_name="An author", password_hash="x",
                    role="trainer", locale="en", timezone="", active=True)
        db.session.add(user)
        db.session.flush()
        values = {name: "" for name in MAIN.split(", ")}
        values.update(id=7, title="A welcome desk", actor_types="[]", steps='["<p>Ask</p>"]',
                      language="en", status="review", version=3, created_at=utcnow(),
                      updated_at=utcnow())
        db.session.execute(text(f"INSERT INTO oer_blueprint ({MAIN}) VALUES "
                                f"({', '.join(':' + name for name in values)})"), values)
        db.session.execute(text("INSERT INTO oer_blueprint_author (blueprint_id, user_id) "
                                "VALUES (7, :user)"), {"user": user.id})
        db.session.execute(text(
            "INSERT INTO oer_blueprint_comment (id, blueprint_id, author_id, event, body, "
            "created_at) VALUES (4, 7, :user, 'submitted', 'Please read it', :now)"),
            {"user": user.id, "now": utcnow()})
        db.session.commit()

        flask_migrate.upgrade(revision="heads")
        practice = db.session.get(Practice, 7)
        assert (practice.title, practice.status, practice.version) == ("A welcome desk",
                                                                        "review", 3)
        assert practice.steps == ["<p>Ask</p>"]
        assert [author.email for author in practice.authors] == ["author@example.org"]
        assert [comment.body for comment in practice.comments] == ["Please read it"]
        added = Practice(title="Another", created_by_id=user.id)
        db.session.add(added)
        db.session.add(PracticeComment(practice=practice, author_id=user.id, body="Thanks"))
        db.session.commit()
        assert added.id > 7
        assert db.session.scalar(select(PracticeComment.id).where(
            PracticeComment.body == "Thanks")) > 4
        db.session.remove()

        flask_migrate.downgrade(revision=BEFORE)
        assert db.session.execute(text("SELECT id, title FROM oer_blueprint ORDER BY id")).all() \
            == [(7, "A welcome desk"), (added.id, "Another")]
        assert rows("oer_blueprint_comment", "blueprint_id")[0] == (4, 7, "Please read it")
        assert len(rows("oer_blueprint_comment", "blueprint_id")) == 2
        assert db.session.execute(text(
            "SELECT blueprint_id FROM oer_blueprint_author")).scalars().all() == [7]
        db.session.remove()
        db.engine.dispose()
