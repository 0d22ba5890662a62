"""Screenshots at an office laptop's 1366×768 (docs/office_*.png): the first start (sample loaded),
a report under review with three reports in the list, the delete confirmation and the 回收站.
Run under Xvfb with a CJK font installed:

    xvfb-run -a -s "-screen 0 1366x768x24" python -m bench.screenshot_office

Each picture is the whole screen (window frame excluded: Xvfb runs no window manager).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="reportdesk-office-")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "fixtures"
DOCS = ROOT / "docs"


def shot(widget, name: str) -> None:
    from bench.bench_gui_responsiveness import wait_until

    wait_until(lambda: False, 1.0)  # pages rendered, flash over
    screen = widget.screen()
    out = DOCS / name
    screen.grabWindow(0).save(str(out))
    print(out, widget.size().width(), "x", widget.size().height())


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from bench.bench_gui_responsiveness import wait_until
    from gui.app import configure_app, shutdown
    from gui.main_window import MainWindow
    from gui.review.answers import Answers

    app = QApplication(sys.argv[:1])
    configure_app(app)
    DOCS.mkdir(exist_ok=True)
    w = MainWindow(answers=Answers(name=lambda: "张审核"))
    w.show()
    opened: list[int] = []
    w.reportOpened.connect(opened.append)
    w.start([])
    wait_until(lambda: bool(opened), 60)
    shot(w, "office_first_start.png")
    for path in (FIXTURES / "003_lanzhou.pdf", FIXTURES / "001_jizhou.docx"):
        opened.clear()
        w.import_paths([str(path)])
        wait_until(lambda: bool(opened), 60)
    ctl = w.review_kit.ctl
    for _ in range(5):
        ctl.confirm()
    ctl.delete()
    w.review.figures.table.selectRow(3)
    shot(w, "office_review.png")
    return shutdown(0 if app else 1)


if __name__ == "__main__":
    sys.exit(main())
