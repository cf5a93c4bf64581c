"""One page that `make bench` loads: where it is, who is logged in, and the goal."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    login: tuple[str, str] | None = None   # (email, password) of the person viewing
    goal: float | None = None              # least share of /healthz's requests/s, in %
    # when given, each request picks one of these paths at random (wrk's Lua hook) instead
    # of `path`: pages whose cost depends on what is asked, such as searches
    paths: tuple[str, ...] = ()
