"""Subprocess workers for the crash-safety tests and bench (killed with SIGKILL mid-work).

``python -m bench.store_workers import DB FOLDER N`` stores N synthetic reports, printing
``committed <sha>`` after each commit; ``edit DB REPORT_ID N TAG`` makes N figure edits, printing
``committed <figure id> <value>`` after each. The parent reads these lines, kills the process at
a random moment, then checks that everything printed is in the database.
"""
from __future__ import annotations

import sys
from pathlib import Path

from bench.store_samples import write_sample
from core.store import Store
from core.store.originals import sha256_of


def do_import(db: str, folder: str, count: int, offset: int = 0) -> None:
    store = Store(db, check_integrity=False)
    for seed in range(offset, offset + count):
        path, doc, ext = write_sample(Path(folder), seed, figures_per_part=25)
        sha = sha256_of(path)
        store.add_report(doc, ext, source_path=str(path), sha256=sha)
        print("committed", sha, flush=True)
    store.close()


def do_edit(db: str, report_id: int, count: int, tag: str) -> None:
    store = Store(db, check_integrity=False)
    ids = [f.id for f in store.list_figures(report_id)]
    for i in range(count):
        fid = ids[i % len(ids)]
        value = i + 1
        store.update_figure(fid, f"审核员{tag}", value=value, subject=f"{tag}-{i}")
        print("committed", fid, value, flush=True)
    store.close()


def main(argv: list[str]) -> int:
    if argv[0] == "import":
        do_import(argv[1], argv[2], int(argv[3]), int(argv[4]) if len(argv) > 4 else 0)
    elif argv[0] == "edit":
        do_edit(argv[1], int(argv[2]), int(argv[3]), argv[4])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def check_database(db: str) -> dict:
    """After a crash: integrity, and every report complete (its row counts match the counts
    written last in its import transaction). Returns a dict of findings for tests and bench."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        incomplete = conn.execute(
            "SELECT r.id FROM reports r WHERE r.det_figures = 0"
            " OR r.det_figures != (SELECT count(*) FROM figures f WHERE f.report_id = r.id)"
            " OR r.det_sections != (SELECT count(*) FROM sections s WHERE s.report_id = r.id)"
        ).fetchall()
        shas = {r[0] for r in conn.execute("SELECT sha256 FROM reports")}
        values = dict(conn.execute("SELECT id, rev_value FROM figures"))
        audit_rows = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        conn.close()
    return {"integrity": integrity, "incomplete": [r[0] for r in incomplete], "shas": shas,
            "values": values, "audit_rows": audit_rows}
