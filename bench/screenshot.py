"""Saves docs/screenshot_pdf.png and docs/screenshot_docx.png: a PDF and a DOCX report under
review (a figure selected and highlighted). Run under Xvfb with a CJK font installed:

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m bench.screenshot

Without the xcb platform libraries (libxcb-cursor0 …) set QT_QPA_PLATFORM=offscreen: the
offscreen platform renders with the same fontconfig fonts.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="reportdesk-shot-")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "fixtures"
SHOTS = [(FIXTURES / "003_lanzhou.pdf", "screenshot_pdf.png", 6),
         (FIXTURES / "004_jiulongpo_tables.docx", "screenshot_docx.png", 4)]


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from bench.bench_gui_responsiveness import wait_until
    from gui.main_window import MainWindow

    _app = QApplication(sys.argv[:1])
    w = MainWindow()
    w.resize(1600, 960)
    w.show()
    (ROOT / "docs").mkdir(exist_ok=True)
    for path, name, row in SHOTS:
        opened = []
        w.reportOpened.connect(opened.append)
        w.import_paths([str(path)])
        wait_until(lambda opened=opened: bool(opened), 60)
        w.reportOpened.disconnect()
        w.review.figures.table.selectRow(row)
        wait_until(lambda: False, 1.5)  # pages rendered, flash over
        out = ROOT / "docs" / name
        w.grab().save(str(out))
        print(out)
    from gui.app import shutdown

    return shutdown(0)


if __name__ == "__main__":
    sys.exit(main())
