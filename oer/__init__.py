"""The open educational resources plugin."""
