"""The core's registry of publishable content and the snapshot's plain-data round trip."""
import json

import pytest

from lms.plugins import Plugin, PluginError, install_plugins
from lms.publishing import PublishableKind, Snapshot
from tests.helpers.oer import sample_snapshot


def test_a_snapshot_survives_json_unchanged():
    snapshot = sample_snapshot(7)
    again = Snapshot.from_dict(json.loads(json.dumps(snapshot.to_dict())))
    assert again == snapshot
    assert [p.id for p in again.walk()] == [
        "module-1", "lesson-1", "lesson-2", "lesson-3", "quiz-1", "discussion-1"]


def test_a_kind_outside_its_plugins_prefix_is_refused(app):
    class Stray(PublishableKind):
        name = "elsewhere.thing"

    class Owner(Plugin):
        name = "owner_test"

        def publishable_kinds(self):
            return [Stray()]

    with pytest.raises(PluginError, match="elsewhere.thing"):
        install_plugins(app, [Owner()])


def test_a_plugins_kind_is_registered(app):
    class Thing(PublishableKind):
        name = "owner_test2.thing"

    class Owner(Plugin):
        name = "owner_test2"

        def publishable_kinds(self):
            return [Thing()]

    install_plugins(app, [Owner()])
    from lms.publishing import kind
    assert isinstance(kind("owner_test2.thing", app), Thing)


def test_releases_made_by_the_factory_are_stored(app, make_release):
    from lms.extensions import db
    from oer.models import OerRelease
    release_id = make_release()
    with app.app_context():
        release = db.session.get(OerRelease, release_id)
        assert release.is_current and release.item.current_release is release
        assert Snapshot.from_dict(release.snapshot).title == release.title
