"""The site header on every page: languages, the menu with the current section, the account."""
import re


def header(response):
    return re.search(r'<header class="site-header">(.*?)</header>',
                     response.get_data(as_text=True), re.S).group(1)


def test_a_visitor_sees_the_languages_the_menu_and_how_to_log_in(client):
    html = header(client.get("/courses/"))
    assert '<a href="/language/de?next=/courses/" lang="de" hreflang="de">Deutsch</a>' in html
    assert 'lang="en" hreflang="en" aria-current="true">English</a>' in html
    assert '<a href="/courses/" aria-current="page">Courses</a>' in html
    assert '<a href="/login">Log in</a>' in html and '<a href="/signup">Sign up</a>' in html
    assert "Log out" not in html and "My learning" not in html


def test_a_signed_in_person_sees_their_name_and_a_protected_log_out(client, auth, make_user):
    user = make_user(display_name="Ayşe <Demir>", locale="tr")
    auth.login(user)
    html = header(client.get("/account/"))
    assert "Ayşe &lt;Demir&gt;</a>" in html                      # escaped
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', html)
    # in the person's language, and no menu section is current on their profile
    assert 'aria-label="Dil"' in html and '<a href="/courses/">Kurslar</a>' in html
    assert '<button type="submit" class="link-button">Çıkış yap</button>' in html
    assert 'aria-current="page"' not in html


def test_the_menu_follows_the_role_and_the_section_of_each_page(app, client, auth, make_user):
    """The menu is kept per role, language and section: what one person saw is not what
    the next one sees."""
    admin, learner = make_user(role="admin"), make_user(role="learner")
    auth.login(admin)
    html = header(client.get("/courses/"))
    assert '<a href="/admin/users">People</a>' in html and "Audit log" in html
    assert '<a href="/courses/" aria-current="page">Courses</a>' in html
    auth.logout()
    auth.login(learner)
    for _ in range(2):
        html = header(client.get("/courses/"))
        assert "People" not in html and "Audit log" not in html
        assert "My learning</a>" in html
    html = header(client.get("/oer/"))
    assert '<a href="/oer/" aria-current="page">' in html
    assert '<a href="/courses/">Courses</a>' in html
    assert '<a href="/courses/my">My learning</a>' in html
    auth.logout()
    html = header(client.get("/courses/"))
    assert "My learning" not in html and "People" not in html
