"""The oer plugin's models, one entity family per module; importing this package maps them all."""
from oer.models.build import OerBuild
from oer.models.download import OerDownload
from oer.models.item import OerItem, OerPackage, OerRelease
from oer.models.practice import Practice, PracticeComment, practice_authors
from oer.models.search import OerCatalogueGeneration

__all__ = ["OerBuild", "OerCatalogueGeneration", "OerDownload", "OerItem", "OerPackage",
           "OerRelease", "Practice", "PracticeComment", "practice_authors"]
