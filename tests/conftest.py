"""The suite's fixtures, one module per area of the code (tests/fixtures/), shared with every
test folder; what is not a fixture is in tests/helpers/."""
pytest_plugins = [
    "tests.fixtures.action_plans",
    "tests.fixtures.app",
    "tests.fixtures.browser",
    "tests.fixtures.courses",
    "tests.fixtures.networks",
    "tests.fixtures.oer",
]
