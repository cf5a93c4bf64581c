"""What a worker remembers of the catalogue, per catalogue generation.

Searching is split the way search engines split it: the database's full-text engine finds
the items containing each word (its postings), and the worker combines them. A worker keeps,
per catalogue generation (`generation.py`: a counter every publication, withdrawal and
re-index advances):
- the catalogue: per current release, its card and its facet values (a few hundred bytes
  each; loaded in one statement after each publication or withdrawal). Items are numbered
  newest first, and a set of items is a bitmap (a Python int, one bit per item): 10,000 items
  take 1.25 kB, and intersecting or counting sets is done in C;
- the postings of the words searched lately: a bitmap, and the positions and scores of the
  items the word ranks, in two arrays (12 bytes an item where a dictionary takes about 100):
  POSTINGS_BYTES in all, the words searched longest ago dropped first. The scores of a word
  in many titles are the costliest thing to ask the database for again (a prefix of three
  letters can rank thousands of items), so they must stay;
- whole answers to the searches made lately (RESULTS_SIZE of them).
A worker checks the generation (one look-up) when it has not done so for FRESH_SECONDS, as
a search engine refreshes its index every second or so: a search of known words within that
time runs no statement at all, and each word not seen since the last publication one. The
worker that publishes or withdraws forgets what it remembered at once; the others show the
change within FRESH_SECONDS (the setting OER_SEARCH_FRESH_SECONDS; 0 checks on every search).
"""
import time
from array import array
from collections import deque
from dataclasses import dataclass
from itertools import repeat

from flask import current_app
from sqlalchemy import select

from lms.memo import LRU
from oer.models import OerItem, OerRelease
from oer.models.search import POSTGRES_CONFIGS
from oer.services.search.generation import current as current_generation
from oer.services.search.postings import dialect, postings_rows, read

# URL parameter -> column of oer_release; the order is the order of the facets on the page
FACETS = {"type": "resource_type", "language": "language", "licence": "licence",
          "area": "integration_area", "country": "country", "level": "level"}


@dataclass(frozen=True, eq=False)
class Card:
    """What a result card shows of an item's current release. A worker makes each card once
    per catalogue generation, so a card is its own key (hashed by identity, not by its eleven
    fields): the page keeps each card's HTML by it."""
    slug: str
    kind: str
    title: str
    description: str
    language: str
    licence: str
    resource_type: str
    integration_area: str
    country: str
    level: str
    published_at: object


FRESH_SECONDS = 1.0
RESULTS_SIZE = 256
POSTINGS_BYTES = 32 * 2**20
COMMON_FROM = 1000
CARD_DESCRIPTION = 400     # characters of a description kept for its card (it shows 260)
CACHE_KEY = "oer_search"


_clock = time.monotonic


def forget_cached_results():
    """Drop this process's remembered catalogue and searches (the index changed without a
    new release, or is about to)."""
    current_app.extensions.pop(CACHE_KEY, None)


class Catalogue:
    """The current releases as a search needs them: cards in publication order (newest first;
    an item's position is its bit in a bitmap), a bitmap per facet value, title order."""

    def __init__(self, rows):
        rows = sorted(rows, key=lambda row: (row[12], row[1]), reverse=True)
        self.cards, self.position = [], {}
        self.facet_bits = {facet: {} for facet in FACETS}
        for n, (item_id, release_id, slug, kind, title, description, language, licence,
                resource_type, area, country, level, published_at) in enumerate(rows):
            self.cards.append(Card(slug, kind, title, description[:CARD_DESCRIPTION], language,
                                   licence, resource_type, area, country, level, published_at))
            self.position[item_id] = n
            for facet, value in zip(FACETS, (resource_type, language, licence, area, country,
                                             level)):
                if value:
                    values = self.facet_bits[facet]
                    values[value] = values.get(value, 0) | (1 << n)
        self.everything = (1 << len(rows)) - 1
        # positions in title order (ties: the newest release first)
        self.by_title = sorted(range(len(rows)), key=lambda n: (self.cards[n].title.lower(), n))

    def bitmap(self, item_ids):
        """The bitmap of these items (those not in the catalogue left out)."""
        return self.bits([n for n in map(self.position.get, item_ids) if n is not None])

    def bits(self, positions):
        """The bitmap of these positions, made in C: a binary digit per item, lowest first,
        read as a number."""
        if not self.cards:
            return 0
        digits = bytearray(b"0") * len(self.cards)
        deque(map(digits.__setitem__, positions, repeat(ord("1"))), maxlen=0)
        return int(digits[::-1], 2)

    def chosen(self, filters, leave_out=None):
        """The bitmap of the items matching every facet filter (but `leave_out`'s)."""
        bits = self.everything
        for facet, values in filters.items():
            if facet != leave_out:
                bits &= sum(self.facet_bits[facet].get(value, 0) for value in values)
        return bits


class Memory:
    """One worker's remembered catalogue, postings and answers, for one generation."""

    def __init__(self, generation_now):
        self.generation = generation_now
        self.catalogue = None
        # postings weigh their estimated bytes; answers count one each
        self.postings = LRU(lambda: POSTINGS_BYTES, weigh=lambda found: found[2])
        self.results = LRU(RESULTS_SIZE)
        self.checked = _clock()


def worker_memory():
    """This worker's memory, checked against the generation if FRESH_SECONDS have passed."""
    memory = current_app.extensions.get(CACHE_KEY)
    now = _clock()
    if memory is not None and \
            now - memory.checked < current_app.config.get("OER_SEARCH_FRESH_SECONDS",
                                                          FRESH_SECONDS):
        return memory
    generation_now = current_generation()
    if memory is None or memory.generation != generation_now:
        memory = current_app.extensions[CACHE_KEY] = Memory(generation_now)
    memory.checked = now
    return memory


def catalogue_of(memory):
    """The catalogue `memory` holds, loaded in one statement the first time it is asked for."""
    if memory.catalogue is None:
        memory.catalogue = Catalogue(read(
            select(OerRelease.item_id, OerRelease.id, OerItem.slug, OerItem.kind,
                   OerRelease.title, OerRelease.description, OerRelease.language,
                   OerRelease.licence, OerRelease.resource_type, OerRelease.integration_area,
                   OerRelease.country, OerRelease.level, OerRelease.published_at)
            .join(OerItem, OerItem.id == OerRelease.item_id)
            .where(OerRelease.is_current.is_(True)), None, "all"))
    return memory.catalogue


def postings_of(memory, catalogue, word, prefix, language):
    """(bitmap of the items containing `word`, (positions, scores, bitmap) of those it ranks),
    from the full-text index once per generation and worker (while it is among the words
    searched lately)."""
    config = "" if dialect() == "sqlite" else POSTGRES_CONFIGS.get(language, "simple")
    key = (word.lower(), prefix, config)
    found = memory.postings.get(key)
    if found is not None:
        return found[:2]
    ids, scored, score_of = postings_rows(word, prefix, language)
    # a word in more than half of a large catalogue does not tell items apart: it filters,
    # it does not rank (as a search engine's inverse document frequency would say)
    common = len(catalogue.cards) >= COMMON_FROM and len(ids) > len(catalogue.cards) // 2
    positions, scores = array("l"), array("d")
    if scored and not common:
        for n, score in zip(map(catalogue.position.get, scored), score_of):
            if n is not None:
                positions.append(n)
                scores.append(score)
    found = (catalogue.bitmap(ids), (positions, scores, catalogue.bits(positions)))
    size = len(catalogue.cards) // 4 + 12 * len(positions) + 300
    memory.postings.put(key, (*found, size))
    return found

