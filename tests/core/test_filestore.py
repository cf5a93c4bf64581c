"""The core's content-addressed file store: one file per content, written whole or not at all."""
import hashlib
import io

import pytest

from lms.filestore import ContentStore


def test_the_same_content_is_kept_once_under_its_hash(app):
    store = ContentStore("test-store")
    with app.app_context():
        first = store.write(b"a template")
        again = store.write(b"a template")
        assert first == again == hashlib.sha256(b"a template").hexdigest()
        assert store.path_for(first).read_bytes() == b"a template"
        assert store.path_for(first).parent.name == first[:2]
        assert [p.name for p in store.root().rglob("*") if p.is_file()] == [first]


def test_a_stream_is_hashed_while_copied_and_leaves_no_partial_file(app):
    store = ContentStore("test-stream", fanout=False)
    data = b"x" * (3 * 1024 * 1024 + 7)
    with app.app_context():
        sha256, size = store.write_stream(io.BytesIO(data))
        assert (sha256, size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert store.path_for(sha256) == store.root() / sha256

        class Broken(io.BytesIO):
            def read(self, *args):
                raise OSError("disk went away")
        with pytest.raises(OSError):
            store.write_stream(Broken(b"never"))
        assert sorted(p.name for p in store.root().iterdir()) == [sha256]


def test_a_stored_file_is_served_with_a_strong_etag_and_kept_by_caches(app):
    store = ContentStore("test-send")
    with app.test_request_context("/"):
        sha256 = store.write(b"%PDF-1.4 tiny")
        response = store.send(sha256, "application/pdf", download_name="x.pdf",
                              as_attachment=True)
        response.direct_passthrough = False
        assert response.get_etag() == (sha256, False)
        assert response.cache_control.immutable and response.cache_control.max_age > 3e7
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.get_data() == b"%PDF-1.4 tiny"
