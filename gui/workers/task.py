"""The one worker abstraction: a ``QRunnable`` on the global ``QThreadPool``.

``Task(fn, *args)`` runs ``fn(ctx, *args)`` in a pool thread. ``ctx.progress(done, total, text)``
reports progress (it raises ``Cancelled`` once ``cancel()`` was called, so long work stops at the
next progress step); ``ctx.cancelled`` can be polled. Results come back through the signals
``progress(int, int, str)``, ``result(object)``, ``error(object)`` (the exception) and
``finished()`` — always emitted last. Signals are queued to the GUI thread; tasks never touch
widgets.
"""
from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.errors import Cancelled


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class TaskContext:
    """What the work function sees: progress reporting and the cancel flag."""

    def __init__(self, signals: TaskSignals, cancel_event: threading.Event):
        self._signals = signals
        self._cancel = cancel_event

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "", check: bool = True) -> None:
        """Report progress; raises ``Cancelled`` when cancelled (unless ``check`` is False)."""
        if check:
            self.check_cancelled()
        self._signals.progress.emit(int(done), int(total), text)


class Task(QRunnable):
    def __init__(self, fn, *args):
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps a reference until finished
        self._fn = fn
        self._args = args
        self._cancel = threading.Event()
        self.signals = TaskSignals()
        # convenient aliases
        self.progress = self.signals.progress
        self.result = self.signals.result
        self.error = self.signals.error
        self.finished = self.signals.finished

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # pool thread
        ctx = TaskContext(self.signals, self._cancel)
        try:
            value = self._fn(ctx, *self._args)
        except Cancelled as exc:
            self.signals.error.emit(exc)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never swallowed
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(self)
        return self
