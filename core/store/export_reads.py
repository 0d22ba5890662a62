"""What the export reads, as plain rows from one snapshot (the export itself runs no SQL).

``read_export(conn, reviewed_only)`` returns an ``ExportSnapshot``: per-report summary counts,
the last reviewer activity, live sections, report texts (for sentences and the anchor check) and
the figure rows, all read inside one read transaction so 汇总 and 明细 agree.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from core.domain import REVIEWED_STATUSES
from core.store.records import SectionRecord
from core.store.reports import missing_parts
from core.store.sections import section_record


@dataclass
class ExportSnapshot:
    # (id, org, year, file_name, review_state, 已确认, 已修改, 人工新增, 待审, 已删除)
    summary: list[tuple]
    missing: dict[int, list[str]]  # report id → required parts missing
    activity: dict[int, tuple[str, str]]  # report id → (last reviewer, time)
    sections: dict[int, list[SectionRecord]]  # report id → live sections
    reports: dict[int, tuple]  # report id → (org, year, file_name, text)
    # (report_id, text, start, end, page, value, unit, qualifier, subject, status, stale,
    #  reviewer, reviewed_at) in export order
    figures: list[tuple]


def _summary(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT r.id, r.org, r.year, r.file_name, r.review_state,"
        " count(f.id) FILTER (WHERE f.status = '已确认'), count(f.id) FILTER (WHERE f.status = '已修改'),"
        " count(f.id) FILTER (WHERE f.status = '人工新增'), count(f.id) FILTER (WHERE f.status = '待审'),"
        " count(f.id) FILTER (WHERE f.status = '已删除')"
        " FROM reports r LEFT JOIN figures f ON f.report_id = r.id GROUP BY r.id"
        " ORDER BY r.org, r.year, r.file_name").fetchall()


def _last_activity(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Latest reviewer and time per report (SQLite returns the row of max(at) for bare columns)."""
    rows = conn.execute("SELECT report_id, reviewer, max(at) FROM audit WHERE action != 'import'"
                        " GROUP BY report_id")
    return {rid: (who, at) for rid, who, at in rows}


def _live_sections(conn: sqlite3.Connection) -> dict[int, list[SectionRecord]]:
    by_report: dict[int, list[SectionRecord]] = {}
    rows = conn.execute('SELECT id, report_id, origin, marker, title, text, start, "end",'
                        " det_level, det_kind, rev_level, rev_kind, removed, stale, reviewer,"
                        " reviewed_at FROM sections WHERE removed = 0")
    for r in rows:
        by_report.setdefault(r[1], []).append(
            section_record(r))
    return by_report


def _figures(conn: sqlite3.Connection, reviewed_only: bool) -> list[tuple]:
    where = (f" WHERE f.status IN ({','.join('?' * len(REVIEWED_STATUSES))})"
             if reviewed_only else "")
    return conn.execute(
        'SELECT f.report_id, f.text, f.start, f."end", f.page, f.rev_value, f.rev_unit,'
        " f.rev_qualifier, f.rev_subject, f.status, f.stale, f.reviewer, f.reviewed_at"
        " FROM figures f JOIN reports r ON r.id = f.report_id" + where +
        " ORDER BY r.org, r.year, r.file_name, f.start, f.id",
        REVIEWED_STATUSES if reviewed_only else ()).fetchall()


def read_export(conn: sqlite3.Connection, reviewed_only: bool = False) -> ExportSnapshot:
    conn.execute("BEGIN")  # one read snapshot even while another process writes
    try:
        return ExportSnapshot(
            _summary(conn), missing_parts(conn), _last_activity(conn), _live_sections(conn),
            {rid: (org, year, name, text) for rid, org, year, name, text in
             conn.execute("SELECT id, org, year, file_name, text FROM reports")},
            _figures(conn, reviewed_only))
    finally:
        conn.execute("COMMIT")


class ExportStream:
    """The export's reads as streams inside one read transaction (``with store.export_stream():``).

    Unlike ``ExportSnapshot`` nothing is held for the whole archive: figure rows come from a
    cursor grouped by report, and a report's text and sections are read when its rows begin, so
    the .xlsx export's memory stays flat (the snapshot held every text and row: 6.1 GB peak at
    5,000 reports with the sheet XML). Reads of other Store methods that open their own
    transaction cannot run inside the ``with`` block.
    """

    def __init__(self, conn: sqlite3.Connection, reviewed_only: bool = False):
        self._conn = conn
        self.reviewed_only = reviewed_only

    def __enter__(self) -> ExportStream:
        self._conn.execute("BEGIN")  # one read snapshot even while another process writes
        return self

    def __exit__(self, *exc) -> None:
        self._conn.execute("COMMIT")

    def reports(self) -> list[tuple]:
        """(id, org, year, file_name, review_state) in export order."""
        return self._conn.execute("SELECT id, org, year, file_name, review_state FROM reports"
                                  " ORDER BY org, year, file_name, id").fetchall()

    def report_heads(self) -> dict[int, tuple]:
        """report id → (title, doc_number, published, opinion): the 汇总 sheet's document
        columns and the reviewer's 审核意见."""
        return {r[0]: r[1:] for r in self._conn.execute(
            "SELECT id, title, doc_number, published, opinion FROM reports")}

    def status_counts(self) -> list[tuple]:
        """(report_id, status, number of figures)."""
        return self._conn.execute(
            "SELECT report_id, status, count(*) FROM figures GROUP BY report_id, status").fetchall()

    def missing(self) -> dict[int, list[str]]:
        return missing_parts(self._conn)

    def activity(self) -> dict[int, tuple[str, str]]:
        return _last_activity(self._conn)

    def figures(self):
        """Figure rows as in ``ExportSnapshot.figures``, in export order, one report after another."""
        where = (f" WHERE f.status IN ({','.join('?' * len(REVIEWED_STATUSES))})"
                 if self.reviewed_only else "")
        return self._conn.execute(
            'SELECT f.report_id, f.text, f.start, f."end", f.page, f.rev_value, f.rev_unit,'
            " f.rev_qualifier, f.rev_subject, f.status, f.stale, f.reviewer, f.reviewed_at"
            " FROM figures f JOIN reports r ON r.id = f.report_id" + where +
            " ORDER BY r.org, r.year, r.file_name, r.id, f.start, f.id",
            REVIEWED_STATUSES if self.reviewed_only else ())

    def report(self, report_id: int) -> tuple[tuple, list[SectionRecord]]:
        """((org, year, file_name, text), live sections) of one report."""
        head = self._conn.execute("SELECT org, year, file_name, text FROM reports WHERE id = ?",
                                  (report_id,)).fetchone()
        rows = self._conn.execute(
            'SELECT id, report_id, origin, marker, title, text, start, "end", det_level, det_kind,'
            " rev_level, rev_kind, removed, stale, reviewer, reviewed_at FROM sections"
            " WHERE report_id = ? AND removed = 0", (report_id,))
        return head, [section_record(r) for r in rows]
