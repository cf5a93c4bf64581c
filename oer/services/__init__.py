"""The OER plugin's work: publishing and withdrawing releases, storing their packages, and
the catalogue's search (services/search/)."""
