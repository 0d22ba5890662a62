"""Keyboard-only review of seed 000, from the first to the last figure, without the mouse."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.store.records import CONFIRMED, PENDING
from tests.gui.helpers import TXT
from tests.gui.review_fixtures import REVIEWER, open_path, press, store_of


def keyboard_review(qtbot, window) -> int:
    """The first pending figure is selected on opening: Y on each one (confirm and go to the
    next pending), Ctrl+Enter at the end (已审核); returns the number of key presses."""
    ctl = window.review_kit.ctl
    assert ctl.current() is not None and ctl.current().status == PENDING
    presses = 0
    limit = 500
    while any(f.status == PENDING for f in window.review.figures.model.items()) and limit:
        presses += press(qtbot, window, Qt.Key.Key_Y)
        limit -= 1
    presses += press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ctl.report_id() is not None
    return presses


def test_keyboard_only_review_of_seed_000(qtbot, rwindow, answers):
    open_path(qtbot, rwindow, TXT)
    rid = rwindow.review_kit.ctl.report_id()
    st = store_of(rwindow)
    n = len(st.list_figures(rid))
    assert st.get_report(rid).review_state == "未审"
    presses = keyboard_review(qtbot, rwindow)
    figs = st.list_figures(rid)
    assert all(f.status == CONFIRMED for f in figs)
    assert all(f.reviewer == REVIEWER for f in figs)
    assert st.get_report(rid).review_state == "已审核"
    assert answers.asked == []  # nothing pending: no question
    print(f"\nseed 000: {n} figures reviewed with {presses} key presses")
    assert presses == n + 1
