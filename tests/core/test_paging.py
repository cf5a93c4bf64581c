"""The core's paging: the page a URL may ask for, one Page of rows, the pager's links."""
import pytest
from flask import render_template_string
from sqlalchemy import select

from lms.models import User
from lms.paging import LAST_PAGE, page_number, paginate


@pytest.mark.parametrize("asked, given", [("1", 1), ("3", 3), ("0", 1), ("-5", 1), ("x", 1),
                                          ("", 1), ("99999999999999999999", LAST_PAGE)])
def test_the_page_number_stays_within_the_pages_there_can_be(app, asked, given):
    with app.test_request_context(f"/?page={asked}"):
        assert page_number() == given


def test_a_page_holds_its_rows_and_knows_whether_another_follows(app, make_user):
    for _ in range(5):
        make_user()
    with app.app_context():
        statement = select(User).order_by(User.id)
        first, last = paginate(statement, 1, 2), paginate(statement, 3, 2)
        assert [u.email for u in first] == ["learner1@example.org", "learner2@example.org"]
        assert first.has_next and not first.has_previous
        assert len(last) == 1 and not last.has_next and last.has_previous
        assert len(paginate(statement, 4, 2)) == 0


def test_the_pager_links_the_pages_around_this_one_and_keeps_the_filters(app, make_user):
    for _ in range(5):
        make_user()
    template = ('{% from "_pager.html" import pager %}'
                '{{ pager("admin.users", page, q="ana") }}')
    with app.test_request_context("/"):
        statement = select(User).order_by(User.id)
        middle = render_template_string(template, page=paginate(statement, 2, 2))
        assert 'rel="prev" href="/admin/users?q=ana&amp;page=1"' in middle
        assert 'rel="next" href="/admin/users?q=ana&amp;page=3"' in middle
        alone = render_template_string(template, page=paginate(statement, 1, 10))
        assert "<nav" not in alone
