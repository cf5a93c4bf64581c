"""Pages of the open educational resources plugin."""
