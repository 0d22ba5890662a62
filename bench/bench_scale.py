"""Scale bench: how import, database size, export and window start grow with the archive.

For each size N (default 146 and 1,000; ``--sizes 146 1000 5000`` for the province case) it builds
N synthetic reports from the corpus (../shared/corpus/shenzhen): copy k of a report changes one
digit of its text (the k-th digit, +1 mod 10), so every copy is a distinct report (new SHA-256)
with realistic structure and figures. Then, each step in its own child process:

* import: ``core.batch_import.import_paths`` into a fresh database; seconds and reports/s;
* database size (database + WAL, after a checkpoint; stored originals apart);
* export .xlsx of every report: seconds and peak memory (``ru_maxrss`` of the child);
* window start (offscreen): process start to the first report shown, and one keystroke in the
  report-list filter (median of several, each followed by processing the pending events).

Run: ``python -m bench.bench_scale [--sizes 146 1000 5000] [--corpus DIR] [--keep DIR]
[--json OUT]``. The 5,000 step takes several minutes on a 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "shenzhen"
_DIGIT = re.compile(r"[0-9]")


def make_reports(corpus: Path, n: int, dest: Path) -> int:
    """Write ``n`` reports to ``dest`` (copy 0 of each corpus report is the report itself)."""
    sources = sorted(p for p in corpus.iterdir() if p.suffix.lower() == ".txt")
    dest.mkdir(parents=True, exist_ok=True)
    texts = {}
    for i in range(n):
        src = sources[i % len(sources)]
        k = i // len(sources)
        text = texts.setdefault(src, src.read_text(encoding="utf-8"))
        if k:
            digits = [m.start() for m in _DIGIT.finditer(text)]
            pos = digits[(k - 1) % len(digits)] if digits else None
            if pos is None or k > len(digits):
                text = text + f"\n（副本{k}）"  # a digit-less report: mark the copy instead
            else:
                text = text[:pos] + str((int(text[pos]) + 1) % 10) + text[pos + 1:]
        (dest / f"{src.stem}__{k:03d}.txt").write_text(text, encoding="utf-8")
    return n


def _run_child(*args: str, env: dict | None = None, timeout: float = 3600) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.bench_scale", "--child", *args], cwd=ROOT,
                         capture_output=True, text=True, env=env, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"child {args[0]} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _peak_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the import parses in a child):
    steadier than wall time on a shared, busy machine."""
    import resource

    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def child_import(db: str, folder: str) -> dict:
    from core.batch_import import import_paths
    from core.store import Store

    store = Store(Path(db))
    t0, c0 = time.perf_counter(), _cpu_s()
    summary = import_paths(store, [Path(folder)])
    seconds, cpu = time.perf_counter() - t0, _cpu_s() - c0
    figures = store.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {"import_s": round(seconds, 2), "import_cpu_s": round(cpu, 2), "reports": len(summary.imported),
            "failed": len(summary.failed), "figures": figures, "import_peak_mb": _peak_mb()}


def child_export(db: str, out: str) -> dict:
    from core.export import export
    from core.store import Store

    store = Store(Path(db))
    t0, c0 = time.perf_counter(), _cpu_s()
    export(store, Path(out))
    seconds, cpu = time.perf_counter() - t0, _cpu_s() - c0
    store.close()
    return {"export_s": round(seconds, 2), "export_cpu_s": round(cpu, 2), "export_peak_mb": _peak_mb(),
            "export_mb": round(Path(out).stat().st_size / 1e6, 1)}


def child_window(keystrokes: int = 7) -> dict:
    """Process start to the first report shown; then filter keystrokes in the report list."""
    t_start = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    w = MainWindow()
    opened = []
    w.reportOpened.connect(opened.append)
    w.show()
    w.start([])

    def wait(cond, seconds):
        loop, poll = QEventLoop(), QTimer()
        poll.timeout.connect(lambda: cond() and loop.quit())
        poll.start(2)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        poll.stop()
        return cond()

    shown = wait(lambda: bool(opened), 120)
    result = {"window_first_report_s": round(time.perf_counter() - t_start, 2) if shown else None}
    edit = w.report_list.filter_edit
    costs = []
    for ch in "区政府工作报告"[:keystrokes]:
        t0 = time.perf_counter()
        edit.setText(edit.text() + ch)  # textChanged -> the list filter, as a keystroke does
        app.processEvents()
        costs.append((time.perf_counter() - t0) * 1000)
    result["filter_keystroke_ms"] = round(statistics.median(costs), 1)
    w.close()
    return result


def _db_size(db: Path) -> float:
    return round(sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6, 1)


def bench_size(corpus: Path, n: int, work: Path, window: bool) -> dict:
    folder = work / f"reports{n}"
    t0 = time.perf_counter()
    make_reports(corpus, n, folder)
    print(f"[{n}] {n} reports written in {time.perf_counter() - t0:.1f} s", flush=True)
    home = work / f"home{n}"
    db = home / "data" / "reports.sqlite3"  # where the window looks under REPORTDESK_HOME
    db.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "REPORTDESK_HOME": str(home)}
    row = {"size": n}
    row.update(_run_child("import", str(db), str(folder), env=env))
    row["db_mb"] = _db_size(db)
    print(f"[{n}] {row}", flush=True)
    row.update(_run_child("export", str(db), str(work / f"export{n}.xlsx"), env=env))
    print(f"[{n}] {row}", flush=True)
    if window:
        try:
            row.update(_run_child("window", env=env, timeout=600))
        except (RuntimeError, subprocess.TimeoutExpired, ValueError, IndexError) as exc:
            print(f"[{n}] window measurement failed: {str(exc)[-400:]}", flush=True)
    print(f"[{n}] {row}", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return row


def growth(rows: list[dict], key: str) -> str:
    """Cost per report relative to the smallest size (1.00 = exactly linear)."""
    base = rows[0]
    if not base.get(key):
        return ""
    return " / ".join(f"{(r[key] / r['size']) / (base[key] / base['size']):.2f}"
                      for r in rows if r.get(key) is not None)


def print_table(rows: list[dict]) -> None:
    cols = ["size", "import_s", "import_cpu_s", "figures", "db_mb", "export_s", "export_cpu_s",
            "export_peak_mb", "export_mb",
            "window_first_report_s", "filter_keystroke_ms"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    for key in ("import_cpu_s", "db_mb", "export_cpu_s", "export_peak_mb"):
        print(f"{key} per report, relative to {rows[0]['size']}: {growth(rows, key)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[146, 1000])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: temporary)")
    parser.add_argument("--no-window", action="store_true", help="core numbers only")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {"import": child_import, "export": child_export, "window": child_window}[kind](*rest)
        print(json.dumps(result))
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="reportdesk-scale-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            rows.append(bench_size(args.corpus, n, work, window=not args.no_window))
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
