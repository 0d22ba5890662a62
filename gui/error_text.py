"""One Chinese sentence for any error a background task hands the window: the core's own message
(``ReportError``), the cause of an ``OSError`` first (the system's words after it), else the text."""
from __future__ import annotations

from core.errors import ReportError, os_error_message


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, ReportError):
        return exc.message
    if isinstance(exc, OSError):
        return os_error_message(exc)
    return getattr(exc, "message", None) or str(exc) or "未知错误"
