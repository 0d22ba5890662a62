"""The ``reports`` table: inserting an analysed document, listing, review state, metadata."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from core.document import Document
from core.domain import META_FIELDS, ReviewState
from core.errors import ReportError
from core.extraction import PART_KINDS, Extraction
from core.store import audit, codec
from core.store.connection import inserted_id
from core.store.records import (CONFIRMED, DELETED, MANUAL, MODIFIED, PENDING, REVIEW_STATES,
                                ReportRecord, ReportSummary)

_COLS = (
    "id, sha256, file_name, source_path, format, imported_at, detected_at, org, year, published,"
    " doc_number, title, warnings, review_state, reviewer, reviewed_at, original_file"
)


def _record(row: tuple) -> ReportRecord:
    values = list(row)
    values[12] = json.loads(values[12] or "[]")
    return ReportRecord(*values)


def find_by_sha(conn: sqlite3.Connection, sha256: str) -> int | None:
    """The report holding this content, or the report it was replaced into (report_versions)."""
    row = conn.execute("SELECT id FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        row = conn.execute("SELECT report_id FROM report_versions WHERE sha256 = ?",
                           (sha256,)).fetchone()
    return row[0] if row else None


def insert_report(
    conn: sqlite3.Connection,
    document: Document,
    extraction: Extraction,
    *,
    sha256: str,
    source_path: str,
    original_file: str | None,
    reviewer: str,
) -> int:
    """Insert the report row only (sections and figures are added by the caller, same transaction)."""
    at = audit.now()
    m = extraction.meta
    cur = conn.execute(
        "INSERT INTO reports (sha256, file_name, source_path, format, imported_at, detected_at, org,"
        " year, published, doc_number, title, warnings, encoding, text, blocks, boxes, page_sizes,"
        " original_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sha256, Path(source_path).name, str(source_path), document.format, at, at,
            m.org, m.year, m.published, m.doc_number, m.title,
            json.dumps(extraction.warnings, ensure_ascii=False), document.encoding, document.text,
            codec.blocks_to_blob(document.blocks), codec.boxes_to_blob(document.boxes),
            json.dumps(document.page_sizes), original_file,
        ),
    )
    report_id = inserted_id(cur)
    audit.log(conn, reviewer, report_id, "report", report_id, "import", "file", None,
              str(source_path), at)
    return report_id


def set_detection_counts(conn: sqlite3.Connection, report_id: int) -> None:
    """Written last in the import transaction, so a checker can prove a report is complete."""
    conn.execute(
        "UPDATE reports SET det_sections = (SELECT count(*) FROM sections WHERE report_id = ?),"
        " det_figures = (SELECT count(*) FROM figures WHERE report_id = ?) WHERE id = ?",
        (report_id, report_id, report_id),
    )


def get_report(conn: sqlite3.Connection, report_id: int) -> ReportRecord:
    row = conn.execute(f"SELECT {_COLS} FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
    return _record(row)


def report_text(conn: sqlite3.Connection, report_id: int) -> str:
    row = conn.execute("SELECT text FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
    return row[0]


def load_document(conn: sqlite3.Connection, report_id: int) -> Document:
    row = conn.execute(
        "SELECT source_path, format, text, blocks, boxes, page_sizes, encoding, warnings"
        " FROM reports WHERE id = ?", (report_id,),
    ).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
    source, fmt, text, blocks, boxes, sizes, encoding, warnings = row
    return Document(
        source=source, format=fmt, text=text, blocks=codec.blocks_from_blob(blocks),
        boxes=codec.boxes_from_blob(boxes), page_sizes=[tuple(s) for s in json.loads(sizes)],
        encoding=encoding, warnings=json.loads(warnings),
    )


def missing_parts(conn: sqlite3.Connection, report_id: int | None = None) -> dict[int, list[str]]:
    """Required parts with no live section of that (reviewed) kind, per report.

    Reads the trigger-kept ``section_kinds`` tallies and report ids (from an index), never the
    reports' text or every heading, so its cost grows with the number of reports only.
    """
    if report_id is None:
        ids = [r[0] for r in conn.execute("SELECT id FROM reports")]
        rows = conn.execute("SELECT report_id, kind FROM section_kinds WHERE n > 0")
    else:  # the caller knows the report exists (one statement per decision counts)
        ids = [report_id]
        rows = conn.execute("SELECT report_id, kind FROM section_kinds WHERE report_id = ?"
                            " AND n > 0", (report_id,))
    present: dict[int, set[str]] = {}
    for rid, kind in rows:
        present.setdefault(rid, set()).add(kind)
    return {rid: [k for k in PART_KINDS if k not in present.get(rid, ())] for rid in ids}


def list_reports(conn: sqlite3.Connection, report_id: int | None = None) -> list[ReportSummary]:
    """All reports (or the one ``report_id``) with figure counts by status, ordered by body,
    year, file.

    Every query here reads an index (``reports_list``) or a few trigger-kept tally rows per
    report (``figure_counts``, ``section_kinds``): neither the reports' text, blocks and boxes
    (stored before the list columns in each row) nor every figure of the archive is read.
    """
    one = "" if report_id is None else " WHERE report_id = ?"
    args = () if report_id is None else (report_id,)
    counts: dict[int, dict[str, int]] = {}
    for rid, status, n in conn.execute(f"SELECT report_id, status, n FROM figure_counts{one}",
                                       args):
        counts.setdefault(rid, {})[status] = n
    rows = conn.execute(
        f"SELECT {', '.join(_LISTED)} FROM reports" + one.replace("report_id", "id") +
        " ORDER BY org, year, file_name", args).fetchall()
    missing = missing_parts(conn, report_id)
    out = []
    for row in rows:
        by_status = counts.get(row[0], {})
        fields: dict[str, Any] = dict(zip(_LISTED, row, strict=True))
        fields.update((name, by_status.get(status, 0)) for name, status in _COUNTED)
        out.append(ReportSummary(**fields, missing_parts=missing.get(row[0], [])))
    return out


# the order of ReportSummary's count fields
# the columns of the report list, named as ReportSummary's fields (all in the ``reports_list`` index)
_LISTED = ("id", "file_name", "org", "year", "format", "review_state", "reviewer", "reviewed_at",
           "imported_at")
# ReportSummary's tally field for each status
_COUNTED = (("pending", PENDING), ("confirmed", CONFIRMED), ("modified", MODIFIED), ("deleted", DELETED),
            ("manual", MANUAL))


def set_review_state(conn: sqlite3.Connection, report_id: int, state: str, reviewer: str) -> None:
    """Any state may be set (the GUI's undo goes backwards); each change is audited."""
    if state not in REVIEW_STATES:
        raise ReportError("database", f"审核状态只能是 {'、'.join(REVIEW_STATES)}，不能是“{state}”。")
    old = get_report(conn, report_id).review_state
    if old == state:
        return
    at = audit.now()
    conn.execute(
        "UPDATE reports SET review_state = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
        (state, reviewer, at, report_id),
    )
    audit.log(conn, reviewer, report_id, "report", report_id, "state", "review_state", old, state, at)


def start_review(conn: sqlite3.Connection, report_id: int, reviewer: str) -> None:
    """The first decision on a 未审 report moves it to 审核中 (audited like any change)."""
    # one statement in the common case (the report is already 审核中)
    at = audit.now()
    cur = conn.execute("UPDATE reports SET review_state = '审核中', reviewer = ?, reviewed_at = ?"
                       " WHERE id = ? AND review_state = '未审'", (reviewer, at, report_id))
    if cur.rowcount:
        audit.log(conn, reviewer, report_id, "report", report_id, "state", "review_state",
                  ReviewState.UNREVIEWED, ReviewState.IN_REVIEW, at)


def clean_meta_value(field: str, value):
    """The value to store for a metadata field; ``ReportError`` (Chinese) when it cannot be."""
    if field not in META_FIELDS:
        raise ReportError("database", f"不能修改报告字段“{field}”。")
    if isinstance(value, str):
        value = value.strip() or None
    if field == "year" and value is not None:
        try:
            value = int(str(value).strip().removesuffix("年"))
        except ValueError:
            value = -1
        if not 1949 <= value <= 2100:
            raise ReportError("database", "年度应为四位数字的年份，例如 2023。")
    return value


def set_meta(conn: sqlite3.Connection, report_id: int, field: str, value, reviewer: str,
             action: str = "edit") -> None:
    """Correct a metadata field (body, year, ...) the detector got wrong; empty text clears it."""
    value = clean_meta_value(field, value)
    old = conn.execute(f"SELECT {field} FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    if old == value:
        return
    at = audit.now()
    conn.execute(f"UPDATE reports SET {field} = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
                 (value, reviewer, at, report_id))
    audit.log(conn, reviewer, report_id, "report", report_id, action, field, old, value, at)
