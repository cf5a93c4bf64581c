"""The toolkit's pages: self-assessment tools, their authoring, and course resources."""
