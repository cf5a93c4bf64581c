"""One page that `make bench` loads: where it is, who is logged in, and the goal."""
from collections.abc import Callable
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
    # a scenario that changes something (a form posted): `script(base, cookie)` returns the Lua
    # script wrk runs instead; it is asked again before every run of wrk, so each run starts
    # from what the database holds then (the versions a save must be made from, say)
    script: Callable[[str, str | None], str] | None = None
