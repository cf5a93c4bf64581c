"""The networks plugin's work: queries and changes; they flush, never commit.
The access policies are in access.py."""
