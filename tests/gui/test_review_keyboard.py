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


def test_one_keypress_in_the_window_costs_a_handful_of_statements(qtbot, rwindow):
    """Y in the real window: the decision, the session, the report-list row and the history
    panel (read once, for the figure the key moved to) — counted on the GUI's connection."""
    from tests.gui.review_fixtures import open_path, press

    open_path(qtbot, rwindow, TXT)
    press(qtbot, rwindow, Qt.Key.Key_Y)  # the first decision also moves the report to 审核中
    statements: list[str] = []
    conn = rwindow.source.store().conn
    conn.set_trace_callback(statements.append)
    try:
        press(qtbot, rwindow, Qt.Key.Key_Y)
        qtbot.waitUntil(lambda: not rwindow.review_kit.history.refresh_due, timeout=5000)
    finally:
        conn.set_trace_callback(None)
    # trigger statements (report-list tallies) are reported again with the outer statement's
    # text although they run inside the same step: count each issued statement once
    statements = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    # measured 12: 7 for the decision (one transaction), 1 session, 3 list row, 1 history
    assert len(statements) <= 12, statements
    assert not any("SELECT text" in s or "blocks" in s for s in statements)
