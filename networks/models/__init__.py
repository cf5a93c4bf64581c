"""The networks plugin's tables."""
from networks.models.event import Event
from networks.models.join_request import JoinRequest
from networks.models.member import Member, MemberTheme, Person
from networks.models.network import Network, NetworkTheme

__all__ = ["Event", "JoinRequest", "Member", "MemberTheme", "Person", "Network",
           "NetworkTheme"]
