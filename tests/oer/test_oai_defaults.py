"""OAI-PMH with the default configuration (no OAI_* settings): every answer is valid, Identify
names the first active site admin, and start-up warns when there is nobody to name."""
import json

import pytest
from lxml import etree

from oer.services.oai_contact import UNCONFIGURED
from tests.helpers.oer import NS, error_code, identifier

RECORD = identifier("sample-resource-1")
# every verb, and every error a harvester can meet: (query, expected error code or None)
REQUESTS = [
    ("verb=Identify", None),
    ("verb=ListMetadataFormats", None),
    (f"verb=ListMetadataFormats&identifier={RECORD}", None),
    ("verb=ListSets", None),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc", None),
    ("verb=ListRecords&metadataPrefix=oai_dc", None),
    (f"verb=GetRecord&metadataPrefix=oai_dc&identifier={RECORD}", None),
    (f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier('sample-resource-2')}", None),
    ("verb=Harvest", "badVerb"),
    ("verb=ListRecords", "badArgument"),
    ("verb=ListRecords&resumptionToken=garbled", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=lom", "cannotDisseminateFormat"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:nothing/v1",
     "idDoesNotExist"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01", "noRecordsMatch"),
]


def admin_email(tree):
    return tree.findtext("o:Identify/o:adminEmail", namespaces=NS)


@pytest.mark.parametrize("accounts, expected", [
    ([], UNCONFIGURED),
    ([("admin", "no-reply@localhost", True)], UNCONFIGURED),
    ([("trainer", "trainer@lms.example.org", True), ("admin", "no-reply@localhost", True),
      ("admin", "old-admin@lms.example.org", False), ("admin", "oer@lms.example.org", True),
      ("admin", "later@lms.example.org", True)], "oer@lms.example.org"),
], ids=["no admin", "an admin without a dotted domain", "the first valid active admin"])
def test_every_answer_is_valid_with_the_default_configuration(oai, make_release, make_user,
                                                              accounts, expected):
    for role, email, active in accounts:
        make_user(role=role, email=email, active=active)
    make_release()
    make_release(withdrawn=True)
    for query, code in REQUESTS:
        tree = oai(query)           # validated against OAI-PMH.xsd and oai_dc.xsd
        assert error_code(tree) == code, query
    assert admin_email(oai("verb=Identify")) == expected


def test_the_configured_address_comes_first(app_factory, make_user, schemas):
    app = app_factory(OAI_ADMIN_EMAIL="harvesting@lms.example.org")
    make_user(role="admin", email="oer@lms.example.org")
    response = app.test_client().get("/oai?verb=Identify")
    tree = etree.fromstring(response.data)
    schemas[0].assertValid(tree)
    assert admin_email(tree) == "harvesting@lms.example.org"


def start_up_warnings(app_factory, capsys, **config):
    """The warnings logged while an app starts on this test's (already made) database."""
    capsys.readouterr()
    app_factory(**config)
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()
             if line.startswith("{")]
    return [line["message"] for line in lines if line["level"] == "WARNING"]


def test_start_up_warns_when_harvesters_would_get_no_address(app, app_factory, make_user,
                                                              capsys):
    assert start_up_warnings(app_factory, capsys) == []       # nobody has an account yet
    make_user(role="admin", email="no-reply@localhost")
    [warning] = start_up_warnings(app_factory, capsys)
    assert "OAI_ADMIN_EMAIL is not set" in warning and UNCONFIGURED in warning
    [warning] = start_up_warnings(app_factory, capsys, OAI_ADMIN_EMAIL="oer@localhost")
    assert "'oer@localhost' is not an address OAI-PMH accepts" in warning
    assert start_up_warnings(app_factory, capsys, OAI_ADMIN_EMAIL="oer@lms.example.org") == []
    make_user(role="admin", email="second-admin@lms.example.org")
    assert start_up_warnings(app_factory, capsys) == []
