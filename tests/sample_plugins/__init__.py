"""Small plugins that prove the plugin contract in tests (not installed, loaded by source)."""
