"""The public directories, the member directory's filters and the stakeholder map."""
import re

from tests.helpers import text


def test_the_directory_lists_public_networks_and_ones_own(client, auth, make_network, outsider):
    public = make_network(name="Open Network")
    private = make_network(name="Closed Circle", visibility="members")
    listing = text(client.get("/networks/"))
    assert "Open Network" in listing and "Closed Circle" not in listing
    assert "4 member organisations" in listing
    auth.login(private.people["viewer"])
    listing = text(client.get("/networks/"))
    assert "Open Network" in listing and "Closed Circle" in listing and "Members only" in listing
    assert "Closed Circle" not in text(client.get("/networks/?q=open"))
    assert public.slug


def test_the_directory_filters_by_theme(client, make_network):
    make_network(name="Education Network")
    assert "Education Network" in text(client.get("/networks/?theme=education"))
    page = text(client.get("/networks/?theme=health"))
    assert "Education Network" not in page and "No network matches your search." in page
    assert client.get("/networks/?theme=<script>&page=-5").status_code == 200


def test_organisations_in_public_networks_are_listed_with_their_networks(client, make_network,
                                                                         outsider):
    make_network(name="Open Network")
    make_network(name="Closed Circle", visibility="members",
                 kinds=("other", "other", "other", "other"))
    page = text(client.get("/networks/organisations"))
    assert "Coordinator Organisation" in page and "Networks: Open Network" in page
    assert "Closed Circle" not in page and "Outside Organisation" not in page
    filtered = text(client.get("/networks/organisations?kind=employer"))
    assert "Viewer Organisation" in filtered and "Editor Organisation" not in filtered


def test_the_member_directory_filters_by_type_and_name(client, network):
    home = f"/networks/{network.slug}"
    by_type = text(client.get(home + "?kind=ngo"))
    assert "1 organisation" in by_type and "Editor Organisation" in by_type
    by_name = text(client.get(home + "?q=viewer"))
    assert "1 organisation" in by_name and "Viewer Organisation" in by_name
    assert "0 organisations" in text(client.get(home + "?q=%25"))


def test_the_stakeholder_map_has_the_same_figures_in_svg_and_table(app, client, auth, network):
    auth.login(network.people["coordinator"])
    members = client.get(f"/networks/{network.slug}/people").get_data(as_text=True)
    for member_id in set(re.findall(r"/organisations/(\d+)/themes", members)):
        client.post(f"/networks/{network.slug}/organisations/{member_id}/themes",
                    data={"themes": ["housing"]})
    page = client.get(f"/networks/{network.slug}").get_data(as_text=True)
    svg = page.split('aria-labelledby="by-theme-caption"')[1].split("</svg>")[0]
    assert "Housing</text>" in svg and 'class="count">4</text>' in svg
    table = page.split('aria-labelledby="by-theme-caption"')[1].split("</table>")[0]
    assert '<th scope="row">Housing</th><td>4</td>' in table
    assert "4 member organisations in all." in text(client.get(f"/networks/{network.slug}"))
