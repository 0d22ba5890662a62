"""``export [--db FILE] --out FILE.xlsx|.csv [--reviewed-only]``: write the review summary.

Exit codes: 0 written; 2 wrong output suffix; 3 the database is unusable or the file cannot be
written.
"""
from __future__ import annotations

from pathlib import Path

from core.cli.console import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, ensure_utf8_stdio, fail
from core.errors import ReportError


def run(args) -> int:
    ensure_utf8_stdio()
    from core.export import export
    from core.store import Store

    if Path(args.out).suffix.lower() not in (".xlsx", ".csv"):
        return fail(f"导出文件的扩展名应为 .xlsx 或 .csv：{args.out}", EXIT_USAGE)
    if args.db and not Path(args.db).exists():
        return fail(f"找不到数据库文件：{args.db}", EXIT_UNREADABLE)
    try:
        with _open_for_reading(Store, args.db) as store:
            out = export(store, args.out, reviewed_only=args.reviewed_only)
            count = len(store.list_reports())
    except ReportError as exc:
        return fail(exc.message, EXIT_UNREADABLE)
    print(f"已导出 {count} 份报告的汇总：{out}")
    return EXIT_OK


def _open_for_reading(Store, db: str | None):
    """Exporting only reads: open read-only (no session row, no write at all). A database from an
    older version must be upgraded first, which needs a normal open."""
    try:
        return Store(db, read_only=True)
    except ReportError as exc:
        if exc.code != "read_only":
            raise
        return Store(db)
