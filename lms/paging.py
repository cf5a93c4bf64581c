"""Paging: the page number a URL may ask for, and one Page of rows from a query."""
from dataclasses import dataclass

from flask import request

from lms.extensions import db

# The one limit every paged list shares: a larger number in a URL shows this page (its offset,
# at most 50 rows a page, stays far inside the databases' integers).
LAST_PAGE = 10_000


def page_number(argument="page"):
    """The page the request asks for in `?page=`, within 1 .. LAST_PAGE (1 for anything else)."""
    return min(max(request.args.get(argument, 1, type=int), 1), LAST_PAGE)


@dataclass
class Page:
    """One page of a list: its rows, its number and whether another follows."""
    items: list
    number: int
    size: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def paginate(statement, number, size, scalars=True):
    """Page `number` (from 1) of `statement`'s rows, `size` a page. One query: it asks for one
    row more than the page holds, to know whether another page follows."""
    run = db.session.scalars if scalars else db.session.execute
    rows = run(statement.limit(size + 1).offset((number - 1) * size)).all()
    return Page(items=list(rows[:size]), number=number, size=size, has_next=len(rows) > size)


def page_of_list(items, number, size):
    """Page `number` of a list already in memory (the catalogue's in-process results)."""
    start = (number - 1) * size
    return Page(items=items[start:start + size], number=number, size=size,
                has_next=len(items) > start + size)
