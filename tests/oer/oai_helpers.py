"""Helpers for the OAI-PMH tests: the schemas, a client that validates every answer, and
readers of answers. Import the fixtures into a test module
(`from tests.oer.oai_helpers import oai, schemas`)."""
from urllib.parse import urlencode

import pytest
from lxml import etree

from tests.conftest import IN_CI, STANDARDS

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS = {"o": OAI, "oai_dc": OAI_DC, "dc": "http://purl.org/dc/elements/1.1/"}
SCHEMAS = STANDARDS / "oai-pmh"
CONFIG = {"OAI_REPOSITORY_NAME": "Inclusion OER repository",
          "OAI_ADMIN_EMAIL": "oer-admin@example.org"}


@pytest.fixture(scope="session")
def schemas():
    """(whole responses, oai_dc records). The first imports oai_dc too: the schema of
    OAI-PMH validates the metadata inside records strictly, so it must know oai_dc."""
    if not SCHEMAS.exists():
        message = f"the OAI-PMH schemas are not at {SCHEMAS}"
        if IN_CI:
            pytest.fail(message + " and CI=true")
        pytest.skip(message)
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{OAI}" schemaLocation="{(SCHEMAS / 'OAI-PMH.xsd').as_uri()}"/>
      <xs:import namespace="{OAI_DC}" schemaLocation="{(SCHEMAS / 'oai_dc.xsd').as_uri()}"/>
    </xs:schema>"""
    response = etree.XMLSchema(etree.fromstring(driver))
    dublin_core = etree.XMLSchema(etree.parse(str(SCHEMAS / "oai_dc.xsd")))
    return response, dublin_core


@pytest.fixture
def oai(client, schemas):
    """oai(verb=..., **arguments) or oai("raw=query&string"): the parsed, validated answer."""
    def ask(query=None, method="get", **arguments):
        if query is None:
            query = urlencode({("from" if k == "from_" else k): v for k, v in arguments.items()})
        if method == "post":
            response = client.post("/oai", data=query,
                                   content_type="application/x-www-form-urlencoded")
        else:
            response = client.get("/oai?" + query)
        assert response.status_code == 200
        assert response.content_type == "text/xml; charset=utf-8"
        tree = etree.fromstring(response.data)
        schemas[0].assertValid(tree)
        for record in tree.iterfind(".//oai_dc:dc", NS):
            schemas[1].assertValid(etree.fromstring(etree.tostring(record)))
        return tree
    return ask


def error_code(tree):
    errors = tree.findall("o:error", NS)
    return errors[0].get("code") if errors else None


def identifiers(tree):
    return [e.text for e in tree.iterfind(".//o:header/o:identifier", NS)]


def texts(record, name):
    return [e.text for e in record.iterfind(f".//dc:{name}", NS)]


def identifier(slug, number=1):
    return f"oai:localhost:{slug}/v{number}"

