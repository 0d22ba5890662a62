"""Export bench: time and peak memory of the .xlsx export of a database, each run in a child.

Compares the current writer (XlsxWriter skeleton + rows streamed as XML from the database) with
earlier writers taken from the git history, on the same database:

* ``hand``: openpyxl header skeleton + each sheet's XML built as one string (commit dd5da40);
* ``xlsxwriter``: XlsxWriter ``constant_memory`` writing every cell (the commit "Export print layout: row heights …").

The database comes from ``bench.bench_scale`` (``--keep DIR`` leaves
``DIR/homeN/data/reports.sqlite3``) or any review database.

Run: ``python -m bench.bench_export DB [DB ...] [--runs 3] [--writers new hand xlsxwriter]``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the XlsxWriter writer is found by its commit message (hashes change when the branch is rebased)
WRITER_REVS = {"hand": "dd5da40", "xlsxwriter": ":/^Export print layout: row heights"}


def child(kind: str, db: str, out: str, old_module: str | None) -> dict:
    from core.store import Store

    store = Store(Path(db))
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    if kind == "new":
        from core.export import export

        export(store, Path(out))
    else:  # a writer of the git history, fed what it was written for
        spec = importlib.util.spec_from_file_location("old_xlsx_writer", old_module)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "rows_xml"):  # the hand-written one: DataFrames
            from core.export.summary_tables import build_tables

            summary, detail = build_tables(store)
            module.write_xlsx(Path(out), {"汇总": summary, "明细": detail})
        else:  # the XlsxWriter one: the same sheets as today
            from core.export.review_sheets import detail_sheet, summary_sheet
            from core.export.scope import ExportScope

            with store.export_stream() as stream:
                scope = ExportScope(store, stream)
                module.write_xlsx(Path(out), [summary_sheet(scope), detail_sheet(scope)])
    seconds = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
    rows = store.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    store.close()
    return {"seconds": seconds, "cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "file_mb": Path(out).stat().st_size / 1e6, "rows": rows}


def measure(kind: str, db: Path, runs: int, old_module: str | None, work: Path) -> dict:
    results = []
    for _ in range(runs):
        args = [sys.executable, "-m", "bench.bench_export", "--child", kind, str(db),
                str(work / f"{kind}.xlsx"), old_module or ""]
        out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"writer": kind, "db": str(db), "rows": results[0]["rows"],
            "median_s": round(statistics.median(r["seconds"] for r in results), 2),
            "min_s": round(min(r["seconds"] for r in results), 2),
            "median_cpu_s": round(statistics.median(r["cpu"] for r in results), 2),
            "peak_mb": round(max(r["peak_mb"] for r in results)),
            "file_mb": round(results[0]["file_mb"], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("dbs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writers", nargs="+", default=["new", *WRITER_REVS],
                        choices=["new", *WRITER_REVS])
    args = parser.parse_args()
    if args.child:
        kind, db, out, old = args.child
        print(json.dumps(child(kind, db, out, old or None)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        modules = {"new": None}
        for name, rev in WRITER_REVS.items():
            if name in args.writers:
                commit = subprocess.run(["git", "rev-parse", rev], cwd=ROOT, capture_output=True,
                                        text=True, check=True).stdout.strip()
                source = subprocess.run(["git", "show", f"{commit}:core/export/xlsx_writer.py"], cwd=ROOT,
                                        capture_output=True, text=True, check=True).stdout
                modules[name] = str(work / f"{name}_xlsx_writer.py")
                Path(modules[name]).write_text(source, encoding="utf-8")
        for db in args.dbs:
            for name in args.writers:
                result = measure("new" if name == "new" else "old", db, args.runs, modules[name], work)
                print(json.dumps({**result, "writer": name}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
