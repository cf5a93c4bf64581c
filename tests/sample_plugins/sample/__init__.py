"""A sample plugin with a table, a permission, a nav item, a CLI command and a migration."""
