"""The courses plugin's work: queries and changes; they flush, never commit."""
