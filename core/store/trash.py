"""The 回收站: a deleted report leaves the list and the exports but keeps every row, so it can be
restored; emptying the bin removes it for good. Every step is audited on the report
(``trash`` / ``untrash`` / ``purge``); the audit rows outlive a purged report (append-only).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from core.errors import ReportError
from core.store import audit


@dataclass(frozen=True)
class TrashedReport:
    id: int
    file_name: str
    org: str | None
    year: int | None
    deleted_at: str
    deleted_by: str


def trashed_ids(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT report_id FROM report_trash")}


def is_trashed(conn: sqlite3.Connection, report_id: int) -> bool:
    return conn.execute("SELECT 1 FROM report_trash WHERE report_id = ?",
                        (report_id,)).fetchone() is not None


def _name(conn: sqlite3.Connection, report_id: int) -> str:
    row = conn.execute("SELECT file_name FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
    return row[0]


def move_to_trash(conn: sqlite3.Connection, report_id: int, reviewer: str) -> bool:
    """False when it is in the bin already."""
    name = _name(conn, report_id)
    if is_trashed(conn, report_id):
        return False
    at = audit.now()
    conn.execute("INSERT INTO report_trash (report_id, deleted_at, deleted_by) VALUES (?, ?, ?)",
                 (report_id, at, reviewer))
    audit.log(conn, reviewer, report_id, "report", report_id, "trash", "回收站", None, name, at)
    return True


def restore(conn: sqlite3.Connection, report_id: int, reviewer: str) -> bool:
    """False when it was not in the bin."""
    name = _name(conn, report_id)
    if not conn.execute("DELETE FROM report_trash WHERE report_id = ?", (report_id,)).rowcount:
        return False
    audit.log(conn, reviewer, report_id, "report", report_id, "untrash", "回收站", name, None)
    return True


def list_trash(conn: sqlite3.Connection) -> list[TrashedReport]:
    return [TrashedReport(*row) for row in conn.execute(
        "SELECT r.id, r.file_name, r.org, r.year, t.deleted_at, t.deleted_by"
        " FROM report_trash t JOIN reports r ON r.id = t.report_id ORDER BY t.deleted_at DESC")]


def purge(conn: sqlite3.Connection, report_ids: list[int], reviewer: str) -> list[str]:
    """Delete these reports (only ones in the bin) with their sections and figures; returns the
    original copies no other report uses any more (the caller removes those files after the
    commit)."""
    at = audit.now()
    freed = []
    for rid in report_ids:
        if not is_trashed(conn, rid):
            continue
        name, original = conn.execute("SELECT file_name, original_file FROM reports WHERE id = ?",
                                      (rid,)).fetchone()
        audit.log(conn, reviewer, rid, "report", rid, "purge", "回收站", name, None, at)
        conn.execute("DELETE FROM figures WHERE report_id = ?", (rid,))
        conn.execute("DELETE FROM sections WHERE report_id = ?", (rid,))
        conn.execute("DELETE FROM reports WHERE id = ?", (rid,))  # report_trash row cascades
        conn.execute("DELETE FROM report_trash WHERE report_id = ?", (rid,))
        if original and conn.execute("SELECT 1 FROM reports WHERE original_file = ?",
                                     (original,)).fetchone() is None:
            freed.append(original)
    return freed


def without(snapshot, ids: set[int]):
    """An export snapshot without the reports ``ids`` (those in the bin)."""
    if not ids:
        return snapshot
    snapshot.summary = [r for r in snapshot.summary if r[0] not in ids]
    snapshot.figures = [r for r in snapshot.figures if r[0] not in ids]
    for name in ("missing", "activity", "sections", "reports"):
        table = getattr(snapshot, name)
        setattr(snapshot, name, {k: v for k, v in table.items() if k not in ids})
    return snapshot
