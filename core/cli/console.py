"""Small helpers for the command line: UTF-8 output on any console, errors as one Chinese line."""
from __future__ import annotations

import contextlib
import io
import sys

from core.paths import display_path


EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_INTERRUPTED = 130  # the shell convention for a command stopped by Ctrl+C (128 + SIGINT)


def ensure_utf8_stdio() -> None:
    """Windows consoles default to a legacy code page; JSON with Chinese must not crash there.

    ``backslashreplace``: a file name that is not valid UTF-8 (Linux keeps its raw bytes as lone
    surrogates in ``sys.argv``) is printed as ``\\xb1`` escapes instead of raising in ``print``.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # not None (pythonw) nor a host's own stream object
            with contextlib.suppress(ValueError):
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def fail(message: str, code: int) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return code


def interrupted(message: str = "已中断（Ctrl+C）。") -> int:
    print(f"\n{message}", file=sys.stderr)
    return EXIT_INTERRUPTED


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
        text = f"\r{self.label}[{bar}] {done}/{self.total} {display_path(note)[:40]}"
        self.stream.write(text.ljust(self.width + 60))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
