"""Screenshots at an office laptop's 1366×768 (docs/office_*.png): the first start (sample loaded,
one line saying what to do), a report under review beside a duplicate, the delete confirmation
(Qt's own buttons in Chinese), the empty state, the 回收站, the metadata dialog and the whole
report's history. Run under Xvfb with a CJK font installed:

    xvfb-run -a -s "-screen 0 1366x768x24" python -m bench.screenshot_office

Each picture is the whole 1366×768 screen (Xvfb runs no window manager, so there is no frame).
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


def settle(seconds: float = 1.0) -> None:
    from bench.bench_gui_responsiveness import wait_until

    wait_until(lambda: False, seconds)  # pages rendered, flash over


def shot(window, name: str) -> None:
    settle()
    out = DOCS / name
    window.screen().grabWindow(0).save(str(out))
    print(out, f"window {window.width()}x{window.height()}")


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bench.bench_gui_responsiveness import wait_until
    from gui.app import configure_app, shutdown
    from gui.main_window import MainWindow
    from gui.review.answers import Answers
    from gui.review.meta_dialog import MetaDialog

    app = QApplication(sys.argv[:1])
    configure_app(app)
    DOCS.mkdir(exist_ok=True)
    w = MainWindow(answers=Answers(name=lambda: "张审核", yes_no=lambda _t, _x: True))
    w.show()
    opened: list[int] = []
    w.reportOpened.connect(opened.append)
    w.start([])
    wait_until(lambda: bool(opened), 60)
    shot(w, "office_first_start.png")
    w.hint_bar.hide()
    w.imports.ask_replace = lambda _name, _earlier: False  # keep the PDF and the DOCX both
    for path in (FIXTURES / "003_lanzhou.pdf", FIXTURES / "001_jizhou.pdf",
                 FIXTURES / "001_jizhou.docx"):
        opened.clear()
        w.import_paths([str(path)])
        wait_until(lambda: bool(opened) and not w.imports.busy(), 60)
    ctl = w.review_kit.ctl
    for _ in range(5):
        ctl.confirm()
    ctl.delete()
    w.review.figures.table.selectRow(3)
    shot(w, "office_review.png")

    box = QMessageBox(QMessageBox.Icon.Question, "删除报告",
                      f"把报告“{w.session.report.file_name}”移到回收站吗？其中 5 个数字已审核，审核结果一并保留。\n"
                      "可在“文件 → 回收站”中恢复。",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, w)
    box.show()
    shot(w, "office_delete_confirm.png")
    box.close()

    dialog = MetaDialog({"org": w.session.report.record.org or "",
                         "year": str(w.session.report.record.year or ""),
                         "published": "", "doc_number": "",
                         "title": w.session.report.record.title or ""}, w)
    dialog.show()
    shot(w, "office_meta_dialog.png")
    dialog.close()

    history = w.review_kit.history
    history.show_report_history()
    shot(w, "office_report_history.png")
    history.figure_scope.setChecked(True)

    w.review_kit.admin.delete_report(w.session.report_id())
    shot(w, "office_empty_state.png")
    w.review_kit.open_trash()
    shot(w, "office_trash.png")
    return shutdown(0)


if __name__ == "__main__":
    sys.exit(main())
