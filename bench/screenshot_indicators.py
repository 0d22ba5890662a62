"""Saves docs/screenshot_indicator_summary.png: the window with the 指标汇总 dock over the corpus
(the five seed reports by default; with a larger corpus the year with most reports; a cell
that combines several figures selected). Run under Xvfb
with a CJK font installed:

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m bench.screenshot_indicators [--corpus DIR]

The corpus is imported into a fresh database first (about 15 s); every third mapped figure is
confirmed so the table mixes reviewed and 待审 cells, as it does during a review.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ["REPORTDESK_HOME"] = tempfile.mkdtemp(prefix="reportdesk-shot-")
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "seeds"  # the five seed reports: real bodies and years


def _prepare(corpus: Path) -> None:
    from core.batch_import import import_paths
    from core.store import Store

    with Store() as store:
        import_paths(store, [corpus])
        mapped = [f.id for r in store.list_reports() for f in store.list_figures(r.id)
                  if f.indicator]
        store.update_figures([(fid, {"status": "已确认"}) for fid in mapped[::3]], "截图")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    _prepare(args.corpus)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDockWidget

    from bench.bench_gui_responsiveness import wait_until
    from gui.main_window import MainWindow

    _app = QApplication(sys.argv[:1])
    w = MainWindow()
    w.resize(1600, 960)
    w.show()
    w.refresh_reports()
    kit = w.indicator_kit
    dock = kit.summary
    for other in w.findChildren(QDockWidget):  # the picture is of the summary: others closed
        if other is not dock:
            other.hide()
    kit.summary_toggle.trigger()
    wait_until(lambda: dock.table is not None, 10)
    years = Counter(r.year for r in dock.inputs.reports if r.year)
    if len(years) > 1 and years.most_common(1)[0][1] > 4:
        dock.set_filters(year=years.most_common(1)[0][0])
    w.resizeDocks([dock], [520], Qt.Orientation.Vertical)
    model = dock.model
    for r in range(len(dock.table.rows)):  # a cell with several figures, to show how
        for c in range(2, model.columnCount()):
            cell = model.cell(r, c)
            if cell is not None and len(cell.candidates) > 1:
                dock.view.setCurrentIndex(model.index(r, c))
                dock.open_cell(model.index(r, c))
                break
        else:
            continue
        break
    wait_until(lambda: False, 2.0)
    (ROOT / "docs").mkdir(exist_ok=True)
    out = ROOT / "docs" / "screenshot_indicator_summary.png"
    w.grab().save(str(out))
    print(out)
    from gui.app import shutdown

    return shutdown(0)


if __name__ == "__main__":
    sys.exit(main())
