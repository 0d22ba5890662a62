"""Time and memory for OCR: each recognised page asks the parser's supervisor for more time.

The parser child runs under a per-file time limit sized for text files (seconds per MB). A scan
is small on disk but slow to read (seconds per page), so before each page it recognises the OCR
step asks for ``PAGE_ALLOWANCE_S`` more. The child installs the asking function
(:func:`set_requester`); outside a supervised child (tests, benches, the library used directly)
asking does nothing.

Memory: the child runs under an address-space limit (POSIX ``RLIMIT_AS``) sized for parsers.
The ONNX runtime reserves far more address space than it touches (1.6 GB reserved for ~0.6 GB
resident on a 150 dpi A4 page), so before the first page the OCR step raises the soft limit to
``OCR_ADDRESS_SPACE`` -- only for a file already found to hold scanned pages, and the page image
itself is bounded by ``core.ocr.page.MAX_PIXELS``, so a bomb still cannot take the machine.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable

# A page takes 3-8 s on an ordinary 2-core PC and up to ~30 s on a busy or old one; 120 s per page
# still stops a page that hangs.
PAGE_ALLOWANCE_S = 120.0

OCR_ADDRESS_SPACE = 3 * 1024 ** 3

_requester: Callable[[float], None] | None = None


def set_requester(fn: Callable[[float], None] | None) -> None:
    global _requester
    _requester = fn


def ask_for_time(seconds: float = PAGE_ALLOWANCE_S) -> None:
    if _requester is not None:
        _requester(seconds)


def widen_memory_limit(limit: int = OCR_ADDRESS_SPACE) -> None:
    """Raise the soft address-space limit to ``limit`` (never lower it, never above the hard one)."""
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; nothing to widen
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft >= limit:
        return
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
