"""`search()`: one page of the catalogue, filtered, counted by facet, sorted and cut from what
the worker remembers, with integer operations and heaps in C."""
import heapq
import re
from dataclasses import dataclass, field
from itertools import compress

from oer.services.search.memory import (
    FACETS, Card, catalogue_of, postings_of, worker_memory)
from oer.services.search.postings import terms

SORTS = ("relevance", "newest", "title")


@dataclass
class Results:
    cards: list[Card]
    total: int
    page: int
    per_page: int
    # facet -> [(value, count)], most frequent first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


_DIGITS = bytes.maketrans(b"01", b"\0\1")
_ONE = re.compile(b"1")


def _positions(bits):
    """The numbers of the bits set in `bits`, lowest first, found in C among the binary digits
    (lowest first): by searching for each 1 when they are few, else by letting every digit
    select its number."""
    digits = bin(bits)[:1:-1].encode()
    if bits.bit_count() * 4 < len(digits):
        return [found.start() for found in _ONE.finditer(digits)]
    return list(compress(range(len(digits)), digits.translate(_DIGITS)))


def search(query="", filters=None, sort=None, page=1, per_page=20, language="en"):
    """One page of the catalogue: current releases matching every word of `query` and, per
    facet, one of the values in `filters` ({facet: [values]}), with facet counts (each counted
    without its own facet's filter, so other choices stay visible) and the total. `language`
    is the reader's: on PostgreSQL their words also match in that language's stemmed forms.

    Ranking sums each word's score (bm25 on SQLite, ts_rank of the title, description and
    keywords on PostgreSQL); ties and the other orders put the newest release first."""
    filters = {facet: set(values) for facet, values in (filters or {}).items()
               if facet in FACETS and values}
    words, prefix = terms(query)
    if sort not in SORTS or (sort == "relevance" and not words):
        sort = "relevance" if words else "newest"
    page = max(page, 1)
    memory = worker_memory()
    key = (tuple(word.lower() for word in words), prefix, language, sort, page, per_page,
           tuple(sorted((facet, tuple(sorted(values))) for facet, values in filters.items())))
    found = memory.results.get(key)
    if found is None:
        found = _find(memory, words, prefix, language, filters, sort, page, per_page)
        memory.results.put(key, found)
    total, facets, cards = found
    return Results(cards=cards, total=total, page=page, per_page=per_page, facets=facets)


def _counts(catalogue, hits, filters):
    """(total, facets): the items in `hits` matching every filter, and per facet the counts of
    its values among the items matching every other facet's filter."""
    total = (hits & catalogue.chosen(filters)).bit_count()
    facets = {}
    for facet, values in catalogue.facet_bits.items():
        base = hits & catalogue.chosen(filters, leave_out=facet)
        counted = [(value, (base & bits).bit_count()) for value, bits in values.items()]
        facets[facet] = sorted(((value, n) for value, n in counted if n),
                               key=lambda pair: (-pair[1], pair[0]))
    return total, facets


def _lowest(bits, skip, take):
    """The positions of the lowest set bits of `bits`: `take` of them after the first `skip`."""
    if skip + take > 200:
        return _positions(bits)[skip:skip + take]
    found = []
    while bits and len(found) < skip + take:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found[skip:]


def _find(memory, words, prefix, language, filters, sort, page, per_page):
    """(total, facets, the page's cards in order)."""
    catalogue = catalogue_of(memory)
    hits, scores = catalogue.everything, []
    for n, word in enumerate(words):
        bits, ranked = postings_of(memory, catalogue, word, prefix and n == len(words) - 1,
                                 language)
        hits &= bits
        scores.append(ranked)
    total, facets = _counts(catalogue, hits, filters)
    chosen_bits = hits & catalogue.chosen(filters)
    skip = (page - 1) * per_page
    if sort == "newest":
        chosen = _lowest(chosen_bits, skip, per_page)
    elif sort == "title":
        matching = set(_positions(chosen_bits))
        chosen = [n for n in catalogue.by_title if n in matching][skip:skip + per_page]
    else:
        chosen = _ranked(chosen_bits, [ranked for ranked in scores if ranked[0]],
                         skip + per_page)[skip:]
    return total, facets, [catalogue.cards[n] for n in chosen]


def _ranked(chosen_bits, scores, count):
    """The first `count` items of `chosen_bits` by the sum of their scores in `scores`
    ([(positions, scores, bitmap)] per word, lower first; an item a word does not score has 0
    for it), ties and the unscored in position order (the newest release first)."""
    if not scores:
        return _lowest(chosen_bits, 0, count)
    scored_bits = 0
    for word in scores:
        scored_bits |= word[2]
    candidates = chosen_bits & scored_bits
    if len(scores) == 1:
        positions, values, bits = scores[0]
        if candidates == bits:      # one word, no filter: every item it scores is chosen
            pairs = zip(values, positions)
        else:
            keep = set(_positions(candidates))
            pairs = [(value, n) for value, n in zip(values, positions) if n in keep]
    else:
        ranked = [dict(zip(positions, values)) for positions, values, _bits in scores]
        pairs = [(sum(word.get(n, 0.0) for word in ranked), n)
                 for n in _positions(candidates)]
    best = [n for _score, n in heapq.nsmallest(count, pairs)]
    if len(best) < count:
        best += _lowest(chosen_bits & ~scored_bits, 0, count - len(best))
    return best

