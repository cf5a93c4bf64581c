"""Structured logs: one JSON object a line on stderr."""
import json
import logging
import sys

from lms.timeutil import utcnow


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {"time": utcnow().isoformat(timespec="milliseconds") + "Z",
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        for key in ("method", "path", "status", "user_id", "duration_ms"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(app):
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("lms", app.logger.name):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(str(app.config["LOG_LEVEL"]).upper())   # "info" works as well as "INFO"
        logger.propagate = False
