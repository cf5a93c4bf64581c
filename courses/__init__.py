"""The courses plugin."""
