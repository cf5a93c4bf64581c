"""Addresses a crawler made up: ids beyond any integer column, keys that are not ids, text the
database refuses. Each answers 404 (never a 500), on SQLite and PostgreSQL alike."""
import pytest

BIG = "999999999999999999999"


@pytest.fixture
def admin(client, auth, make_user):
    """A site admin: may publish and review anything, so only the address decides."""
    auth.login(make_user(role="admin"))
    return client


@pytest.mark.parametrize("path", [
    f"/oer/blueprints/{BIG}/", f"/oer/blueprints/{BIG}/edit", f"/oer/blueprints/{BIG}/review",
    f"/oer/builds/{BIG}", f"/oer/builds/{BIG}.json", f"/oer/sample-resource-1/v{BIG}/",
    f"/oer/sample-resource-1/v{BIG}/x.pdf", "/oer/%00/", "/oer/Sample/"])
def test_a_page_with_an_impossible_address_is_not_found(admin, make_release, path):
    make_release()
    assert admin.get(path).status_code == 404


@pytest.mark.parametrize("kind", ["courses.course", "oer.blueprint"])
@pytest.mark.parametrize("key", [
    BIG, "2147483648", "0", "-1", "01", "%C2%B2", "%D9%A3", "1%00", "x" * 300])
def test_publishing_an_item_whose_key_no_id_spells_is_not_found(admin, kind, key):
    """The publishing page takes the item's key as text; each kind reads an id from it only
    within the database's range (a huge one overflowed, "²" broke int())."""
    assert admin.get(f"/oer/publish/{kind}/{key}").status_code == 404
    assert admin.post(f"/oer/publish/{kind}/{key}").status_code == 404


def test_a_blueprint_with_an_ordinary_id_still_opens(admin):
    response = admin.post("/oer/blueprints/new", data={"title": "A welcome desk",
                                                         "language": "en",
                                                         "licence": "CC-BY-SA-4.0"})
    assert response.status_code == 302
    address = response.headers["Location"]
    assert address.rstrip("/").split("/")[-1].isdecimal()
    assert admin.get(address).status_code == 200
    assert admin.get(address + "edit").status_code == 200
