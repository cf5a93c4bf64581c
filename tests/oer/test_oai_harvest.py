"""Harvesting the OAI-PMH endpoint: selective harvesting, paging with resumption tokens, and a
real harvester (Sickle) against a live server."""
import itertools
import re
from datetime import datetime

import pytest
import time_machine
from sickle import Sickle
from sickle.oaiexceptions import IdDoesNotExist, NoRecordsMatch

from lms.extensions import db
from tests.helpers.oer import CONFIG, NS, error_code, identifier, identifiers


SLUGS = itertools.count(1)


@pytest.fixture
def app(app_factory):
    """CSRF protection on, as in production: harvesters POST without a token."""
    return app_factory(WTF_CSRF_ENABLED=True, **CONFIG)


def dated(make_release, *moments, **fields):
    """One release per moment, changed then; their slugs, in order."""
    slugs = [f"dated-{next(SLUGS)}" for _ in moments]
    for slug, moment in zip(slugs, moments):
        make_release(slug=slug, published_at=moment, **fields)
    return slugs


def listed(oai, **arguments):
    return identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **arguments))


def test_from_and_until_are_inclusive_in_days_and_seconds(oai, make_release):
    slugs = dated(make_release, datetime(2024, 3, 1, 9, 0, 0), datetime(2024, 3, 2, 23, 59, 59),
                  datetime(2024, 3, 3, 0, 0, 0), datetime(2024, 3, 4, 12, 0, 0, 500000))
    ids = [identifier(slug) for slug in slugs]
    assert listed(oai, from_="2024-03-02") == ids[1:]
    assert listed(oai, until="2024-03-02") == ids[:2]
    assert listed(oai, from_="2024-03-02", until="2024-03-03") == ids[1:3]
    assert listed(oai, from_="2024-03-02T23:59:59Z") == ids[1:]
    assert listed(oai, from_="2024-03-03T00:00:00Z", until="2024-03-03T00:00:00Z") == ids[2:3]
    assert listed(oai, until="2024-03-02T23:59:58Z") == ids[:1]
    # a datestamp shows whole seconds: 12:00:00.5 is 12:00:00 for from and until alike
    assert listed(oai, from_="2024-03-04T12:00:00Z", until="2024-03-04T12:00:00Z") == ids[3:]
    assert listed(oai, from_="2024-03-04T12:00:01Z") == []


def test_sets_select_records(oai, make_release):
    course, = dated(make_release, datetime(2024, 1, 1))
    study, = dated(make_release, datetime(2024, 1, 2), resource_type="case_study",
                   language="de")
    german, = dated(make_release, datetime(2024, 1, 3), language="de")
    assert listed(oai, set="type:case_study") == [identifier(study)]
    assert listed(oai, set="type:course") == [identifier(course), identifier(german)]
    assert listed(oai, set="language:de") == [identifier(study), identifier(german)]
    assert listed(oai, set="type") == [identifier(s) for s in (course, study, german)]
    assert listed(oai, set="language:de", from_="2024-01-03") == [identifier(german)]
    tree = oai(verb="ListRecords", metadataPrefix="oai_dc", set="language:tr")
    assert error_code(tree) == "noRecordsMatch"


def follow(oai, verb, token=None, **arguments):
    """Every page of a list from its start (or from `token`): [(identifiers, token element)]."""
    pages = []
    tree = oai(verb=verb, resumptionToken=token) if token else \
        oai(verb=verb, metadataPrefix="oai_dc", **arguments)
    while True:
        token = tree.find(f".//o:{verb}/o:resumptionToken", NS)
        pages.append((identifiers(tree), token))
        if token is None or not token.text:
            return pages
        tree = oai(verb=verb, resumptionToken=token.text)


def test_paging_follows_tokens_to_the_end(app, oai, make_release):
    assert app.config["OAI_PAGE_SIZE"] == 100
    # most releases share one moment: the position must not depend on changed_at alone
    moments = [datetime(2024, 5, 1)] * 200 + [datetime(2024, 5, 2, 0, 0, n) for n in range(50)]
    slugs = dated(make_release, *moments)
    pages = follow(oai, "ListRecords")
    assert [len(ids) for ids, _ in pages] == [100, 100, 50]
    assert [token.get("cursor") for _, token in pages] == ["0", "100", "200"]
    assert {token.get("completeListSize") for _, token in pages} == {"250"}
    assert all(token.get("expirationDate") for _, token in pages[:2])
    assert pages[-1][1].text is None and "expirationDate" not in pages[-1][1].attrib
    harvested = [i for ids, _ in pages for i in ids]
    assert harvested == [identifier(slug) for slug in slugs]


def test_one_page_needs_no_token(oai, make_release):
    make_release()
    tree = oai(verb="ListRecords", metadataPrefix="oai_dc")
    assert tree.find(".//o:resumptionToken", NS) is None


def test_releases_changed_during_a_harvest_neither_shift_nor_repeat_pages(app, oai,
                                                                          make_release):
    from oer.models import OerItem, OerRelease
    app.config["OAI_PAGE_SIZE"] = 2
    slugs = dated(make_release, *[datetime(2024, 1, 1, 0, 0, n) for n in range(5)])
    first = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="type")
    token = first.findtext(".//o:resumptionToken", namespaces=NS)
    # meanwhile: one earlier-listed release is withdrawn, another one is published
    with app.app_context():
        withdrawn = db.session.scalar(db.select(OerRelease).join(OerRelease.item)
                                      .where(OerItem.slug == slugs[0]))
        withdrawn.withdrawn_at = withdrawn.changed_at = datetime(2024, 1, 2)
        db.session.commit()
    new, = dated(make_release, datetime(2024, 1, 3))
    harvested = identifiers(first) + [
        i for ids, _ in follow(oai, "ListIdentifiers", token=token) for i in ids]
    # nothing skipped or repeated; the withdrawal comes again at the end, as a deletion
    assert harvested == [identifier(s) for s in slugs] + [identifier(slugs[0]), identifier(new)]


def test_a_page_of_records_takes_a_fixed_number_of_queries(app, client, make_release,
                                                           count_queries):
    from oer.models import OerPackage
    dated(make_release, *[datetime(2024, 1, 1, 0, n) for n in range(60)])
    with app.app_context():
        db.session.add_all(OerPackage(release_id=n, format=f, filename=f"x.{f}", size=1,
                                      media_type=media_type, sha256="0" * 64)
                           for n in range(1, 61)
                           for f, media_type in (("html", "application/zip"),
                                                 ("epub", "application/epub+zip")))
        db.session.commit()
    counts = {}
    for size in (5, 25):
        app.config["OAI_PAGE_SIZE"] = size
        with count_queries() as first:
            response = client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc")
        token = re.search(rb"<resumptionToken[^>]*>([^<]+)<", response.data)[1].decode()
        with count_queries() as following:
            response = client.get(f"/oai?verb=ListRecords&resumptionToken={token}")
        assert response.data.count(b"<record>") == size
        assert response.data.count(b"<dc:format>") == 2 * size
        counts[size] = (first.count, following.count)
    assert counts[5] == counts[25]
    # releases with their items, their packages, and the size of the complete list
    assert counts[5] == (3, 3)


# -- a real harvester -----------------------------------------------------------------------

@pytest.fixture
def repository(app, make_release):
    """Seven releases in two types and three languages, one withdrawn; their identifiers."""
    app.config["OAI_PAGE_SIZE"] = 3
    made = dated(make_release, *[datetime(2024, 2, n) for n in range(1, 4)])
    made += dated(make_release, datetime(2024, 2, 4), datetime(2024, 2, 5),
                  resource_type="case_study", language="it")
    made += dated(make_release, datetime(2024, 2, 6), language="tr")
    with time_machine.travel(datetime(2024, 3, 1), tick=False):
        gone, = dated(make_release, datetime(2024, 2, 7), withdrawn=True)
    host = "oai:127.0.0.1:"
    return {"current": [f"{host}{slug}/v1" for slug in made], "deleted": f"{host}{gone}/v1"}


@pytest.mark.parametrize("http_method", ["GET", "POST"])
def test_sickle_harvests_every_record(live_server, repository, http_method):
    sickle = Sickle(live_server + "/oai", http_method=http_method)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    assert len(records) == 7      # pages of 3 + 3 + 1
    assert {r.header.identifier for r in records} == \
        set(repository["current"]) | {repository["deleted"]}
    assert len({r.header.identifier for r in records}) == len(records)
    deleted = [r.header.identifier for r in records if r.header.deleted]
    assert deleted == [repository["deleted"]]
    first = records[0]
    assert first.metadata["title"] == ["Sample resource 1"]
    assert first.metadata["rights"] == ["CC BY-SA 4.0",
                                        "https://creativecommons.org/licenses/by-sa/4.0/"]
    assert first.metadata["identifier"][0].startswith(live_server + "/oer/")
    kept = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=True))
    assert len(kept) == 6


def test_sickle_reads_identify_sets_and_one_record(live_server, repository):
    sickle = Sickle(live_server + "/oai")
    identify = sickle.Identify()
    assert identify.repositoryName == "Inclusion OER repository"
    assert identify.baseURL == live_server + "/oai"
    assert identify.deletedRecord == "persistent"
    assert identify.earliestDatestamp == "2024-02-01T00:00:00Z"
    sets = {s.setSpec: s.setName for s in sickle.ListSets()}
    assert sets == {"type": "Resource types", "type:course": "Courses",
                    "type:case_study": "Case studies", "language": "Languages",
                    "language:en": "English", "language:it": "Italian",
                    "language:tr": "Turkish"}
    italian = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="language:it"))
    assert [h.identifier for h in italian] == repository["current"][3:5]
    record = sickle.GetRecord(identifier=repository["current"][5], metadataPrefix="oai_dc")
    assert record.metadata["language"] == ["tr"]
    assert record.header.setSpecs == ["type:course", "language:tr"]


def test_sickle_meets_the_protocol_errors(live_server, repository):
    sickle = Sickle(live_server + "/oai")
    with pytest.raises(IdDoesNotExist):
        sickle.GetRecord(identifier="oai:127.0.0.1:nothing-here/v1", metadataPrefix="oai_dc")
    with pytest.raises(NoRecordsMatch):
        sickle.ListRecords(metadataPrefix="oai_dc", set="type:assessment")
    with pytest.raises(NoRecordsMatch):
        sickle.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2025-01-01"})
