"""The public catalogue of open educational resources: search, facets, sorting, pages."""
import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from flask import render_template, request, url_for
from flask_login import current_user
from babel.dates import format_date
from flask_babel import get_locale, gettext as _, lazy_gettext as _l

from lms.licences import licence as find_licence
from lms.paging import page_number
from lms.permissions import can, require
from oer.services import search
from oer.views import catalogue_html
from oer.vocabulary import INTEGRATION_AREAS, LEVELS, RESOURCE_TYPE_LABELS, \
    countries, language_name

PER_PAGE = 20
FACET_TITLES = {"type": _l("Type"), "language": _l("Language"), "licence": _l("Licence"),
                "area": _l("Integration area"), "country": _l("Country"), "level": _l("Level")}
SORT_LABELS = {"relevance": _l("Relevance"), "newest": _l("Newest first"),
               "title": _l("Title (A to Z)")}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def release_url(slug, number=None):
    """The page of an item's current release, or of release `number`."""
    if number is None:
        return url_for("oer.release_current", slug=slug)
    return url_for("oer.release", slug=slug, number=number)


def _card_url():
    """release_url for the cards: the address built once, each slug put in (a page has 20)."""
    pattern = release_url("SLUG")
    return lambda slug: pattern.replace("SLUG", quote(slug))


def _long_date(moment):
    return _formatted_date(moment.date(), str(get_locale()))


@lru_cache(maxsize=2048)
def _formatted_date(day, locale):
    return format_date(day, "long", locale=locale)


def label(facet, value):
    """A facet value in the reader's words."""
    if facet == "type":
        return str(RESOURCE_TYPE_LABELS.get(value, value))
    if facet == "language":
        return language_name(value)
    if facet == "licence":
        found = find_licence(value)
        return found.label if found else value
    if facet == "area":
        return str(INTEGRATION_AREAS.get(value, value))
    if facet == "country":
        return countries().get(value, value)
    return str(LEVELS.get(value, value))


def _valid(facet, value):
    """Values that can name something; anything else in the address is ignored."""
    if facet == "type":
        return value in RESOURCE_TYPE_LABELS
    if facet == "language":
        return bool(LANGUAGE_CODE.match(value))
    if facet == "licence":
        return find_licence(value) is not None
    if facet == "area":
        return value in INTEGRATION_AREAS
    if facet == "country":
        return value in countries("en")
    return value in LEVELS


def read_filters(args):
    return {facet: sorted({value for value in args.getlist(facet)[:20] if _valid(facet, value)})
            for facet in search.FACETS}


class Addresses:
    """The catalogue's addresses for one page's choices (words, filters, sort): each facet's
    part of the query string is encoded once, so the fifty-odd links of a page cost little."""

    def __init__(self, query, filters, sort):
        self.base = url_for("oer.index")
        self.query = urlencode([("q", query)]) if query else ""
        self.filters = {facet: set(values) for facet, values in filters.items()}
        self.parts = {facet: self._encoded(facet, values) for facet, values in filters.items()}
        self.sort = urlencode([("sort", sort)]) if sort else ""

    @staticmethod
    def _encoded(facet, values):
        return urlencode([(facet, value) for value in sorted(values)])

    def _join(self, parts, page=None):
        args = [part for part in [self.query, *parts, self.sort] if part]
        if page and page > 1:
            args.append(f"page={page}")
        return self.base + ("?" + "&".join(args) if args else "")

    def page(self, page=None):
        """These choices, on `page` (the first page without one)."""
        return self._join(self.parts.values(), page)

    def toggle(self, facet, value):
        """These choices with one filter value added or removed, on the first page."""
        changed = self._encoded(facet, self.filters.get(facet, set()) ^ {value})
        return self._join([changed if name == facet else part
                           for name, part in {**self.parts, facet: None}.items()])

    def without_filters(self):
        return self._join([])


@require("oer.view")
def index():
    query = request.args.get("q", "")[:search.MAX_QUERY]
    filters = read_filters(request.args)
    searching = bool(search.terms(query)[0])
    sort = request.args.get("sort", "")
    sort = sort if sort in search.SORTS and (searching or sort != "relevance") else ""
    page = page_number()
    results = search.search(query, filters, sort or None, page, PER_PAGE,
                            language=str(get_locale()))
    chosen = [(facet, value) for facet, values in filters.items() for value in values]
    locale = str(get_locale())
    words = catalogue_html.labels(label, locale)
    addresses = Addresses(query, filters, sort)
    return render_template(
        "oer/index.html", query=query, filters=filters, sort=sort, page=page, results=results,
        searching=searching, chosen=chosen,
        current_sort=sort or ("relevance" if searching else "newest"),
        feed_url=url_for("oer.feed"), facet_titles=FACET_TITLES,
        sort_labels={key: text for key, text in SORT_LABELS.items()
                     if key != "relevance" or searching},
        may_draft=can(current_user, "oer.draft_blueprint"),
        label=words, addresses=addresses,
        cards_html=catalogue_html.cards_html(results.cards, locale, _card_url(), words,
                                             _long_date),
        facets_html=catalogue_html.facets_html(
            results.facets, filters, {facet: str(title) for facet, title in FACET_TITLES.items()},
            words, addresses.toggle, _("selected; follow to remove this filter")))
