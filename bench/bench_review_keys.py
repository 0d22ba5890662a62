"""Keyboard-only review of seed 000: how many key presses from opening to 已审核.

Runs the real window offscreen on a fresh database in a temporary folder: the first pending
figure is selected on opening; each ``Y`` confirms and moves to the next pending figure;
``Ctrl+Enter`` marks the report 已审核. Prints the figures, key presses and time.

    /work/venv/bin/python -m bench.bench_review_keys [report file]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_fae492f318547c6d.txt"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="bench_review_")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.store.records import PENDING
    from gui.main_window import MainWindow
    from gui.review.reviewer_name import store_name

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    app = QApplication.instance() or QApplication([])
    store_name("基准测试")
    window = MainWindow()
    window.show()
    loop = QEventLoop()
    window.reportOpened.connect(lambda _rid: QTimer.singleShot(0, loop.quit))
    window.import_paths([str(path)])
    loop.exec()
    while window.imports.busy():
        app.processEvents()
    window.activateWindow()
    while QApplication.activeWindow() is not window:
        app.processEvents()
    ctl = window.review_kit.ctl
    store = window.source.store()
    rid = ctl.report_id()
    presses = 0

    def press(key, mod=Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal presses
        QTest.keyClick(QApplication.focusWidget() or window, key, mod)
        presses += 1

    t0 = time.perf_counter()
    while any(f.status == PENDING for f in window.review.figures.model.items()):
        press(Qt.Key.Key_Y)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    elapsed = time.perf_counter() - t0
    figures = store.list_figures(rid)
    state = store.get_report(rid).review_state
    print(f"{path.name}: {len(figures)} figures, {presses} key presses "
          f"({presses / max(1, len(figures)):.2f} per figure), state {state}, "
          f"{elapsed * 1000:.0f} ms including database writes")
    window.close()
    return 0 if state == "已审核" else 1


if __name__ == "__main__":
    sys.exit(main())
