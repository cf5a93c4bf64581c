"""The networks plugin's pages, one module per area: the networks themselves (network.py),
their people (people.py), the welcome of an invitation (welcome.py)."""
