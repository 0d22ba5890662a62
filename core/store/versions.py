"""A report sent again with small corrections: find the earlier version, and replace it.

Import never decides alone. A new file whose body (单位) and year match a stored report is
imported as its own report, and the caller is told which earlier report it resembles; the user
then either keeps both or *replaces* the earlier one. Replacing keeps the earlier report's id and
every review decision: the new file's text and detections are applied to it with the same
re-detection machinery a newer detector uses (``rematch.redetect``: decisions follow their quoted
text, re-anchored or flagged stale, never silently moved), the new report row is removed, and
the earlier file is remembered in ``report_versions`` so importing it again is a duplicate.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from core.errors import ReportError
from core.extraction import Extraction, Figure, Meta, Section
from core.store import audit, rematch
from core.store.records import RematchSummary
from core.store.reports import load_document


@dataclass
class EarlierVersion:
    """A stored report the new one may be a corrected re-send of."""

    report_id: int
    file_name: str
    org: str
    year: int
    review_state: str
    imported_at: str

    def describe(self) -> str:
        return (f"“{self.file_name}”（编号 {self.report_id}，{self.org} {self.year} 年度，"
                f"{self.review_state}，导入于 {self.imported_at}）")


def earlier_versions(conn: sqlite3.Connection, report_id: int) -> list[EarlierVersion]:
    """Reports imported before ``report_id`` with the same body and year, newest first.

    Both must be known: a report whose body or year was not recognised matches nothing. Only
    earlier imports count, so re-running an import never offers to put an older file over a
    newer report.
    """
    row = conn.execute("SELECT org, year FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None or not row[0] or row[1] is None:
        return []
    rows = conn.execute(
        "SELECT id, file_name, org, year, review_state, imported_at FROM reports"
        " WHERE org = ? AND year = ? AND id < ? ORDER BY id DESC", (row[0], row[1], report_id))
    return [EarlierVersion(*r) for r in rows]


def _stored_extraction(conn: sqlite3.Connection, report_id: int, text: str) -> Extraction:
    """What detection proposed for a stored report (its ``det_*`` fields), as an Extraction."""
    r = conn.execute("SELECT source_path, format, org, year, published, doc_number, title,"
                     " warnings FROM reports WHERE id = ?", (report_id,)).fetchone()
    sections = [Section(level, marker, title, start, end, kind) for level, marker, title, start,
                end, kind in conn.execute(
                    'SELECT det_level, marker, title, start, "end", det_kind FROM sections'
                    " WHERE report_id = ? AND origin = 'detected' ORDER BY start", (report_id,))]
    figures = [Figure(start, end, quote, value, unit, qualifier, subject or "",
                      indicator=indicator)
               for quote, start, end, value, unit, qualifier, subject, indicator in conn.execute(
                   'SELECT text, start, "end", det_value, det_unit, det_qualifier, det_subject,'
                   " det_indicator FROM figures WHERE report_id = ? AND det_value IS NOT NULL"
                   " ORDER BY start", (report_id,))]
    return Extraction(source=r[0], format=r[1], text=text, meta=Meta(*r[2:7]),
                      sections=sections, figures=figures, warnings=json.loads(r[7] or "[]"))


def replace(conn: sqlite3.Connection, earlier_id: int, new_id: int,
            reviewer: str) -> RematchSummary:
    """Make ``earlier_id`` hold the file of ``new_id`` (caller's transaction); drop ``new_id``."""
    if earlier_id == new_id:
        raise ReportError("database", "不能用一份报告替换它自己。")
    cols = "sha256, file_name, source_path, format, original_file, imported_at"
    old = conn.execute(f"SELECT {cols} FROM reports WHERE id = ?", (earlier_id,)).fetchone()
    new = conn.execute(f"SELECT {cols} FROM reports WHERE id = ?", (new_id,)).fetchone()
    if old is None or new is None:
        missing = earlier_id if old is None else new_id
        raise ReportError("database", f"数据库中没有编号为 {missing} 的报告。")
    document = load_document(conn, new_id)
    extraction = _stored_extraction(conn, new_id, document.text)
    at = audit.now()
    conn.execute(
        "INSERT INTO report_versions (report_id, sha256, file_name, source_path, original_file,"
        " imported_at, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (earlier_id, old[0], old[1], old[2], old[4], old[5], at, reviewer))
    # the new row goes first: its sha256 is UNIQUE and moves to the earlier report
    conn.execute("DELETE FROM reports WHERE id = ?", (new_id,))
    conn.execute("UPDATE reports SET sha256 = ?, file_name = ?, source_path = ?, format = ?,"
                 " original_file = ?, imported_at = ? WHERE id = ?", (*new, earlier_id))
    audit.log(conn, reviewer, earlier_id, "report", earlier_id, "replace", "file",
              {"file": old[1], "sha256": old[0]},
              {"file": new[1], "sha256": new[0], "imported_as": new_id}, at)
    return rematch.redetect(conn, earlier_id, document, extraction, reviewer)
