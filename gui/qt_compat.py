"""Work-arounds for defects of the Qt binding that the app must survive.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a void C++ method
(measured: 1,000 ``QPainter.setPen`` or ``QObject.setObjectName`` calls lower
``sys.getrefcount(None)`` by 1,000). Painting a page of highlights makes hundreds of such calls,
so within seconds of scrolling ``None``'s count reached zero and the interpreter aborted with
"Fatal Python error: none_dealloc". Python 3.12 made ``None`` immortal (PEP 683), which is why the
defect does not show there. Until the binding is fixed we do by hand what 3.12 does: give ``None``
a reference count so large that no session can use it up (2**40 calls at ~10^5 per second of
heavy painting is ~100 days). ``None`` is never freed anyway, so the extra count costs nothing.

The same binding drops one reference to ``True`` on every ``Signal.emit()`` called from Python
(measured: 100 emits lower ``sys.getrefcount(True)`` by 100, connected or not). ``True`` starts
with a few hundred references, so a few hundred decisions in a session (each emits several
signals) aborted the interpreter with "bool_dealloc". ``True`` and ``False`` get the same reserve.
"""
from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40


def protect_none() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on Python < 3.12 (idempotent)."""
    if sys.version_info >= (3, 12):
        return  # immortal already
    for obj in (None, True, False):
        if sys.getrefcount(obj) > _RESERVE // 2:
            continue
        # ob_refcnt is the first field of every PyObject (a Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
