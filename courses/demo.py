"""Demo content for `flask seed-demo`."""


def seed(app, users=None, organisations=None, **extra):
    pass
