"""The site header of every page, written in Python rather than a template loop.

Every page pays for its header; through Jinja (a loop over the languages, another over the
menu, the signed-in person's proxy read a dozen times) it took about half a millisecond, as much
as some pages' own content. The markup is the one `base.html` wrote before.
"""
from flask import current_app, request
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup, escape

from lms.i18n import language_links, translations
from lms.nav import nav_items
from lms.permissions import site_role

CURRENT_LANGUAGE = ' aria-current="true"'
CURRENT_SECTION = ' aria-current="page"'


def _menu(user, locale, section, url_for):
    """The menu's items, kept per app in a map of (script root, language, site role, current
    section): whether an item shows depends on the site role alone (NavItem's contract), and
    the items, their links and the catalogues are fixed while the app runs (a few dozen menus
    in all)."""
    menus = current_app.extensions.setdefault("lms_menus", {})
    key = (request.script_root, locale, site_role(user), section)
    found = menus.get(key)
    if found is None:
        found = menus[key] = "".join(
            f'<li><a href="{escape(url_for(item.endpoint))}"'
            f'{CURRENT_SECTION if item.endpoint.split(".")[0] == section else ""}>'
            f'{escape(item.title)}</a></li>\n' for item in nav_items())
    return found


def site_header(csrf_token):
    """The <header>'s content: the site's name, the language switcher, the menu (the plugins'
    items this person may use, the current section marked) and the account links; the log-out
    form carries `csrf_token()`."""
    url_for = current_app.jinja_env.globals["url_for"]   # lms.templating's, which remembers
    _ = translations().ugettext
    locale = str(get_locale())
    # (outside the f-strings below, where the message extractor would not see them)
    languages_label, menu_label = _("Language"), _("Main")
    log_out, log_in, sign_up = _("Log out"), _("Log in"), _("Sign up")
    section = (request.endpoint or "").split(".")[0]
    user = current_user._get_current_object()
    out = [f'<div class="bar">\n<a class="brand" href="{escape(url_for("core.home"))}">'
           f'{escape(current_app.config["SITE_NAME"])}</a>\n'
           f'<nav class="languages" aria-label="{escape(languages_label)}">\n<ul>\n']
    for code, name, url, current in language_links():
        out.append(f'<li><a href="{escape(url)}" lang="{code}" hreflang="{code}"'
                   f'{CURRENT_LANGUAGE if current else ""}>{escape(name)}</a></li>\n')
    out.append(f'</ul>\n</nav>\n</div>\n<nav class="main-nav" aria-label="{escape(menu_label)}">'
               '\n<ul>\n')
    out.append(_menu(user, locale, section, url_for))
    out.append('</ul>\n<ul class="account-nav">\n')
    if user.is_authenticated:
        out.append(
            f'<li><a href="{escape(url_for("account.profile"))}">{escape(user.display_name)}'
            f'</a></li>\n<li>\n<form method="post" action="{escape(url_for("auth.logout"))}" '
            f'class="inline">\n<input type="hidden" name="csrf_token" '
            f'value="{escape(csrf_token())}">\n<button type="submit" class="link-button">'
            f'{escape(log_out)}</button>\n</form>\n</li>\n')
    else:
        out.append(f'<li><a href="{escape(url_for("auth.login"))}">{escape(log_in)}</a>'
                   f'</li>\n<li><a href="{escape(url_for("auth.signup"))}">'
                   f'{escape(sign_up)}</a></li>\n')
    out.append("</ul>\n</nav>\n")
    return Markup("".join(out))
