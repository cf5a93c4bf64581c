"""The OAI-PMH endpoint: every verb and every error, each response valid against the schemas."""
from datetime import datetime

import pytest
import time_machine
from lxml import etree

from lms.extensions import db
from tests.helpers.oer import (CONFIG, NS, OAI_DC, error_code, identifier, identifiers,
                               sample_snapshot, texts)


@pytest.fixture
def app(app_factory):
    return app_factory(**CONFIG)


def test_identify_describes_the_repository(oai, make_release):
    make_release(published_at=datetime(2024, 3, 1, 9, 30, 15))
    make_release(published_at=datetime(2025, 1, 1))
    tree = oai(verb="Identify")
    identify = tree.find("o:Identify", NS)
    assert identify.findtext("o:repositoryName", namespaces=NS) == "Inclusion OER repository"
    assert identify.findtext("o:baseURL", namespaces=NS) == "http://localhost/oai"
    assert identify.findtext("o:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("o:adminEmail", namespaces=NS) == "oer-admin@example.org"
    assert identify.findtext("o:earliestDatestamp", namespaces=NS) == "2024-03-01T09:30:15Z"
    assert identify.findtext("o:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert tree.find("o:request", NS).attrib == {"verb": "Identify"}


def test_response_date_is_utc_now(oai):
    with time_machine.travel(datetime(2026, 5, 4, 3, 2, 1), tick=False):
        tree = oai(verb="Identify")
    assert tree.findtext("o:responseDate", namespaces=NS) == "2026-05-04T03:02:01Z"


def test_metadata_formats_with_and_without_an_identifier(oai, make_release):
    make_release()
    for arguments in ({}, {"identifier": identifier("sample-resource-1")}):
        tree = oai(verb="ListMetadataFormats", **arguments)
        formats = tree.findall(".//o:metadataFormat", NS)
        assert [f.findtext("o:metadataPrefix", namespaces=NS) for f in formats] == ["oai_dc"]
        assert formats[0].findtext("o:metadataNamespace", namespaces=NS) == OAI_DC


def test_sets_are_the_types_and_languages_in_the_repository(oai, make_release):
    make_release()
    make_release(resource_type="case_study", language="de")
    tree = oai(verb="ListSets")
    sets = {s.findtext("o:setSpec", namespaces=NS): s.findtext("o:setName", namespaces=NS)
            for s in tree.iterfind(".//o:set", NS)}
    assert sets == {"type": "Resource types", "type:course": "Courses",
                    "type:case_study": "Case studies", "language": "Languages",
                    "language:en": "English", "language:de": "German"}


def add_package(release_id, fmt, media_type):
    from oer.models import OerPackage
    db.session.add(OerPackage(release_id=release_id, format=fmt, filename=f"x.{fmt}",
                              media_type=media_type, size=10, sha256="0" * 64))
    db.session.commit()


def test_a_record_in_dublin_core(app, oai, make_release):
    release_id = make_release(
        slug="working-with-partners", language="de", title="Mit Partnern arbeiten",
        description="Wie Netzwerke entstehen.", authors=["Ada Trainer", "Bo Coach"],
        organisations=["Verein A", "Verein B"], keywords=["Netzwerke"], licence="CC-BY-4.0",
        published_at=datetime(2024, 6, 7, 8, 9, 10))
    with app.app_context():
        add_package(release_id, "epub", "application/epub+zip")
        add_package(release_id, "imscc", "application/vnd.ims.imsccv1p1")
    tree = oai(verb="GetRecord", identifier=identifier("working-with-partners"),
               metadataPrefix="oai_dc")
    record = tree.find(".//o:record", NS)
    assert identifiers(tree) == ["oai:localhost:working-with-partners/v1"]
    assert record.findtext(".//o:datestamp", namespaces=NS) == "2024-06-07T08:09:10Z"
    assert [e.text for e in record.iterfind(".//o:setSpec", NS)] == ["type:course", "language:de"]
    assert texts(record, "title") == ["Mit Partnern arbeiten"]
    assert texts(record, "creator") == ["Ada Trainer", "Bo Coach"]
    assert texts(record, "publisher") == ["Verein A", "Verein B"]
    assert texts(record, "subject") == ["Netzwerke"]
    assert texts(record, "description") == ["Wie Netzwerke entstehen."]
    assert texts(record, "date") == ["2024-06-07"]
    assert texts(record, "type") == ["course", "InteractiveResource"]
    assert texts(record, "format") == ["application/epub+zip", "application/vnd.ims.imsccv1p1"]
    assert texts(record, "identifier") == ["http://localhost/oer/working-with-partners/v1/"]
    assert texts(record, "language") == ["de"]
    assert texts(record, "rights") == ["CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"]


def test_a_resource_without_quizzes_is_text(oai, make_release):
    make_release(parts=[], resource_type="guide", licence="CC0-1.0")
    record = oai(verb="GetRecord", identifier=identifier("sample-resource-1"),
                 metadataPrefix="oai_dc")
    assert texts(record, "type") == ["guide", "Text"]
    assert texts(record, "rights") == ["CC0 1.0",
                                       "https://creativecommons.org/publicdomain/zero/1.0/"]


def test_every_release_is_a_record_of_its_own(oai, make_release):
    make_release(slug="evolving")
    make_release(snapshot=sample_snapshot(1, title="Second edition"))
    tree = oai(verb="ListRecords", metadataPrefix="oai_dc")
    assert identifiers(tree) == [identifier("evolving", 1), identifier("evolving", 2)]
    assert [texts(r, "title") for r in tree.iterfind(".//o:record", NS)] == [
        ["Sample resource 1"], ["Second edition"]]


def test_a_withdrawn_release_is_a_deleted_record(oai, make_release):
    make_release()
    with time_machine.travel(datetime(2030, 1, 2, 3, 4, 5), tick=False):
        make_release(withdrawn=True)
    listed = oai(verb="ListRecords", metadataPrefix="oai_dc")
    deleted = listed.findall(".//o:record", NS)[1]
    assert deleted.find("o:header", NS).get("status") == "deleted"
    assert deleted.find("o:metadata", NS) is None
    assert deleted.findtext(".//o:datestamp", namespaces=NS) == "2030-01-02T03:04:05Z"
    assert listed.findall(".//o:record", NS)[0].find("o:header", NS).get("status") is None
    record = oai(verb="GetRecord", identifier=identifier("sample-resource-2"),
                 metadataPrefix="oai_dc")
    assert record.find(".//o:header", NS).get("status") == "deleted"
    assert record.find(".//o:metadata", NS) is None
    headers = oai(verb="ListIdentifiers", metadataPrefix="oai_dc").findall(".//o:header", NS)
    assert [h.get("status") for h in headers] == [None, "deleted"]


def test_post_works_with_csrf_protection_on(app_factory, schemas):
    app = app_factory(WTF_CSRF_ENABLED=True, **CONFIG)
    response = app.test_client().post("/oai", data={"verb": "Identify"})
    assert response.status_code == 200
    tree = etree.fromstring(response.data)
    schemas[0].assertValid(tree)
    assert tree.find("o:Identify", NS) is not None


def test_post_lists_records(oai, make_release):
    make_release()
    tree = oai("verb=ListIdentifiers&metadataPrefix=oai_dc", method="post")
    assert identifiers(tree) == [identifier("sample-resource-1")]


# -- errors ---------------------------------------------------------------------------------

BAD_REQUESTS = [
    ("", "badVerb"),
    ("verb=", "badVerb"),
    ("verb=ListAll", "badVerb"),
    ("verb=Identify&verb=Identify", "badVerb"),
    ("verb=%01", "badVerb"),
    ("verb=Identify&extra=1", "badArgument"),
    ("verb=Identify&a%01=1", "badArgument"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:x%01/v1", "badArgument"),
    ("verb=ListRecords&resumptionToken=%EF%BF%BE", "badArgument"),
    ("verb=ListRecords", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&identifier=x", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=2024-01-01T10:00:00", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z",
     "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-02&until=2024-02-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=type%20course", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai%20dc", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument"),
    ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
    ("verb=GetRecord&identifier=oai:localhost:sample-resource-1/v1", "badArgument"),
    ("verb=ListMetadataFormats&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListSets&set=type", "badArgument"),
    ("verb=ListRecords&resumptionToken=garbled", "badResumptionToken"),
    ("verb=ListIdentifiers&resumptionToken=", "badResumptionToken"),
    ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=lom", "cannotDisseminateFormat"),
    ("verb=GetRecord&metadataPrefix=marc21&identifier=oai:localhost:sample-resource-1/v1",
     "cannotDisseminateFormat"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:no-such-thing/v1",
     "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:sample-resource-1/v2",
     "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:sample-resource-1/v1",
     "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=sample-resource-1", "idDoesNotExist"),
    ("verb=ListMetadataFormats&identifier=oai:localhost:nothing/v1", "idDoesNotExist"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=type:assessment", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=colour:red", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z", "noRecordsMatch"),
]


@pytest.mark.parametrize(("query", "code"), BAD_REQUESTS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_each_error_answers_its_code(oai, make_release, query, code, method):
    make_release()
    tree = oai(query, method=method)
    assert error_code(tree) == code
    echoed = tree.find("o:request", NS).attrib
    if code in ("badVerb", "badArgument"):
        assert echoed == {}
    else:
        assert dict(echoed) == dict(pair.split("=") for pair in query.split("&"))
    assert len(tree) == 3      # responseDate, request, error: nothing half-built


def test_the_far_future_is_a_valid_bound(oai, make_release):
    make_release()
    for until in ("9999-12-31", "9999-12-31T23:59:59Z"):
        tree = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until=until)
        assert identifiers(tree) == [identifier("sample-resource-1")]


def test_no_metadata_formats_when_none_is_offered(oai, make_release, monkeypatch):
    from oer.views import oai as endpoint
    make_release()
    monkeypatch.setattr(endpoint, "FORMATS", {})
    for arguments in ({}, {"identifier": identifier("sample-resource-1")}):
        assert error_code(oai(verb="ListMetadataFormats", **arguments)) == "noMetadataFormats"


def test_an_empty_repository_has_no_records(oai):
    assert error_code(oai(verb="ListRecords", metadataPrefix="oai_dc")) == "noRecordsMatch"
    assert oai(verb="Identify").find("o:Identify", NS) is not None


def test_an_expired_token_is_refused(app, oai, make_release):
    app.config["OAI_PAGE_SIZE"] = 1
    for _ in range(3):
        make_release()
    with time_machine.travel(datetime(2030, 1, 1, 12, 0), tick=False):
        token = oai(verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
            ".//o:resumptionToken", namespaces=NS)
        assert token
    with time_machine.travel(datetime(2030, 1, 2, 11, 59), tick=False):
        assert error_code(oai(verb="ListIdentifiers", resumptionToken=token)) is None
    with time_machine.travel(datetime(2030, 1, 2, 12, 1), tick=False):
        assert error_code(oai(verb="ListIdentifiers", resumptionToken=token)) == \
            "badResumptionToken"


def test_a_token_serves_only_its_own_verb_and_cannot_be_forged(app, oai, make_release):
    app.config["OAI_PAGE_SIZE"] = 1
    for _ in range(2):
        make_release()
    token = oai(verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        ".//o:resumptionToken", namespaces=NS)
    assert error_code(oai(verb="ListRecords", resumptionToken=token)) == "badResumptionToken"
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert error_code(oai(verb="ListIdentifiers", resumptionToken=forged)) == \
        "badResumptionToken"
