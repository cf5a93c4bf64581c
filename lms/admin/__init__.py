"""Site administration: people, their roles and the audit log."""
