"""The networks plugin."""
