"""The catalogue's search: a full-text index of current releases (SQLite FTS5 or PostgreSQL
text search) and `search()`, which filters, counts facets, sorts and pages the catalogue.

The index holds text only, one row per item (its current release; its tables are in
`oer/models/search.py`): the database's engine answers which items contain a word
(`postings.py`), and each worker combines those answers with the facet values and cards of the
current releases, which it keeps per catalogue generation (`memory.py`, `engine.py`); browsing
without words never touches the index. `index.py` keeps the index current.
"""
from oer.services.search.engine import SORTS, Results, search
from oer.services.search.index import document, html_text, index_item, index_releases, \
    reindex_all
from oer.services.search.memory import FACETS, FRESH_SECONDS, Card, forget_cached_results
from oer.services.search.postings import MAX_QUERY, MAX_TERMS, terms

__all__ = ["FACETS", "FRESH_SECONDS", "MAX_QUERY", "MAX_TERMS", "SORTS", "Card", "Results",
           "document", "forget_cached_results", "html_text", "index_item", "index_releases",
           "reindex_all", "search", "terms"]
