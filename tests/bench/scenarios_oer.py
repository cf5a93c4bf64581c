"""The OER catalogue in `make bench`: a search among 10,000 published items for a visitor must
reach 30 % of /healthz."""
import random

from sqlalchemy import insert, select, text

from lms.extensions import db
from lms.publishing import Part, Snapshot
from oer.models import OerItem, OerRelease
from oer.services.search import reindex_all
from tests.bench.scenario import Scenario

ITEMS = 10_000
SEARCH_GOAL = 30
WORDS = ("mentoring reception housing language counselling employers apprenticeship health "
         "volunteers municipality referral interpreters orientation network childcare school "
         "recognition qualifications guidance mediation women youth rights asylum community "
         "participation training workplace tenancy neighbourhood sport culture evaluation "
         "coordination outreach").split()
AREAS = ("labour", "education", "language", "housing", "health", "social", "reception")
COUNTRIES = ("DE", "IT", "IE", "TR", "AT", "FR", "ES", "NL")
SYLLABLES = "ka ren to mi sal ve dor lun pe tra bis gon fe lo mar dis an vel ro ti".split()


def filler(rng):
    """A made-up word: the long tail of a real vocabulary (20^3 of them)."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3))


def phrase(rng, topics, length):
    """`length` words of which `topics` are from WORDS: each topic word is in about one
    resource out of six, as common words of a real catalogue are."""
    words = rng.sample(WORDS, topics) + [filler(rng) for _ in range(length - topics)]
    rng.shuffle(words)
    return " ".join(words)


def snapshot(number, rng, language):
    title = phrase(rng, 1, 4).capitalize() + f" {number}"
    body = phrase(rng, 3, 150)
    return Snapshot(
        kind="bench.item", key=str(number), title=title,
        description=phrase(rng, 2, 25).capitalize() + ".",
        language=language, licence=rng.choice(("CC-BY-SA-4.0", "CC-BY-4.0")),
        source_url=f"http://localhost/bench/{number}", authors=["Bench Author"],
        keywords=rng.sample(WORDS, 2), resource_type=rng.choice(("course", "case_study")),
        facets={"integration_area": rng.choice(AREAS), "country": rng.choice(COUNTRIES),
                "level": rng.choice(("local", "regional", "national"))},
        parts=[Part(id="page-1", title="Page", html=f"<p>{body}</p>")])


def add_items(count=ITEMS):
    """Items and current releases inserted in bulk, then indexed in batches."""
    rng = random.Random(7)
    db.session.execute(insert(OerItem), [
        {"kind": "bench.item", "key": str(n), "slug": f"bench-item-{n}"} for n in range(count)])
    ids = dict(db.session.execute(select(OerItem.key, OerItem.id).where(
        OerItem.kind == "bench.item")).all())
    rows = []
    for n in range(count):
        language = ("en", "de", "it", "tr")[n % 4]
        shot = snapshot(n, rng, language)
        rows.append({
            "item_id": ids[str(n)], "number": 1, "title": shot.title,
            "description": shot.description, "language": language, "licence": shot.licence,
            "resource_type": shot.resource_type,
            "integration_area": shot.facets["integration_area"],
            "country": shot.facets["country"], "level": shot.facets["level"],
            "snapshot": shot.to_dict(), "withdrawn_reason": "", "is_current": True})
    db.session.execute(insert(OerRelease), rows)
    reindex_all()
    db.session.commit()
    # what autovacuum would do a little later: statistics for the planner after a bulk load
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def varied_searches(count=20_000):
    """Searches that a crowd of visitors might type: one or two topic words and a filler word
    or a prefix, some with a language or area filter. Each request picks one at random, so
    few of them are answered from the catalogue's remembered results."""
    rng = random.Random(11)
    paths = set()
    while len(paths) < count:
        words = rng.sample(WORDS, rng.choice((1, 2))) + \
            ([filler(rng)[:rng.choice((3, 6, 9))]] if rng.random() < 0.5 else [])
        path = "/oer/?q=" + "+".join(words)
        if rng.random() < 0.3:
            path += "&language=" + rng.choice(("en", "de", "it", "tr"))
        if rng.random() < 0.2:
            path += "&area=" + rng.choice(AREAS)
        paths.add(path)
    return tuple(sorted(paths))


def prepare(app):
    add_items()
    return [
        Scenario("OER catalogue (visitor)", "/oer/"),
        Scenario("OER one search, repeated", "/oer/?q=mentoring"),
        Scenario("OER search of 10,000 (visitor)", "/oer/?q=mentoring", goal=SEARCH_GOAL,
                 paths=varied_searches()),
        Scenario("OER search + filter (visitor)", "/oer/?q=housing+coun&language=de&area=health"),
    ]
