"""Builder of the pdf package (in progress)."""
from oer.packages.base import BuildError


def build(snapshot, fileobj, context):
    raise BuildError("This format is not built yet.")
