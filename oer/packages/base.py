"""What every builder receives besides the snapshot, and the error a build raises."""
from dataclasses import dataclass
from datetime import datetime


@dataclass
class BuildContext:
    """The release a package is built for. `published_at` is the one timestamp written into
    archives (zip entries, EPUB's dcterms:modified), so rebuilding gives the same bytes."""
    release_number: int
    published_at: datetime
    landing_url: str        # absolute URL of the release page /oer/<slug>/v<n>/
    slug: str


class BuildError(Exception):
    """A package cannot be built; `message` (translated) names the file or part at fault."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)
