"""Exit 0 when the test PostgreSQL server answers (LMS_TEST_POSTGRES_URL), else 1."""
import os
import sys

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def server_url():
    return os.environ.get("LMS_TEST_POSTGRES_URL", DEFAULT_URL)


def answers(url=None):
    import psycopg
    try:
        with psycopg.connect(url or server_url(), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


if __name__ == "__main__":
    sys.exit(0 if answers() else 1)
