"""The PySide6 refcount defects (None, True) cannot bring the app down (gui/qt_compat.py)."""
import sys

import pytest

from PySide6.QtCore import QObject, Signal

import gui  # noqa: F401 - importing gui applies the protection


def test_many_void_qt_calls_leave_none_alive():
    obj = QObject()
    for _ in range(20000):  # more than None's natural reference count at start-up
        obj.setObjectName("x")
    assert sys.getrefcount(None) > 1 << 30


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal; the workaround is off")
def test_the_defect_is_still_there():
    """Fails once PySide6 stops dropping references to None: then delete gui/qt_compat.py (and
    this file), as the workaround is no longer needed."""
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    lost = before - sys.getrefcount(None)
    assert lost >= 900, "PySide6 fixed the None-refcount defect: remove gui/qt_compat.py"


class _Emitter(QObject):
    ping = Signal(int)


def test_many_signal_emits_leave_true_alive():
    obj = _Emitter()
    for i in range(20000):  # far more than True's natural reference count at start-up
        obj.ping.emit(i)
    assert sys.getrefcount(True) > 1 << 30 and sys.getrefcount(False) > 1 << 30


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal; the workaround is off")
def test_the_emit_defect_is_still_there():
    """Fails once ``Signal.emit`` stops dropping a reference to True: then the True/False part
    of gui/qt_compat.py can go."""
    obj = _Emitter()
    before = sys.getrefcount(True)
    for i in range(1000):
        obj.ping.emit(i)
    lost = before - sys.getrefcount(True)
    assert lost >= 900, "PySide6 fixed the Signal.emit refcount defect: simplify gui/qt_compat.py"
