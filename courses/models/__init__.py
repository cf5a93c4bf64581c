"""The courses plugin's tables, one entity family per module."""
