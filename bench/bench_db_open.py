"""Open and list cost against archive size: 146 corpus reports, then ~2,000.

Run: ``python -m bench.bench_db_open [--corpus DIR] [--sizes 146 2000] [--runs 7]``.

The 146 Shenzhen corpus reports are imported for real; larger archives are grown from them
through the store (``Store.add_report``): each copy is a stored report with one digit of its text
changed (outside any figure, so every quote stays exact), as a re-sent report would be. For each
size it prints the median over ``--runs`` of:

* ``open``: ``Store(db).close()`` after a clean shutdown (no integrity check since schema v3);
* ``open+check``: the same with the full ``PRAGMA integrity_check`` every open used to run;
* ``list``: ``Store.list_reports()`` (covering index, never the reports' text);
* ``list (old)``: the previous list queries (reports table scan past each row's text and the
  LEFT JOIN for missing parts), kept here to show what changed.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "shenzhen"

OLD_LIST = ("SELECT id, file_name, org, year, format, review_state, reviewer, reviewed_at,"
            " imported_at FROM reports NOT INDEXED ORDER BY org, year, file_name")
OLD_MISSING = ("SELECT r.id, group_concat(DISTINCT s.rev_kind) FROM reports r NOT INDEXED"
               " LEFT JOIN sections s ON s.report_id = r.id AND s.removed = 0"
               " AND s.rev_kind IS NOT NULL GROUP BY r.id")


def _ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def grow(db: Path, target: int) -> int:
    """Add copies of the stored reports (one digit changed) until there are ``target``."""
    import hashlib

    from core.store import Store
    from core.store.versions import _stored_extraction

    with Store(db) as store:
        base = [r[0] for r in store.conn.execute("SELECT id FROM reports ORDER BY id")]
        count = len(base)
        copy = 0
        while count < target:
            rid = base[copy % len(base)]
            nth = copy // len(base)
            copy += 1
            document = store.load_document(rid)
            extraction = _stored_extraction(store.conn, rid, document.text)
            covered = set()
            for f in extraction.figures:
                covered.update(range(f.start, f.end))
            digits = [i for i, ch in enumerate(document.text) if ch.isdigit() and i not in covered]
            if not digits:
                continue
            pos = digits[nth % len(digits)]
            ch = document.text[pos]
            document.text = document.text[:pos] + str((int(ch) + 1 + nth // len(digits)) % 10) \
                + document.text[pos + 1:]
            extraction.text = document.text
            sha = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
            if store.find_by_sha(sha) is not None:
                continue
            store.add_report(document, extraction, source_path=f"copy-{copy}-{rid}.txt",
                             sha256=sha, reviewer="bench")
            count += 1
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return count


def measure(db: Path, runs: int) -> dict:
    from core.store import Store
    from core.store.reports import missing_parts  # noqa: F401 - warm the import

    Store(db).close()  # warm the page cache and imports once
    result = {
        "reports": None,
        "size_mb": round(_size_mb(db), 1),
        "open_ms": _ms(lambda: Store(db).close(), runs),
        "open_check_ms": _ms(lambda: Store(db, check_integrity=True).close(), max(3, runs // 2)),
    }
    with Store(db) as store:
        result["reports"] = len(store.list_reports())
        result["list_ms"] = _ms(store.list_reports, runs)

        def old_list():
            store.conn.execute(OLD_LIST).fetchall()
            store.conn.execute(OLD_MISSING).fetchall()
            store.conn.execute("SELECT report_id, status, count(*) FROM figures"
                               " GROUP BY report_id, status").fetchall()

        result["old_list_ms"] = _ms(old_list, runs)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[146, 2000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args(argv)

    from core.batch_import import import_paths
    from core.store import Store

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-db-open-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "reports.sqlite3"
    if not db.exists():
        with Store(db) as store:
            summary = import_paths(store, [args.corpus])
            print(f"imported {len(summary.imported)} corpus reports ({len(summary.failed)} failed)")
    rows = []
    for size in sorted(args.sizes):
        grow(db, size)
        r = measure(db, args.runs)
        rows.append(r)
        print(f"{r['reports']:>5} reports, {r['size_mb']:>6.1f} MB: open {r['open_ms']:.1f} ms "
              f"(with full integrity_check {r['open_check_ms']:.1f} ms); list "
              f"{r['list_ms']:.1f} ms (old queries {r['old_list_ms']:.1f} ms)", flush=True)
    print("| reports | DB MB | open ms | open + integrity_check ms | list ms | old list ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['reports']} | {r['size_mb']} | {r['open_ms']:.1f} | {r['open_check_ms']:.1f}"
              f" | {r['list_ms']:.1f} | {r['old_list_ms']:.1f} |")


if __name__ == "__main__":
    main()
