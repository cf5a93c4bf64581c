"""`seed-demo` adds a regional network of eight organisations of every type, once."""
from sqlalchemy import func, select

from lms.extensions import db
from lms.models import Organisation
from networks.models import Event, Member, Network, Person


def counts(app):
    with app.app_context():
        return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
                for model in (Network, Member, Person, Event, Organisation)}


def test_seed_demo_adds_the_network_once(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    after_first = counts(app)
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert counts(app) == after_first
    with app.app_context():
        network = db.session.scalar(select(Network))
        kinds = db.session.scalars(select(Organisation.kind).join(Member).where(
            Member.network_id == network.id)).all()
        roles = set(db.session.scalars(select(Person.role)))
    assert len(kinds) >= 8 and len(set(kinds)) == 8
    assert roles == {"coordinator", "editor", "contributor", "viewer"}
    assert after_first["Event"] >= 5
    for label in ("network-editor", "network-contributor", "network-viewer"):
        line = next(x for x in second.output.splitlines() if x.startswith(f"demo login: {label}"))
        _, _, _, email, password = line.split()
        client = app.test_client()
        assert client.post("/login", data={"email": email, "password": password}).status_code \
            == 302
        page = client.get(f"/networks/{network.slug}").get_data(as_text=True)
        assert f'action="/networks/{network.slug}/leave"' in page   # a member
