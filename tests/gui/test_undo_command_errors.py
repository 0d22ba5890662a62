"""A defect inside one review operation is reported in Chinese and leaves the undo stack usable;
raised through Qt's C++ undo stack it would otherwise end the whole program."""
from PySide6.QtGui import QUndoStack

from core.review.changes import NOTHING
from gui.review.undo_commands import OpCommand


class _Session:
    def __init__(self):
        self.applied = []

    def store(self):
        return object()

    def apply(self, changes):
        self.applied.append(changes)


class _BrokenOp:
    label = "坏操作"
    noop = False

    def do(self, store, reviewer):
        raise KeyError("no such field")

    undo = redo = do


class _GoodOp:
    label = "好操作"
    noop = False

    def do(self, store, reviewer):
        return NOTHING

    undo = redo = do


def test_an_op_that_raises_is_reported_and_not_recorded(qtbot):
    messages, session, stack = [], _Session(), QUndoStack()
    stack.push(OpCommand(_BrokenOp(), session, lambda: "张审核", messages.append))
    assert stack.count() == 0  # obsolete: nothing to undo
    assert len(messages) == 1 and messages[0].startswith("内部错误") and "KeyError" in messages[0]
    stack.push(OpCommand(_GoodOp(), session, lambda: "张审核", messages.append))
    assert stack.count() == 1 and session.applied == [NOTHING]
