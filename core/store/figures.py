"""The ``figures`` table: detector proposals, reviewer decisions and every change to them.

All mutations go through ``update`` (one code path for edits, confirm, delete, restore, reset and
the GUI's undo), which writes one audit row per changed field. Every read re-checks the quoted
text against the report text at its offsets and sets ``anchor_ok`` (in SQL for single rows:
``substr`` counts characters as Python ``str`` offsets do, so the report text never crosses into
Python for a one-figure read).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from core.document import Document
from core.errors import ReportError
from core.extraction import Figure
from core.store import audit
from core.store.connection import inserted_id
from core.domain import REVIEW_FIELDS
from core.store.records import (CONFIRMED, DELETED, FIGURE_STATUSES, MANUAL, MODIFIED, PENDING, UNSET,
                                FigureRecord)
from core.store.reports import report_text, start_review
from core.store.values import parse_value

_COLS = (
    'id, report_id, text, start, "end", page, det_value, det_unit, det_qualifier, det_subject,'
    " rev_value, rev_unit, rev_qualifier, rev_subject, status, prev_status, stale, reviewer,"
    " reviewed_at, det_indicator, rev_indicator, indicator_reviewer"
)
# the same columns for a join with ``reports r``, plus the anchor check done by SQLite
_JOINED = ", ".join("f." + c.strip() for c in _COLS.split(",")) + (
    ', substr(r.text, f.start + 1, f."end" - f.start) = f.text'
    " FROM figures f JOIN reports r ON r.id = f.report_id")


# ``_COLS`` by FigureRecord field name (rev_value is the effective ``value``, ...)
_FIELDS = ("id", "report_id", "text", "start", "end", "page", "det_value", "det_unit", "det_qualifier",
           "det_subject", "value", "unit", "qualifier", "subject", "status", "prev_status", "stale",
           "reviewer", "reviewed_at", "det_indicator", "indicator", "indicator_reviewer")


def _fields(row: Sequence[Any]) -> FigureRecord:
    rec = FigureRecord(**dict(zip(_FIELDS, row, strict=True)))
    rec.stale = bool(rec.stale)
    return rec


def _record(row: Sequence[Any], text: str) -> FigureRecord:
    rec = _fields(row)
    rec.anchor_ok = text[rec.start : rec.end] == rec.text
    return rec


def _checked_record(row: Sequence[Any]) -> FigureRecord:
    """A row of ``_JOINED`` (``_COLS`` + the anchor check SQLite made)."""
    rec = _fields(row[:-1])
    rec.anchor_ok = bool(row[-1])
    return rec


def insert_detected(conn: sqlite3.Connection, report_id: int, document: Document,
                    figures: list[Figure]) -> list[int]:
    """Insert detector figures as 待审; reviewed fields start as a copy of the detected ones."""
    ids = []
    for f in figures:
        cur = conn.execute(
            'INSERT INTO figures (report_id, text, start, "end", page, det_value, det_unit,'
            " det_qualifier, det_subject, rev_value, rev_unit, rev_qualifier, rev_subject, status,"
            " det_indicator, rev_indicator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '待审', ?, ?)",
            (report_id, f.text, f.start, f.end, document.page_of(f.start), f.value, f.unit,
             f.qualifier, f.subject, f.value, f.unit, f.qualifier, f.subject,
             getattr(f, "indicator", None), getattr(f, "indicator", None)),
        )
        ids.append(inserted_id(cur))
    return ids


def list_figures(conn: sqlite3.Connection, report_id: int, *, include_deleted: bool = True,
                 text: str | None = None) -> list[FigureRecord]:
    text = report_text(conn, report_id) if text is None else text
    where = "" if include_deleted else " AND status != '已删除'"
    rows = conn.execute(
        f"SELECT {_COLS} FROM figures WHERE report_id = ?{where} ORDER BY start, id", (report_id,)
    )
    return [_record(r, text) for r in rows]


def get_figure(conn: sqlite3.Connection, figure_id: int) -> FigureRecord:
    row = conn.execute(f"SELECT {_JOINED} WHERE f.id = ?", (figure_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {figure_id} 的数字。")
    return _checked_record(row)


def get_figures(conn: sqlite3.Connection, figure_ids) -> list[FigureRecord]:
    """Several figures in one statement (the ones an operation changed), in text order."""
    ids = sorted(set(figure_ids))
    if not ids:
        return []
    rows = conn.execute(f"SELECT {_JOINED} WHERE f.id IN ({','.join('?' * len(ids))})"
                        " ORDER BY f.start, f.id", ids)
    return [_checked_record(r) for r in rows]


def _auto_status(rec: FigureRecord, value, unit, qualifier, subject) -> str:
    """Status after a reviewer edit: manual stays manual; equal to detection counts as confirmed."""
    if rec.status == MANUAL or rec.det_value is None:
        return MANUAL
    same = (value, unit, qualifier, subject) == (
        rec.det_value, rec.det_unit, rec.det_qualifier, rec.det_subject)
    return CONFIRMED if same else MODIFIED


def update(conn: sqlite3.Connection, figure_id: int, reviewer: str, *, value: Any = UNSET,
           unit: Any = UNSET, qualifier: Any = UNSET, subject: Any = UNSET,
           status: Any = UNSET, action: str = "edit",
           current: FigureRecord | None = None) -> FigureRecord:
    """Set any reviewed field and/or the status; unchanged fields are not audited.

    Without an explicit ``status``, an edit of a live figure derives it (``_auto_status``);
    with one (the GUI's undo passing the old status) it is taken as given. ``current``: the row
    as just read in this transaction (saves reading it twice).
    """
    rec = current if current is not None else get_figure(conn, figure_id)
    new: dict[str, Any] = {"value": rec.value, "unit": rec.unit, "qualifier": rec.qualifier,
                           "subject": rec.subject, "status": rec.status}
    if value is not UNSET:
        new["value"] = None if value is None else parse_value(value)
    for name, given in (("unit", unit), ("qualifier", qualifier), ("subject", subject)):
        if given is not UNSET:
            new[name] = given
    fields_changed = any(new[f] != getattr(rec, f) for f in REVIEW_FIELDS)
    if status is not UNSET:
        if status not in FIGURE_STATUSES:
            raise ReportError("database", f"数字状态不能是“{status}”。")
        new["status"] = status
    elif fields_changed and rec.status != DELETED:
        new["status"] = _auto_status(rec, *(new[f] for f in REVIEW_FIELDS))
    changed = {k: v for k, v in new.items() if v != getattr(rec, k)}
    if not changed:
        return rec
    prev_status = rec.status if new["status"] == DELETED and rec.status != DELETED else rec.prev_status
    at = audit.now()
    conn.execute(
        "UPDATE figures SET rev_value = ?, rev_unit = ?, rev_qualifier = ?, rev_subject = ?,"
        " status = ?, prev_status = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
        (new["value"], new["unit"], new["qualifier"], new["subject"], new["status"],
         prev_status, reviewer, at, figure_id),
    )
    for name, value_new in changed.items():
        audit.log(conn, reviewer, rec.report_id, "figure", figure_id, action, name,
                  getattr(rec, name), value_new, at)
    start_review(conn, rec.report_id, reviewer)
    # the row as written (no read-back: every column that changed is known here)
    return replace(rec, **new, prev_status=prev_status, reviewer=reviewer, reviewed_at=at)


def confirm(conn: sqlite3.Connection, figure_id: int, reviewer: str) -> FigureRecord:
    rec = get_figure(conn, figure_id)
    if rec.status in (PENDING,):
        return update(conn, figure_id, reviewer, status=CONFIRMED, action="confirm", current=rec)
    return rec  # already decided (or deleted: restore first); confirming changes nothing


def delete(conn: sqlite3.Connection, figure_id: int, reviewer: str) -> FigureRecord:
    """Hide the figure (status 已删除); the row and its history stay."""
    return update(conn, figure_id, reviewer, status=DELETED, action="delete")


def restore(conn: sqlite3.Connection, figure_id: int, reviewer: str) -> FigureRecord:
    rec = get_figure(conn, figure_id)
    if rec.status != DELETED:
        return rec
    return update(conn, figure_id, reviewer, status=rec.prev_status or PENDING, action="restore",
                  current=rec)


def reset(conn: sqlite3.Connection, figure_id: int, reviewer: str) -> FigureRecord:
    """Back to exactly what the detector proposed, status 待审 (manual figures cannot reset)."""
    rec = get_figure(conn, figure_id)
    if rec.det_value is None:  # no detection behind it
        raise ReportError("database", "人工新增的数字没有识别结果可以恢复。")
    return update(conn, figure_id, reviewer, value=rec.det_value, unit=rec.det_unit,
                  qualifier=rec.det_qualifier, subject=rec.det_subject, status=PENDING,
                  action="reset", current=rec)


def add_manual(conn: sqlite3.Connection, report_id: int, start: int, end: int, reviewer: str, *,
               value: Any, unit: str | None = None, qualifier: str | None = None,
               subject: str | None = None, page: int | None = None) -> FigureRecord:
    """A figure the detector missed, quoted from ``text[start:end]``; status 人工新增."""
    text = report_text(conn, report_id)
    if not (0 <= start < end <= len(text)):
        raise ReportError("database", f"所选范围 {start}–{end} 超出了报告正文。")
    number = parse_value(value)
    at = audit.now()
    cur = conn.execute(
        'INSERT INTO figures (report_id, text, start, "end", page, rev_value, rev_unit,'
        " rev_qualifier, rev_subject, status, reviewer, reviewed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '人工新增', ?, ?)",
        (report_id, text[start:end], start, end, page, number, unit, qualifier, subject,
         reviewer, at),
    )
    figure_id = inserted_id(cur)
    audit.log(conn, reviewer, report_id, "figure", figure_id, "add", None, None,
              {"text": text[start:end], "start": start, "end": end, "value": number,
               "unit": unit, "qualifier": qualifier, "subject": subject}, at)
    start_review(conn, report_id, reviewer)
    return get_figure(conn, figure_id)


def pending_in_range(conn: sqlite3.Connection, report_id: int, start: int,
                     end: int) -> list[int]:
    rows = conn.execute(
        "SELECT id FROM figures WHERE report_id = ? AND status = '待审' AND start >= ?"
        " AND start < ? ORDER BY start", (report_id, start, end),
    )
    return [r[0] for r in rows]
