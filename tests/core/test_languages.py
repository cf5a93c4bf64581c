"""Which language a page is served in, and the switcher in the header."""
import pytest


@pytest.mark.parametrize(("header", "expected"), [
    ("de-DE,de;q=0.9,en;q=0.5", "de"), ("it", "it"), ("tr-TR", "tr"), ("fr-FR,fr", "en"),
    ("", "en")])
def test_browser_language_decides_for_visitors(client, header, expected):
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{expected}">' in page


def test_switcher_links_set_a_cookie_that_wins_over_the_browser(client):
    page = client.get("/organisations/").get_data(as_text=True)
    assert 'href="/language/de?next=/organisations/"' in page and 'lang="de"' in page
    response = client.get("/language/it?next=/organisations/")
    assert response.status_code == 302 and response.headers["Location"] == "/organisations/"
    page = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="it">' in page


def test_switcher_ignores_unknown_languages_and_foreign_targets(client):
    response = client.get("/language/xx?next=https://evil.example/")
    assert response.headers["Location"] == "/"
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_a_signed_in_persons_choice_is_stored(app, client, auth, make_user):
    user = make_user(locale="en")
    auth.login(user)
    client.get("/language/tr")
    other_device = app.test_client()
    other_device.post("/login", data={"email": user.email,
                                      "password": "correct horse battery staple"})
    page = other_device.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="tr">' in page


def test_mail_goes_out_in_the_recipients_language(client, make_user, outbox):
    make_user(email="italiano@example.org", locale="it")
    client.post("/password/forgot", data={"email": "italiano@example.org"},
                headers={"Accept-Language": "en"})
    message = outbox.last(to="italiano@example.org")
    assert message["Content-Language"] == "it"
    assert message["Subject"] != "Reset your password"


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Anmelden"), ("it", "Accedi"), ("tr", "Giriş")])
def test_pages_are_translated(client, language, text):
    page = client.get("/login", headers={"Accept-Language": language}).get_data(as_text=True)
    assert text in page
    assert "Forgot your password?" not in page
