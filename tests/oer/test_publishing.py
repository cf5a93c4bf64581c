"""Publishing a course as numbered releases with packages, refusals, failures and withdrawal."""
import zipfile
from pathlib import Path

from lms.extensions import db
from tests.helpers.oer import (package_files, publish_url, releases, sha256_of,
                               temporary_files)


def test_publishing_a_course_makes_release_1_with_its_packages(app, client, auth, builders,
                                                               ready_course):
    course = ready_course(title="Working together")
    auth.login(course.trainer)
    page = client.get(publish_url(course))
    assert page.status_code == 200
    assert "Publish release 1" in page.get_data(as_text=True)

    response = client.post(publish_url(course))
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/oer/builds/1")
    response = client.get(response.headers["Location"])     # the build is done: the release
    assert response.headers["Location"].endswith("/oer/working-together/v1/")
    [release] = releases(app, course)
    assert release.number == 1 and release.is_current
    assert sorted(p.format for p in release.packages) == sorted(
        ["imscc", "scorm12", "html", "epub", "pdf"])
    root = Path(app.instance_path) / "oer" / "packages"
    for package in release.packages:
        suffix = builders.FORMATS[package.format].suffix
        assert package.filename == f"working-together-v1{suffix}"
        assert sha256_of(root / package.sha256) == package.sha256
        assert (root / package.sha256).stat().st_size == package.size
    assert temporary_files(app) == []
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "Release 1 has been published." in page.get_data(as_text=True)


def test_every_package_links_to_the_sites_address_not_the_publishers_host(app, client, auth,
                                                                          builders, ready_course):
    app.config["SITE_URL"] = "https://lms.example.org/region"
    course = ready_course(title="Public address")
    publisher_host = "http://127.0.0.1:5077"
    auth.login(course.trainer, base_url=publisher_host)
    assert client.post(publish_url(course), base_url=publisher_host).status_code == 302
    [release] = releases(app, course)
    root = Path(app.instance_path) / "oer" / "packages"
    landing = "https://lms.example.org/region/oer/public-address/v1/"
    source = f"https://lms.example.org/region/courses/{course.slug}"
    for package in release.packages:
        if package.format == "pdf":
            continue                  # compressed text: tests/oer/packages/test_pdf.py
        with zipfile.ZipFile(root / package.sha256) as archive:
            text = "".join(archive.read(name).decode() for name in archive.namelist()
                           if name.endswith((".html", ".xhtml", ".xml", ".opf")))
        assert "127.0.0.1:5077" not in text, package.format
        assert landing in text and source in text, package.format


def test_a_second_publication_makes_v2_and_v1_stays_downloadable(app, client, auth, builders,
                                                                 ready_course):
    course = ready_course(title="Two versions")
    auth.login(course.trainer)
    assert client.post(publish_url(course)).status_code == 302
    assert client.post(publish_url(course)).status_code == 302
    first, second = releases(app, course)
    assert (first.number, second.number) == (1, 2)
    assert not first.is_current and second.is_current
    download = client.get(f"/oer/{first.slug}/v1/{first.packages[0].filename}")
    assert download.status_code == 200
    page = client.get(f"/oer/{first.slug}/").get_data(as_text=True)
    assert "Release 2, published on" in page


def test_the_same_package_bytes_are_stored_once(app, client, auth, builders, ready_course):
    course = ready_course()
    auth.login(course.trainer)
    client.post(publish_url(course))
    client.post(publish_url(course))
    stored = package_files(app)
    hashes = {p.sha256 for r in releases(app, course) for p in r.packages}
    assert sorted(hashes) == stored


def test_a_failed_build_publishes_nothing_and_says_why(app, client, auth, builders,
                                                       ready_course):
    from courses.services.media import path_for
    course = ready_course(title="Broken media")
    with app.app_context():
        path_for(course.media_sha256).unlink()
    auth.login(course.trainer)
    response = client.post(publish_url(course), follow_redirects=True)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "could not be built" in page and "Nothing was published." in page
    assert "Back to publishing" in page
    assert releases(app, course) == []
    assert package_files(app) == [] and temporary_files(app) == []
    assert client.get("/oer/broken-media/").status_code == 404


def test_a_course_without_licence_or_summary_is_refused_with_the_list(app, client, auth,
                                                                      builders, ready_course):
    from courses.models import Course
    course = ready_course(summary="")
    with app.app_context():
        db.session.get(Course, course.id).licence = ""
        db.session.commit()
    auth.login(course.trainer)
    for response in (client.get(publish_url(course)), client.post(publish_url(course))):
        page = response.get_data(as_text=True)
        assert "This cannot be published yet" in page
        assert "no open licence" in page and "no summary" in page
        assert "Publish release 1" not in page
    assert releases(app, course) == []


def test_only_the_courses_trainers_and_admins_may_publish(app, client, auth, make_user,
                                                          builders, ready_course):
    course = ready_course()
    assert client.get(publish_url(course)).status_code == 302      # to the log-in page
    other = make_user(role="trainer")
    auth.login(other)
    assert client.get(publish_url(course)).status_code == 404
    assert client.post(publish_url(course)).status_code == 404
    assert releases(app, course) == []
    auth.logout()
    auth.login(make_user(role="admin"))
    assert client.post(publish_url(course)).status_code == 302


def test_unknown_kinds_and_items_answer_404(client, auth, make_user):
    auth.login(make_user(role="admin"))
    assert client.get("/oer/publish/nothing.here/1").status_code == 404
    assert client.get("/oer/publish/courses.course/999999").status_code == 404
    assert client.get("/oer/publish/courses.course/abc").status_code == 404


def test_withdrawing_keeps_the_page_stops_downloads_and_moves_current_back(
        app, client, auth, builders, ready_course):
    course = ready_course(title="Withdrawn one")
    auth.login(course.trainer)
    client.post(publish_url(course))
    client.post(publish_url(course))
    _first, second = releases(app, course)
    filename = second.packages[0].filename

    refused = client.post("/oer/withdrawn-one/v2/withdraw", data={"reason": ""})
    assert refused.status_code == 400
    assert "Please say why" in refused.get_data(as_text=True)

    response = client.post("/oer/withdrawn-one/v2/withdraw",
                           data={"reason": "A partner's name was wrong."})
    assert response.status_code == 302
    page = client.get("/oer/withdrawn-one/v2/").get_data(as_text=True)
    assert "This release was withdrawn on" in page
    assert "A partner&#39;s name was wrong." in page
    assert filename not in page
    gone = client.get(f"/oer/withdrawn-one/v2/{filename}")
    assert gone.status_code == 410
    assert "This release has been withdrawn" in gone.get_data(as_text=True)
    assert client.get(f"/oer/withdrawn-one/v2/{filename}.sha256").status_code == 410
    first, second = releases(app, course)
    assert first.is_current and not second.is_current
    assert "Release 1, published on" in client.get("/oer/withdrawn-one/").get_data(as_text=True)


def test_someone_else_cannot_withdraw(app, client, auth, make_user, builders, ready_course):
    course = ready_course(title="Kept")
    auth.login(course.trainer)
    client.post(publish_url(course))
    auth.logout()
    auth.login(make_user(role="trainer"))
    assert "Withdraw this release" not in client.get("/oer/kept/v1/").get_data(as_text=True)
    assert client.post("/oer/kept/v1/withdraw", data={"reason": "no"}).status_code == 404
    assert releases(app, course)[0].is_current


def test_publishing_and_withdrawing_are_audited(app, client, auth, builders, ready_course):
    from lms.models import AuditEvent
    course = ready_course(title="Audited")
    auth.login(course.trainer)
    client.post(publish_url(course))
    client.post("/oer/audited/v1/withdraw", data={"reason": "Outdated."})
    with app.app_context():
        events = [e.event for e in db.session.scalars(db.select(AuditEvent)).all()]
    assert "oer_published" in events and "oer_withdrawn" in events


def test_two_publications_at_the_same_moment_give_a_message_not_an_error(
        app, client, auth, builders, ready_course, monkeypatch):
    from oer.services import publishing
    course = ready_course(title="Raced")
    auth.login(course.trainer)
    assert client.post(publish_url(course)).status_code == 302
    # the other publisher's release 2 is stored while this one builds its own release 2
    monkeypatch.setattr(publishing, "next_number", lambda item: 1)
    response = client.post(publish_url(course), follow_redirects=True)
    assert response.status_code == 422
    assert "Someone else published this at the same moment" in response.get_data(as_text=True)
    assert [r.number for r in releases(app, course)] == [1]
    first = releases(app, course)[0]
    for package in first.packages:
        assert client.get(f"/oer/{first.slug}/v1/{package.filename}").status_code == 200
