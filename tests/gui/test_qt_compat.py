"""The PySide6 None-refcount defect cannot bring the app down (gui/qt_compat.py)."""
import sys

from PySide6.QtCore import QObject

import gui  # noqa: F401 - importing gui applies the protection


def test_many_void_qt_calls_leave_none_alive():
    obj = QObject()
    for _ in range(20000):  # more than None's natural reference count at start-up
        obj.setObjectName("x")
    assert sys.getrefcount(None) > 1 << 30
