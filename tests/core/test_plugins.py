"""The plugin contract, proven with the sample plugins in tests/sample_plugins."""
import pytest
from sqlalchemy import inspect

from lms.extensions import db
from lms.invitations import InvitationKind
from lms.plugins import Plugin, PluginError
from lms.timeutil import utcnow

SOURCES = {"sample": "tests.sample_plugins.sample.plugin:SamplePlugin",
           "needy": "tests.sample_plugins.sample.plugin:NeedyPlugin",
           "broken": "tests.sample_plugins.broken:BrokenPlugin"}


def test_all_four_plugins_load_by_default_requirements_first(app):
    loaded = list(app.extensions["lms_plugins"])
    assert sorted(loaded) == ["action_plans", "courses", "networks", "oer"]
    assert loaded.index("networks") < loaded.index("action_plans")


def test_enabled_sample_plugin_contributes_every_part(app_factory, new_database_url):
    # a database of its own: the shared PostgreSQL test database has no sample tables
    app = app_factory(SQLALCHEMY_DATABASE_URI=new_database_url(), LMS_PLUGIN_SOURCES=SOURCES,
                      LMS_PLUGINS=["sample"])
    client = app.test_client()
    home = client.get("/").get_data(as_text=True)
    assert 'href="/sample/"' in home and "Sample section" in home
    assert "Sample writing" not in home          # nav filtered by can(): needs a log-in
    assert "Courses" not in home                  # only enabled plugins appear
    assert client.get("/sample/").status_code == 200
    assert client.get("/courses/").status_code == 404
    assert app.config["SAMPLE_GREETING"] == "hello"
    result = app.test_cli_runner().invoke(args=["sample-hello"])
    assert result.output.strip() == "hello from the sample plugin"
    with app.app_context():
        assert "sample_note" in inspect(db.engine).get_table_names()


def test_disabled_plugin_has_no_routes_and_no_tables(app_factory):
    app = app_factory(LMS_PLUGIN_SOURCES=SOURCES, LMS_PLUGINS=["courses"])
    assert app.test_client().get("/sample/").status_code == 404
    with app.app_context():
        assert "sample_note" not in inspect(db.engine).get_table_names()
    assert "sample.view" not in app.extensions["lms_permissions"].permissions


def test_missing_requirement_stops_startup_naming_both(app_factory):
    with pytest.raises(PluginError, match="'needy' requires plugin 'absent'"):
        app_factory(LMS_PLUGIN_SOURCES=SOURCES, LMS_PLUGINS=["needy"])


def test_requirement_not_enabled_stops_startup(app_factory):
    with pytest.raises(PluginError, match="'action_plans' requires plugin 'networks'"):
        app_factory(LMS_PLUGINS=["action_plans"])


def test_broken_import_stops_startup_naming_the_plugin(app_factory):
    with pytest.raises(PluginError, match="plugin 'broken' failed to load: ModuleNotFoundError"):
        app_factory(LMS_PLUGIN_SOURCES=SOURCES, LMS_PLUGINS=["broken"])


def test_unknown_plugin_name_stops_startup(app_factory):
    with pytest.raises(PluginError, match="'nonexistent' is named in LMS_PLUGINS"):
        app_factory(LMS_PLUGINS=["nonexistent"])


def test_plugins_are_read_from_the_environment(app_factory, monkeypatch):
    monkeypatch.setenv("LMS_PLUGINS", "courses, oer")
    app = app_factory()
    assert list(app.extensions["lms_plugins"]) == ["courses", "oer"]


def test_activity_reaches_listeners_and_reads_as_a_sentence(app_factory, new_database_url):
    from lms.activity import describe, record
    from lms.signals import activity
    app = app_factory(SQLALCHEMY_DATABASE_URI=new_database_url(), LMS_PLUGIN_SOURCES=SOURCES,
                      LMS_PLUGINS=["sample"])
    heard = []

    def listener(sender, **event):
        heard.append(event)

    with app.test_request_context(), activity.connected_to(listener, app):
        record("sample.noted", organisation_ids=[3], title="a note", url="/sample/", public=True)
        with pytest.raises(KeyError, match="unknown activity 'sample.unheard'"):
            record("sample.unheard")
        assert describe("sample.noted", "Ayşe", "a note") == "Ayşe noted a note"
        assert describe("gone.away", "Ayşe", "a note") == "Ayşe: a note"
    assert heard == [{"verb": "sample.noted", "actor": None, "organisation_ids": (3,),
                      "network_ids": (), "title": "a note", "url": "/sample/", "public": True}]


def test_plugin_adds_a_section_to_organisation_pages(app_factory, new_database_url):
    from lms.auth.passwords import hash_password
    from lms.models import Organisation, User
    from tests.helpers import PASSWORD, Auth
    from tests.sample_plugins.sample.plugin import SampleNote
    app = app_factory(SQLALCHEMY_DATABASE_URI=new_database_url(), LMS_PLUGIN_SOURCES=SOURCES,
                      LMS_PLUGINS=["sample"])
    with app.app_context():
        db.session.add_all([
            User(email="reader@example.org", display_name="Reader", role="learner",
                 password_hash=hash_password(PASSWORD), locale="en", active=True,
                 email_verified_at=utcnow()),
            Organisation(name="Noted Club", slug="noted", kind="ngo", country="DE"),
            Organisation(name="Quiet Club", slug="quiet", kind="ngo", country="DE"),
            SampleNote(text="Noted Club <b>meets</b> on Mondays")])
        db.session.commit()
    client = app.test_client()
    heading = "Sample notes on Noted Club"
    assert heading not in client.get("/organisations/noted").get_data(as_text=True)  # log-in
    assert Auth(client).login("reader@example.org").status_code == 302
    page = client.get("/organisations/noted").get_data(as_text=True)
    assert heading in page and "Noted Club &lt;b&gt;meets&lt;/b&gt; on Mondays" in page
    assert "Sample notes" not in client.get("/organisations/quiet").get_data(as_text=True)


def test_a_plugins_settings_come_from_the_environment_typed_as_their_defaults(
        app_factory, monkeypatch):
    monkeypatch.setenv("OAI_ADMIN_EMAIL", "oer@region.example.org")
    monkeypatch.setenv("OAI_PAGE_SIZE", "25")
    monkeypatch.setenv("COURSES_MEDIA_MAX_BYTES", '{"image": 1000}')
    app = app_factory()
    assert app.config["OAI_ADMIN_EMAIL"] == "oer@region.example.org"
    assert app.config["OAI_PAGE_SIZE"] == 25
    assert app.config["COURSES_MEDIA_MAX_BYTES"] == {"image": 1000}
    # a setting the app is given explicitly wins over the environment
    assert app_factory(OAI_PAGE_SIZE=7).config["OAI_PAGE_SIZE"] == 7


def test_a_plugin_setting_of_the_wrong_type_in_the_environment_stops_startup(
        app_factory, monkeypatch):
    monkeypatch.setenv("OAI_PAGE_SIZE", "many")
    with pytest.raises(PluginError, match="plugin 'oer': the environment variable "
                                          "OAI_PAGE_SIZE='many' should be a whole number"):
        app_factory()


class StrayInvitations(Plugin):
    name = "strayinv"

    def invitation_kinds(self):
        return [InvitationKind("courses.course", purpose="x", days_setting="INVITATION_DAYS",
                               endpoint="x", target=None, title=None, accept=None, lead="")]


def test_an_invitation_kind_outside_the_plugins_prefix_stops_the_start(app_factory):
    with pytest.raises(PluginError, match="'strayinv' declares invitation kind 'courses.course' "
                                          "outside its prefix"):
        app_factory(LMS_PLUGINS=["strayinv"],
                    LMS_PLUGIN_SOURCES={"strayinv": f"{__name__}:StrayInvitations"})
