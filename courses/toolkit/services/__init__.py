"""The toolkit's work: queries and changes; they flush, never commit."""
