"""Small helpers for the command line: UTF-8 output on any console, errors as one Chinese line."""
from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


def ensure_utf8_stdio() -> None:
    """Windows consoles default to a legacy code page; JSON with Chinese must not crash there."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


def fail(message: str, code: int) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return code


class ProgressBar:
    """A one-line text progress bar on stderr (stdout stays clean for data)."""

    def __init__(self, total: int, label: str = "", width: int = 30, stream=None):
        self.total = max(total, 1)
        self.label = label
        self.width = width
        self.stream = stream or sys.stderr

    def update(self, done: int, note: str = "") -> None:
        filled = int(self.width * done / self.total)
        bar = "█" * filled + "·" * (self.width - filled)
        text = f"\r{self.label}[{bar}] {done}/{self.total} {note[:40]}"
        self.stream.write(text.ljust(self.width + 60))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
