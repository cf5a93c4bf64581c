"""The core's sanitiser: what each plugin's profile lets through and what never gets through."""
import pytest

from lms.markup import BASIC_TAGS, HEADINGS, Markup, local_path_under, paragraphs

pytestmark = pytest.mark.database_independent

PLAIN = Markup(BASIC_TAGS)
RICH = Markup(BASIC_TAGS | HEADINGS, extensions=("toc", "sane_lists"),
              image_source=local_path_under("/media/"))


def test_external_links_open_safely_and_internal_links_stay_plain():
    html = PLAIN.render("[a](https://partner.example) and [b](/courses/)")
    assert '<a href="https://partner.example" rel="noopener noreferrer">a</a>' in html
    assert '<a href="/courses/">b</a>' in html


def test_scripts_events_and_javascript_links_never_pass_any_profile():
    source = ('<script>alert(1)</script><img src=x onerror=alert(2)>'
              '[x](javascript:alert(3)) <a href="#" onclick="alert(4)">y</a>')
    for profile in (PLAIN, RICH):
        html = profile.render(source)
        assert "<script" not in html and "onerror" not in html
        assert "javascript:" not in html and "onclick" not in html


def test_headings_get_anchors_only_where_the_profile_asks_for_them():
    assert RICH.render("## Working together") == '<h2 id="working-together">Working together</h2>'
    assert PLAIN.render("## Working together") == "Working together"


def test_images_only_from_the_allowed_place():
    assert '<img alt="Map" src="/media/ab.png">' in RICH.render("![Map](/media/ab.png)")
    assert "<img" not in RICH.render("![Map](https://tracker.example/a.png)")
    assert "<img" not in RICH.render("![Map](/media/../secret.png)")
    assert "<img" not in PLAIN.render("![Map](/media/ab.png)")


def test_an_empty_text_gives_nothing_and_paragraphs_split_on_blank_lines():
    assert PLAIN.render("   ") == "" and PLAIN.render(None) == ""
    assert paragraphs("One\nline two\n\n\nThree  \n") == ["One\nline two", "Three"]
