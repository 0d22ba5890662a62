"""One thin ``QUndoCommand`` for every review operation: it runs a ``core.review.ops.Op`` against
the GUI's store and hands the ``OpChanges`` to the session. The undo rules (the inverse, "a no-op
is not recorded", "skip what was deleted since") live in the op, tested without Qt.

The first ``redo`` runs ``op.do``; if that fails (the store refuses a value) or changes nothing,
the command marks itself obsolete so ``QUndoStack.push`` drops it and the redo history stays.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.errors import ReportError
from core.review.ops import Op


class OpCommand(QUndoCommand):
    def __init__(self, op: Op, session, reviewer: Callable[[], str],
                 on_error: Callable[[str], None] = lambda _msg: None):
        super().__init__(op.label)
        self.op = op
        self.session = session
        self.reviewer = reviewer
        self.on_error = on_error
        self.error: ReportError | None = None
        self._done_once = False

    def _run(self, step) -> None:
        try:
            changes = step(self.session.store(), self.reviewer())
        except ReportError as exc:  # e.g. the database is busy: say so, keep the stack
            self._failed(exc, exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - a defect in one op must not take the window down
            # Raised through Qt's C++ undo stack, a Python exception ends the process; the op's
            # transaction has rolled back, so saying so and carrying on loses nothing.
            self._failed(ReportError("internal", str(exc)),
                         f"内部错误：这一步没有完成，数据库未改变（{type(exc).__name__}: {exc}）。")
            return
        self.session.apply(changes)

    def _failed(self, error: ReportError, message: str) -> None:
        if not self._done_once:
            self.error = error
            self.setObsolete(True)
        self.on_error(message)

    def redo(self) -> None:
        if self._done_once:
            self._run(self.op.redo)
            return
        self._run(self.op.do)
        if self.error is None:
            self._done_once = True
            if self.op.noop:
                self.setObsolete(True)  # nothing changed: nothing to undo

    def undo(self) -> None:
        self._run(self.op.undo)
