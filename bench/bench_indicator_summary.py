"""Summary bench: how long the body × indicator table and year over year take on the corpus.

Imports the Shenzhen corpus (146 reports) into a fresh database, confirms every third mapped
figure (so cells mix 已确认 and 待审), then times, several runs each:

* ``Store.summary_inputs()`` — the one SQLite read;
* ``summary_table(inputs)`` for all years, and for each year present;
* ``year_over_year(inputs, year)`` for each year present;
* the .xlsx 指标汇总 and 同比 sheets alone (what they add to an export of everything);
* the window's 指标汇总 dock (offscreen Qt): read, summary of the latest year and of all years,
  year over year, the table model reset and the table painted — what the reviewer waits for.

Run: ``python -m bench.bench_indicator_summary [--corpus DIR] [--runs N]``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "shenzhen"


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main(argv: list[str] | None = None) -> int:
    from core.batch_import import import_paths
    from core.indicators.summary import summary_table, year_over_year
    from core.store import Store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"找不到语料文件夹：{args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        store = Store(Path(work) / "bench.sqlite3")
        t_import, _summary = _timed(lambda: import_paths(store, [args.corpus]))
        reports = store.list_reports()
        mapped = store.conn.execute(
            "SELECT id FROM figures WHERE rev_indicator IS NOT NULL ORDER BY id").fetchall()
        store.update_figures([(fid, {"status": "已确认"}) for (fid,) in mapped[::3]], "基准")
        print(f"导入 {len(reports)} 份报告 {t_import:.1f} s；对应到指标的数字 {len(mapped)} 个，"
              f"其中 {len(mapped[::3])} 个设为已确认")
        years = sorted({r.year for r in reports if r.year})
        totals, reads = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            t_read, inputs = _timed(store.summary_inputs)
            table = summary_table(inputs)
            for y in years:
                summary_table(inputs, year=y)
                year_over_year(inputs, y)
            totals.append(time.perf_counter() - t0)
            reads.append(t_read)
        cells = sum(len(r.cells) for r in table.rows)
        print(f"全部年度汇总表：{len(table.rows)} 行 × {len(table.indicators)} 列，{cells} 个非空单元格；"
              f"年度 {len(years)} 个")
        print(f"读取数据库（中位数）{statistics.median(reads) * 1000:.0f} ms；读取 + 全部年度汇总 + "
              f"每个年度的汇总和同比（中位数，{args.runs} 次）{statistics.median(totals) * 1000:.0f} ms"
              f"（最短 {min(totals) * 1000:.0f}，最长 {max(totals) * 1000:.0f}）")
        sheets = []
        for _ in range(args.runs):
            sheets.append(_timed(lambda: _indicator_sheets(store, Path(work) / "s.xlsx"))[0])
        print(f"导出 .xlsx 的指标汇总和同比两张表（中位数，{args.runs} 次）"
              f"{statistics.median(sheets) * 1000:.0f} ms（最长 {max(sheets) * 1000:.0f}）")
        gui = _gui_runs(store, args.runs)
        print(f"窗口中的指标汇总面板（offscreen，读取 + 汇总 + 同比 + 表格绘制，中位数，{args.runs} 次）："
              f"最新年度 {statistics.median(gui['latest']) * 1000:.0f} ms，"
              f"全部年度 {statistics.median(gui['all']) * 1000:.0f} ms"
              f"（最长 {max(gui['latest'] + gui['all']) * 1000:.0f} ms）")
        store.close()
    return 0


def _indicator_sheets(store, out: Path) -> None:
    from core.export.indicator_sheets import indicator_summary_sheet, year_over_year_sheet
    from core.export.workbook import write_review_xlsx

    write_review_xlsx(store, out, builders=[indicator_summary_sheet, year_over_year_sheet])


def _gui_runs(store, runs: int) -> dict[str, list[float]]:
    """Time the 指标汇总 dock on ``store``: refresh + paint, for the latest year and all years."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import gui  # noqa: F401 - the binding's reference-count workaround
    from gui.session import Session
    from gui.views.indicator_summary import IndicatorSummaryDock

    class _Source:
        def store(self):
            return store

    app = QApplication.instance() or QApplication([])
    dock = IndicatorSummaryDock(Session(_Source()))
    dock.resize(1400, 500)
    dock.show()
    app.processEvents()
    out: dict[str, list[float]] = {"latest": [], "all": []}
    for _ in range(runs):
        for name, index in (("latest", 1), ("all", 0)):
            dock.year_box.blockSignals(True)
            dock.year_box.setCurrentIndex(index)
            dock.year_box.blockSignals(False)
            t0 = time.perf_counter()
            dock.refresh()  # what a change or showing the dock costs: one read, both tables
            dock.view.viewport().repaint()
            app.processEvents()
            out[name].append(time.perf_counter() - t0)
    dock.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
