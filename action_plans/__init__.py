"""The action plans plugin."""
