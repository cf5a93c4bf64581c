"""Quiz pages: taking a quiz and authoring it."""
