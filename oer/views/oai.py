"""The OAI-PMH 2.0 endpoint /oai: every release of the catalogue as a record for harvesters.

A record is a release: identifier `oai:<host>:<slug>/v<number>`, datestamp `changed_at`, and a
withdrawn release is a deleted record that stays (policy "persistent"). Sets are
`type:<resource type>` and `language:<code>`. Lists come in pages of `OAI_PAGE_SIZE`; a
resumption token is signed and carries the query and the last (changed_at, id) delivered, so
releases published during a harvest neither shift nor repeat the pages still to come.

Protocol texts (error messages, set names) are English whatever the visitor's language: a
harvester must get the same answer for the same request.
"""
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from babel import Locale
from flask import Response, current_app, request, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer
from lxml import etree
from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import contains_eager, defer, selectinload

from lms.extensions import csrf, db
from lms.licences import licence
from lms.permissions import require
from lms.timeutil import utcnow
from oer.models import OerItem, OerRelease
from oer.services.oai_contact import admin_email


OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"

DATESTAMP = "%Y-%m-%dT%H:%M:%SZ"
TOKEN_LIFETIME = timedelta(hours=24)
# what each verb requires and allows besides `verb`; PAGED verbs also take a resumptionToken
VERBS = {
    "Identify": ((), ()),
    "ListMetadataFormats": ((), ("identifier",)),
    "ListSets": ((), ()),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set")),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set")),
    "GetRecord": (("identifier", "metadataPrefix"), ()),
}
PAGED = ("ListSets", "ListIdentifiers", "ListRecords")
SPEC = r"[A-Za-z0-9\-_.!~*'()]+"
SYNTAX = {"metadataPrefix": re.compile(SPEC), "set": re.compile(rf"{SPEC}(:{SPEC})*"),
          "identifier": re.compile(r"\S+")}
SET_FAMILIES = {"type": "Resource types", "language": "Languages"}
TYPE_NAMES = {"course": "Courses", "case_study": "Case studies", "text": "Texts",
              "assessment": "Assessments", "guide": "Guides"}
INTERACTIVE_PARTS = ("quiz", "discussion")
# characters an XML document cannot carry: arguments with them cannot be echoed back
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OaiError(Exception):
    """One of the error conditions OAI-PMH defines; answered inside HTTP 200."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    write: object          # write(metadata element, release)


@dataclass
class ListQuery:
    """What a ListIdentifiers/ListRecords request asks for; a resumption token carries it.
    `start`/`end` bound changed_at (start inclusive, end exclusive); `after` is the
    (changed_at, id) of the last record already delivered and `cursor` how many were."""
    verb: str
    prefix: str
    start: datetime | None = None
    end: datetime | None = None
    set: str | None = None
    after: tuple[datetime, int] | None = None
    cursor: int = 0


# -- identifiers and addresses --------------------------------------------------------------

def repository_host():
    """The host part of identifiers: SERVER_NAME when configured, else the request's host."""
    host = current_app.config.get("SERVER_NAME") or request.host
    return re.sub(r":\d+$", "", host)


def oai_identifier(slug, number):
    return f"oai:{repository_host()}:{slug}/v{number}"


def parse_identifier(identifier):
    """(slug, number) of an identifier of this repository, or None."""
    prefix = f"oai:{repository_host()}:"
    if not identifier.startswith(prefix):
        return None
    match = re.fullmatch(r"([^/]+)/v([1-9][0-9]{0,8})", identifier[len(prefix):])
    return (match[1], int(match[2])) if match else None


def landing_url(release):
    """The absolute address of the release's own page, /oer/<slug>/v<n>/."""
    return url_for("oer.release", slug=release.item.slug, number=release.number,
                   _external=True)


def licence_rights(licence_id):
    """The licence's short name and URL (an unknown id stands for itself, without a URL)."""
    found = licence(licence_id)
    return (found.label, found.url) if found is not None else (licence_id, None)


def datestamp(moment):
    return moment.strftime(DATESTAMP)


# -- the endpoint ---------------------------------------------------------------------------

# Exempt from CSRF: OAI-PMH is a read-only protocol whose harvesters may POST their
# (form-encoded) requests without any session or token, and no request changes anything.
@csrf.exempt
@require("oer.view")
def endpoint():
    arguments = request.form if request.method == "POST" else request.args
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(SCHEMA_LOCATION, f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    add(root, "responseDate", datestamp(utcnow()))
    echo = add(root, "request", url_for("oer_oai.endpoint", _external=True))
    try:
        verb, values = read_arguments(arguments)
    except OaiError as error:
        add(root, "error", error.message, code=error.code)
        return xml_response(root)
    echo.set("verb", verb)
    for name, value in values.items():
        echo.set(name, value)
    try:
        HANDLERS[verb](root, verb, values)
    except OaiError as error:
        del root[2:]
        add(root, "error", error.message, code=error.code)
    return xml_response(root)


def xml_response(root):
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return Response(body, content_type="text/xml; charset=utf-8")


def add(parent, tag, text=None, namespace=OAI, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = str(text)
    return element


def read_arguments(arguments):
    """The verb and the other arguments, each given once, allowed and well-formed."""
    verbs = arguments.getlist("verb")
    if not verbs:
        raise OaiError("badVerb", "The verb argument is missing.")
    if len(verbs) > 1:
        raise OaiError("badVerb", "The verb argument is repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    values = {}
    for name in arguments:
        if name == "verb":
            continue
        if any(NOT_XML.search(text) for text in (name, *arguments.getlist(name))):
            raise OaiError("badArgument", "An argument holds characters XML cannot carry.")
        if len(arguments.getlist(name)) > 1:
            raise OaiError("badArgument", f"The argument {name} is repeated.")
        values[name] = arguments[name]
    if "resumptionToken" in values and verb in PAGED:
        if len(values) > 1:
            raise OaiError("badArgument",
                           "resumptionToken must be the only argument besides verb.")
        return verb, values
    required, optional = VERBS[verb]
    for name in values:
        if name not in required and name not in optional:
            raise OaiError("badArgument", f"{verb} does not take the argument {name}.")
    for name in required:
        if name not in values:
            raise OaiError("badArgument", f"{verb} needs the argument {name}.")
    for name, value in values.items():
        if name in SYNTAX and not SYNTAX[name].fullmatch(value):
            raise OaiError("badArgument", f"The value of {name} is not well-formed.")
    if "from" in values or "until" in values:
        date_bounds(values.get("from"), values.get("until"))
    return verb, values


def parse_date(name, value):
    """The moment and the granularity ("day" or "seconds") of a from/until argument."""
    for pattern, form, granularity in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d", "day"),
                                       (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", DATESTAMP,
                                        "seconds")):
        if re.fullmatch(pattern, value):
            try:
                return datetime.strptime(value, form), granularity
            except ValueError:
                break
    raise OaiError("badArgument", f"{name} must be a date (YYYY-MM-DD) or a UTC time "
                                  "(YYYY-MM-DDThh:mm:ssZ).")


def date_bounds(since, until):
    """changed_at >= start and < end for from/until (both inclusive in the protocol)."""
    start = end = None
    granularities = set()
    if since is not None:
        start, granularity = parse_date("from", since)
        granularities.add(granularity)
    if until is not None:
        end, granularity = parse_date("until", until)
        granularities.add(granularity)
        try:
            end += timedelta(days=1) if granularity == "day" else timedelta(seconds=1)
        except OverflowError:       # until the end of year 9999: no bound at all
            end = None
    if len(granularities) > 1:
        raise OaiError("badArgument", "from and until must have the same granularity.")
    if start is not None and end is not None and start >= end:
        raise OaiError("badArgument", "from must not be later than until.")
    return start, end


# -- the verbs ------------------------------------------------------------------------------

def identify(root, verb, values):
    config = current_app.config
    earliest = db.session.scalar(select(func.min(OerRelease.changed_at))) or utcnow()
    element = add(root, "Identify")
    add(element, "repositoryName", config["OAI_REPOSITORY_NAME"] or config["SITE_NAME"])
    add(element, "baseURL", url_for("oer_oai.endpoint", _external=True))
    add(element, "protocolVersion", "2.0")
    add(element, "adminEmail", admin_email(config))
    add(element, "earliestDatestamp", datestamp(earliest))
    add(element, "deletedRecord", "persistent")
    add(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def list_metadata_formats(root, verb, values):
    if "identifier" in values:
        find_release(values["identifier"])
    if not FORMATS:
        raise OaiError("noMetadataFormats", "No metadata formats are available.")
    element = add(root, "ListMetadataFormats")
    for metadata_format in FORMATS.values():
        entry = add(element, "metadataFormat")
        add(entry, "metadataPrefix", metadata_format.prefix)
        add(entry, "schema", metadata_format.schema)
        add(entry, "metadataNamespace", metadata_format.namespace)


def list_sets(root, verb, values):
    if "resumptionToken" in values:
        raise OaiError("badResumptionToken", "Sets come in one list; there is no token.")
    types = db.session.scalars(select(OerRelease.resource_type).distinct()
                               .order_by(OerRelease.resource_type)).all()
    languages = db.session.scalars(select(OerRelease.language).distinct()
                                   .order_by(OerRelease.language)).all()
    element = add(root, "ListSets")
    names = Locale("en").languages
    for spec, name in [*SET_FAMILIES.items(),
                       *((f"type:{t}", TYPE_NAMES.get(t, t)) for t in types),
                       *((f"language:{code}", names.get(code, code)) for code in languages)]:
        entry = add(element, "set")
        add(entry, "setSpec", spec)
        add(entry, "setName", name)


def get_record(root, verb, values):
    metadata_format = find_format(values["metadataPrefix"])
    release = find_release(values["identifier"], with_packages=True)
    write_record(add(root, "GetRecord"), release, metadata_format)


def list_records(root, verb, values):
    """ListRecords and ListIdentifiers: one page, and a token when more follow."""
    if "resumptionToken" in values:
        query = read_token(values["resumptionToken"], verb)
    else:
        start, end = date_bounds(values.get("from"), values.get("until"))
        query = ListQuery(verb, values["metadataPrefix"], start, end, values.get("set"))
    metadata_format = find_format(query.prefix)
    page_size = current_app.config["OAI_PAGE_SIZE"]
    releases, more = load_page(query, page_size)
    if not releases:
        raise OaiError("noRecordsMatch", "No records match the request.")
    element = add(root, query.verb)
    for release in releases:
        if query.verb == "ListRecords":
            write_record(element, release, metadata_format)
        else:
            write_header(element, release)
    if more or query.cursor:
        size = db.session.scalar(select(func.count()).select_from(OerRelease)
                                 .where(*conditions(query)))
        token = add(element, "resumptionToken", completeListSize=str(size),
                    cursor=str(query.cursor))
        if more:
            last = releases[-1]
            token.text = make_token(ListQuery(
                query.verb, query.prefix, query.start, query.end, query.set,
                (last.changed_at, last.id), query.cursor + len(releases)))
            token.set("expirationDate", datestamp(utcnow() + TOKEN_LIFETIME))


# -- loading --------------------------------------------------------------------------------

def find_format(prefix):
    if prefix not in FORMATS:
        raise OaiError("cannotDisseminateFormat", f"Records are not offered as {prefix!r}.")
    return FORMATS[prefix]


def find_release(identifier, with_packages=False):
    """The release an identifier names (with its item), or idDoesNotExist."""
    parts = parse_identifier(identifier)
    release = None
    if parts is not None:
        statement = (select(OerRelease).join(OerRelease.item)
                     .options(contains_eager(OerRelease.item))
                     .where(OerItem.slug == parts[0], OerRelease.number == parts[1]))
        if with_packages:
            statement = statement.options(selectinload(OerRelease.packages))
        release = db.session.scalar(statement)
    if release is None:
        raise OaiError("idDoesNotExist", f"{identifier!r} is not a record of this repository.")
    return release


def conditions(query):
    """The WHERE clauses of a list query, without its position."""
    clauses = []
    if query.start is not None:
        clauses.append(OerRelease.changed_at >= query.start)
    if query.end is not None:
        clauses.append(OerRelease.changed_at < query.end)
    if query.set is not None:
        family, _, value = query.set.partition(":")
        column = {"type": OerRelease.resource_type, "language": OerRelease.language}.get(family)
        if column is None or ":" in value:
            clauses.append(false())
        elif value:
            clauses.append(column == value)
    return clauses


def load_page(query, size):
    """Up to `size` releases after the query's position in (changed_at, id) order, and
    whether more follow. Three statements at most: releases with items, their packages."""
    statement = (select(OerRelease).join(OerRelease.item)
                 .options(contains_eager(OerRelease.item))
                 .where(*conditions(query))
                 .order_by(OerRelease.changed_at, OerRelease.id).limit(size + 1))
    if query.after is not None:
        moment, last_id = query.after
        statement = statement.where(or_(OerRelease.changed_at > moment,
                                        and_(OerRelease.changed_at == moment,
                                             OerRelease.id > last_id)))
    if query.verb == "ListRecords":
        statement = statement.options(selectinload(OerRelease.packages))
    else:
        statement = statement.options(defer(OerRelease.snapshot))
    releases = db.session.scalars(statement).all()
    return releases[:size], len(releases) > size


# -- resumption tokens ----------------------------------------------------------------------

def serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="oer.oai.token")


def make_token(query):
    def moment(value):
        return value.isoformat() if value is not None else None
    return serializer().dumps({
        "verb": query.verb, "prefix": query.prefix, "start": moment(query.start),
        "end": moment(query.end), "set": query.set,
        "after": [query.after[0].isoformat(), query.after[1]], "cursor": query.cursor})


def read_token(token, verb):
    """The query a token carries; badResumptionToken when it is garbled, expired, forged or
    was issued for another verb."""
    try:
        data = serializer().loads(token, max_age=TOKEN_LIFETIME.total_seconds())
        if data["verb"] != verb:
            raise ValueError(data["verb"])

        def moment(value):
            return datetime.fromisoformat(value) if value is not None else None
        return ListQuery(verb, data["prefix"], moment(data["start"]), moment(data["end"]),
                         data["set"], (moment(data["after"][0]), int(data["after"][1])),
                         int(data["cursor"]))
    except (BadSignature, KeyError, IndexError, TypeError, ValueError):
        raise OaiError("badResumptionToken",
                       "The resumption token is invalid or has expired.") from None


# -- records --------------------------------------------------------------------------------

def write_header(parent, release):
    header = add(parent, "header")
    if release.withdrawn:
        header.set("status", "deleted")
    add(header, "identifier", oai_identifier(release.item.slug, release.number))
    add(header, "datestamp", datestamp(release.changed_at))
    add(header, "setSpec", f"type:{release.resource_type}")
    add(header, "setSpec", f"language:{release.language}")


def write_record(parent, release, metadata_format):
    """A record: its header and, unless the release was withdrawn, its metadata."""
    record = add(parent, "record")
    write_header(record, release)
    if not release.withdrawn:
        metadata_format.write(add(record, "metadata"), release)


def dublin_core(metadata, release):
    """The release as simple Dublin Core (oai_dc)."""
    snapshot = release.snapshot
    dc = etree.SubElement(metadata, f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC})
    dc.set(SCHEMA_LOCATION, f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    licence_name, licence_url = licence_rights(release.licence)
    interactive = any(part["kind"] in INTERACTIVE_PARTS for part in walk(snapshot["parts"]))
    elements = [
        ("title", [release.title]),
        ("creator", snapshot.get("authors", [])),
        ("subject", snapshot.get("keywords", [])),
        ("description", [release.description] if release.description else []),
        ("publisher", snapshot.get("organisations", [])),
        ("date", [release.published_at.strftime("%Y-%m-%d")]),
        ("type", [release.resource_type,
                  "InteractiveResource" if interactive else "Text"]),
        ("format", sorted({package.media_type for package in release.packages})),
        ("identifier", [landing_url(release)]),
        ("language", [release.language]),
        ("rights", [licence_name] + ([licence_url] if licence_url else [])),
    ]
    for name, texts in elements:
        for text in texts:
            add(dc, name, text, namespace=DC)


def walk(parts):
    for part in parts:
        yield part
        yield from walk(part.get("parts", []))


FORMATS = {"oai_dc": MetadataFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                                    OAI_DC, dublin_core)}

HANDLERS = {"Identify": identify, "ListMetadataFormats": list_metadata_formats,
            "ListSets": list_sets, "ListIdentifiers": list_records,
            "ListRecords": list_records, "GetRecord": get_record}
