"""Downloads of packages: headers, checksums, 410 once withdrawn, and anonymous counts."""
import hashlib
from concurrent.futures import ThreadPoolExecutor

from lms.extensions import db
from tests.helpers.oer import publish_url, releases


def published(app, client, auth, ready_course, title="Download me"):
    course = ready_course(title=title)
    auth.login(course.trainer)
    assert client.post(publish_url(course)).status_code == 302
    auth.logout()
    [release] = releases(app, course)
    return release


def test_a_download_streams_the_stored_file_with_its_type_and_hash(app, client, auth,
                                                                   builders, ready_course):
    release = published(app, client, auth, ready_course)
    page = client.get("/oer/download-me/v1/").get_data(as_text=True)
    for package in release.packages:
        url = f"/oer/download-me/v1/{package.filename}"
        assert f'<a download href="{url}">' in page
        assert package.sha256 in page
        response = client.get(url)
        assert response.status_code == 200
        assert hashlib.sha256(response.data).hexdigest() == package.sha256
        assert response.mimetype == package.media_type
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert package.filename in response.headers["Content-Disposition"]
        assert response.headers["ETag"].strip('"') == package.sha256
        assert "max-age=31536000" in response.headers["Cache-Control"]
        again = client.get(url, headers={"If-None-Match": f'"{package.sha256}"'})
        assert again.status_code == 304


def test_the_checksum_file_names_the_hash_and_the_file(app, client, auth, builders,
                                                       ready_course):
    release = published(app, client, auth, ready_course)
    package = release.packages[0]
    response = client.get(f"/oer/download-me/v1/{package.filename}.sha256")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == f"{package.sha256}  {package.filename}\n"


def test_downloads_are_counted_per_format_without_who(app, client, auth, builders,
                                                      ready_course):
    from oer.models import OerDownload
    release = published(app, client, auth, ready_course)
    package = release.packages[0]
    url = f"/oer/download-me/v1/{package.filename}"
    for _ in range(3):
        assert client.get(url).status_code == 200
    client.get(url, headers={"If-None-Match": f'"{package.sha256}"'})   # a cache check
    assert client.head(url).status_code == 200
    client.get(url + ".sha256")
    with app.app_context():
        rows = db.session.scalars(db.select(OerDownload)).all()
        assert [(r.format, r.count) for r in rows] == [(package.format, 3)]
        assert {c.name for c in OerDownload.__table__.columns} == {
            "id", "release_id", "format", "day", "count"}
    page = client.get("/oer/download-me/v1/").get_data(as_text=True)
    assert "3 downloads" in page


def test_concurrent_downloads_are_all_counted(app, builders, ready_course, client, auth):
    from oer.models import OerDownload
    release = published(app, client, auth, ready_course)
    url = f"/oer/download-me/v1/{release.packages[0].filename}"

    def fetch(_):
        return app.test_client().get(url).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(fetch, range(12))) == {200}
    with app.app_context():
        assert db.session.scalar(db.select(db.func.sum(OerDownload.count))) == 12
