"""The networks tests' people and profile, and a reader of a stored network."""
ROLES = ("coordinator", "editor", "contributor", "viewer")
PROFILE = {"name": "Rheinland Welcome Network", "region": "Köln", "country": "DE",
           "description": "We *work* together.", "visibility": "public",
           "themes": ["education", "housing"], "logo": b"", "logo_type": "", "logo_alt": ""}


def load_network(app, slug):
    """The network as stored now, themes loaded."""
    from networks.services.network import by_slug
    with app.app_context():
        return by_slug(slug)
