"""Errors the core raises for the user to read (Chinese messages, never tracebacks)."""
from __future__ import annotations


class ReportError(Exception):
    """An input the user gave cannot be used. ``message`` is a one-line Chinese sentence.

    ``code`` is a stable machine tag (``unsupported``, ``empty``, ``encoding``, ``corrupt``,
    ``encrypted``, ``scanned``, ``not_found``, ``too_large``, ``database``) so callers and tests can
    branch on the kind of failure without parsing the message.
    """

    def __init__(self, code: str, message: str, path: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:  # the message is what every caller shows
        return self.message


class Cancelled(Exception):
    """Raised from a progress callback to stop long work cooperatively."""
