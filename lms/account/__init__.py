"""A person's own account: profile, language and password."""
