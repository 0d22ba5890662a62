"""GUI responsiveness bench: a timer probe on the GUI thread records the longest gap between
ticks (= the longest the event loop was blocked) while

1. launching (time from process start to a shown, painted window),
2. batch-importing ../shared/corpus/shenzhen (146 TXT) through the window's import flow,
3. choosing a seed PDF (003_lanzhou.pdf, the largest readable fixture) until it is shown with its
   highlights and first page rendered, then scrolling through every page.

Run from the repository root:  python -m bench.bench_gui_responsiveness
(offscreen by default; data goes to a temporary REPORTDESK_HOME).
"""
from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "shenzhen"
BIG_PDF = SHARED / "fixtures" / "003_lanzhou.pdf"


class Probe:
    """Ticks every 5 ms; ``max_gap_ms`` is the longest time between two ticks minus 5 ms."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.reset()

    def reset(self):
        self.last = time.perf_counter()
        self.max_gap = 0.0

    def _tick(self):
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last - 0.005)
        self.last = now

    def start(self):
        self.reset()
        self.timer.start()

    @property
    def max_gap_ms(self) -> float:
        return round(self.max_gap * 1000, 1)


def wait_until(cond, timeout_s: float) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: cond() and loop.quit())
    poll.start(2)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()
    return cond()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="reportdesk-bench-")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from gui.main_window import MainWindow

    probe = Probe()
    w = MainWindow()
    w.resize(1600, 1000)
    w.show()
    wait_until(lambda: w.isVisible() and w.windowHandle().isExposed(), 5)
    app.processEvents()
    results = {"launch_to_window_s": round(time.perf_counter() - T0, 3)}
    w.start([])  # what run_app does next: the sample report on an empty database
    wait_until(lambda: w.review.report is not None, 30)
    results["launch_to_sample_shown_s"] = round(time.perf_counter() - T0, 3)

    # 2. batch import of the corpus
    done = []
    w.importFinished.connect(done.append)
    probe.start()
    t = time.perf_counter()
    w.import_paths([str(CORPUS)])
    wait_until(lambda: bool(done), 600)
    results["corpus_files"] = len(done[0].imported) + len(done[0].failed) if done else None
    results["corpus_import_s"] = round(time.perf_counter() - t, 2)
    results["corpus_import_max_block_ms"] = probe.max_gap_ms
    wait_until(lambda: w.review.report is not None, 10)

    # 3. choose the seed PDF → shown with highlights
    opened = []
    w.reportOpened.connect(opened.append)
    pdf = w.review.original.pdf_view
    probe.start()
    t = time.perf_counter()
    w.import_paths([str(BIG_PDF)])
    wait_until(lambda: bool(opened) and w.review.report.document.format == "pdf"
               and pdf.rendered_image(0) is not None, 30)
    results["choose_pdf_to_highlights_s"] = round(time.perf_counter() - t, 3)
    results["pdf_highlights"] = len(w.review.report.figures)
    # the same report a second time (already in the database: load + render only)
    opened.clear()
    t = time.perf_counter()
    w.open_report(w.review.report.id)
    wait_until(lambda: bool(opened) and pdf.rendered_image(0) is not None, 30)
    results["reopen_pdf_s"] = round(time.perf_counter() - t, 3)
    results["open_pdf_max_block_ms"] = probe.max_gap_ms

    # scroll through every page, a screen at a time
    probe.start()
    vs = pdf.verticalScrollBar()
    t = time.perf_counter()
    while vs.value() < vs.maximum():
        vs.setValue(vs.value() + vs.pageStep() // 2)
        wait_until(lambda: False, 0.03)
    for z in (1.5, 0.8):
        pdf.set_zoom(z)
        wait_until(lambda: False, 0.2)
    results["pdf_pages"] = pdf.page_count()
    results["scroll_s"] = round(time.perf_counter() - t, 2)
    results["scroll_max_block_ms"] = probe.max_gap_ms
    probe.timer.stop()
    print(json.dumps(results, ensure_ascii=False, indent=1))
    out = ROOT / "bench" / "results_gui.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    w.close()
    from gui.app import shutdown

    return shutdown(0)


if __name__ == "__main__":
    sys.exit(main())
