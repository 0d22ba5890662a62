"""One filter keystroke in the report list at 146 / 1,000 / 5,000 reports (offscreen).

The list pane (filter box, proxy, model, table) is built as the window builds it and filled with
synthetic report rows; each keystroke types one more character of 区政府工作报告 and processes the
events it causes (filter, relayout, repaint). Prints the median per size.

    python -m bench.bench_report_filter [--sizes 146 1000 5000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from core.store.records import ReportSummary
from gui.views.report_list import ReportListPane

PLACES = ["南山", "福田", "罗湖", "宝安", "龙岗", "盐田", "坪山", "光明", "龙华", "大鹏"]


def reports(n: int) -> list[ReportSummary]:
    return [ReportSummary(i, f"{2010 + i % 14}年{PLACES[i % 10]}区政府工作报告_{i}.txt",
                          f"深圳市{PLACES[i % 10]}区人民政府", 2010 + i % 14, "txt", "未审", None, None, "",
                          pending=200, confirmed=i % 50) for i in range(n)]


def keystroke_ms(app: QApplication, n: int, text: str = "区政府工作报告") -> float:
    pane = ReportListPane()
    pane.resize(420, 700)
    pane.set_reports(reports(n))
    pane.show()
    app.processEvents()
    costs = []
    for ch in text:
        t = time.perf_counter()
        pane.filter_edit.setText(pane.filter_edit.text() + ch)
        app.processEvents()
        costs.append((time.perf_counter() - t) * 1000)
    pane.close()
    return statistics.median(costs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[146, 1000, 5000])
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    for n in args.sizes:
        print(f"{n:>6} reports: {keystroke_ms(app, n):6.1f} ms per keystroke (median of 7)")


if __name__ == "__main__":
    main()
