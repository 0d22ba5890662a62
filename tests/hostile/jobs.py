"""Stand-in parsers for the analysis child (module-level so the child can import them)."""
from __future__ import annotations

import time


def hang_forever(path, progress):
    """A parser stuck in a loop that never reports progress (what a reference cycle did)."""
    while True:
        time.sleep(0.01)


def spin_forever(path, progress):
    """The same, burning CPU in pure Python."""
    n = 0
    while True:
        n += 1


def allocate_forever(path, progress):
    """A parser inflating a bomb: memory grows until the child's address-space limit stops it."""
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))
