"""seed-demo publishes the demo course as an open educational resource, once, with every
package, its links on SITE_URL."""
import io
import re
import zipfile

from sqlalchemy import func, select

from courses.demo import DEMO_SLUG
from lms.extensions import db
from oer.models import OerItem, OerRelease

TITLE = "Working together for regional inclusion"


def release_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count(OerRelease.id)))


def test_seed_demo_publishes_the_demo_course_once_with_its_downloads(app_factory):
    app = app_factory(SITE_URL="https://lms.example.org/platform")
    runner, client = app.test_cli_runner(), app.test_client()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert (f"“{TITLE}” as an open educational resource (imscc, scorm12, html, epub, pdf)… "
            f"done: https://lms.example.org/platform/oer/{DEMO_SLUG}/") in first.output
    catalogue = client.get("/oer/").get_data(as_text=True)
    assert TITLE in catalogue and f'href="/oer/{DEMO_SLUG}/"' in catalogue
    page = client.get(f"/oer/{DEMO_SLUG}/").get_data(as_text=True)
    downloads = re.findall(rf'<a download href="(/oer/{DEMO_SLUG}/v1/[^"/]+)"', page)
    assert len(downloads) == 5
    assert sorted(path.rsplit("/", 1)[1] for path in downloads) == sorted(
        f"{DEMO_SLUG}-v1{ending}" for ending in (
            ".imscc", "-scorm12.zip", "-html.zip", ".epub", ".pdf"))
    files = {}
    for path in downloads:
        response = client.get(path)
        assert response.status_code == 200, path
        files[path.rsplit("/", 1)[1]] = response.data
    # the packages link to the release on SITE_URL, not on the host of some request
    site = zipfile.ZipFile(io.BytesIO(files[f"{DEMO_SLUG}-v1-html.zip"]))
    assert f"https://lms.example.org/platform/oer/{DEMO_SLUG}/v1/" in \
        site.read("about.html").decode()
    with app.app_context():
        release = db.session.scalar(select(OerRelease).join(OerItem).where(
            OerItem.slug == DEMO_SLUG))
        assert release.number == 1 and release.is_current
        assert release.snapshot["source_url"] == \
            f"https://lms.example.org/platform/courses/{DEMO_SLUG}"
    count = release_count(app)

    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert "Publishing" not in second.output
    # the course, four blueprints and the action plan in implementation
    assert "Open educational resources: 6 in the catalogue at " \
        "https://lms.example.org/platform/oer/" in second.output
    assert release_count(app) == count
    assert client.get("/oer/").get_data(as_text=True).count(f'href="/oer/{DEMO_SLUG}/"') == \
        catalogue.count(f'href="/oer/{DEMO_SLUG}/"')


def test_a_withdrawn_demo_course_stays_withdrawn(app):
    from lms.models import User
    from lms.urls import site_request_context
    from oer.services.publishing import withdraw
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with site_request_context(app):
        release = db.session.scalar(select(OerRelease).join(OerItem).where(
            OerItem.slug == DEMO_SLUG))
        admin = db.session.scalar(select(User).where(User.role == "admin"))
        withdraw(release, "Not for this site.", admin)
        db.session.commit()
    count = release_count(app)
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert release_count(app) == count
    assert TITLE not in app.test_client().get("/oer/").get_data(as_text=True)


def test_without_the_courses_plugin_the_demo_publishes_no_course(app_factory):
    app = app_factory(LMS_PLUGINS=["oer"])
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Publishing" not in result.output
    assert "Open educational resources: 4 in the catalogue" in result.output
