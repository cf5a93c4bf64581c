"""Pages about networks: the directories, creating and editing, the home and its feed, logos."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lms.charts import bar_chart
from lms.forms import ConfirmForm
from lms.organisations import KIND_LABELS
from lms.paging import page_number
from lms.permissions import can, require, require_object
from networks import ROLE_LABELS, THEME_LABELS
from networks.forms import NetworkForm
from networks.services import feed, invitations, logos
from networks.services import network as network_service
from networks.services.access import role_in

FEED_ON_HOME = 10


def choice(name, allowed):
    value = request.args.get(name, "")
    return value if value in allowed else ""


def load(slug, permission=None):
    """The network at `slug` when the visitor holds the route's permission on it (or
    `permission`, when the route checks another one), else 404."""
    return require_object(network_service.by_slug(slug), permission)


@require("networks.view")
def index():
    query = request.args.get("q", "").strip()
    theme = choice("theme", THEME_LABELS)
    networks, counts = network_service.directory(current_user, query, theme, page=page_number())
    return render_template("networks/index.html", networks=networks, counts=counts,
                           query=query, theme=theme,
                           themes=THEME_LABELS)


@require("networks.view")
def organisations():
    query = request.args.get("q", "").strip()
    kind = choice("kind", KIND_LABELS)
    rows, networks = network_service.organisation_directory(query, kind, page_number())
    return render_template("networks/organisations.html", organisations=rows, networks=networks,
                           query=query, kind=kind,
                           kinds=KIND_LABELS)


@require("networks.create")
def create():
    mine = network_service.my_organisations(current_user)
    form = NetworkForm(organisations=mine)
    if mine and form.validate_on_submit():
        organisation = next(o for o in mine if o.id == form.organisation.data)
        network = network_service.create(current_user, organisation, form.profile())
        flash(_("The network has been created. You are its coordinator."), "success")
        return redirect(url_for("networks.home", slug=network.slug))
    return render_template("networks/form.html", form=form, network=None, organisations=mine)


@require("networks.view")
def home(slug):
    network = load(slug)
    query = request.args.get("q", "").strip()
    kind, theme = choice("kind", KIND_LABELS), choice("theme", THEME_LABELS)
    members, total = network_service.member_directory(network, query, kind, theme, page_number())
    events = feed.page_of(network, current_user, size=FEED_ON_HOME)
    manage = can(current_user, "networks.manage_members", network)
    stakeholders = network_service.stakeholder_map(network)
    charts = {"kinds": bar_chart([(KIND_LABELS[k], n, False) for k, n in stakeholders["kinds"]]),
              "themes": bar_chart([(THEME_LABELS[t], n, False)
                                   for t, n in stakeholders["themes"]])}
    return render_template(
        "networks/home.html", network=network, members=members, total=total, query=query,
        kind=kind, theme=theme, kinds=KIND_LABELS, themes=THEME_LABELS,
        roles=ROLE_LABELS, stakeholders=stakeholders, charts=charts,
        contacts=network_service.contacts(network), events=events,
        sentence=feed.sentence, event_link=feed.link, my_role=role_in(current_user, network),
        see_people=can(current_user, "networks.view_people", network),
        requests=invitations.pending_request_count(network) if manage else 0,
        manage=manage, leave_form=ConfirmForm())


@require("networks.view")
def activity(slug):
    network = load(slug)
    return render_template("networks/activity.html", network=network,
                           events=feed.page_of(network, current_user, page_number()),
                           sentence=feed.sentence,
                           event_link=feed.link)


@require("networks.edit")
def edit(slug):
    network = load(slug)
    form = NetworkForm(obj=network, has_logo=bool(network.logo_hash))
    if form.validate_on_submit():
        network_service.update(network, form.profile(), current_user)
        flash(_("The network has been saved."), "success")
        return redirect(url_for("networks.home", slug=network.slug))
    return render_template("networks/form.html", form=form, network=network, organisations=None)


@require("networks.view")
def logo(slug, digest):
    network = load(slug)
    if not network.logo_hash or network.logo_hash != digest:
        abort(404)
    if not logos.STORE.exists(digest):
        abort(404)
    # the address changes with the content, so the file may be kept for good; members-only
    # networks' logos stay out of shared caches
    response = logos.STORE.send(digest, network.logo_type)
    response.cache_control.public = network.is_public
    response.cache_control.private = not network.is_public
    return response
