"""The export tables as pandas DataFrames, with Chinese column names.

Values are the *effective* (reviewed) ones; section paths and missing parts come from the live,
reviewed sections. Each figure's quote is re-checked against the report text (column 原文核对).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection

import pandas as pd

from core.extraction import PART_LABELS
from core.store.records import REVIEWED_STATUSES, SectionRecord
from core.store.reports import missing_parts
from core.store.sections import SectionPaths

SUMMARY_COLUMNS = ["报告单位", "年度", "文件", "审核状态", "缺少的必备部分", "已确认", "已修改",
                   "人工新增", "待审", "已删除", "审核人", "审核时间"]
DETAIL_COLUMNS = ["报告单位", "年度", "文件", "所在章节", "事项", "数值", "计量单位", "限定语", "原文",
                  "所在句子", "页码", "状态", "审核人", "审核时间", "原文核对"]
_END_MARKS = "。！？；!?;\n"
_SENTENCE_END = re.compile(f"[{_END_MARKS}]")
_MAX_SENTENCE = 300


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (bounded, so a run-on paragraph stays readable)."""
    lo = max(0, start - _MAX_SENTENCE)
    # rfind per end mark runs in C; a regex scan of the left context was half the export time
    begin = max(max(text.rfind(ch, lo, start) for ch in _END_MARKS) + 1, lo)
    m = _SENTENCE_END.search(text, end, min(len(text), end + _MAX_SENTENCE))
    stop = m.end() if m else min(len(text), end + _MAX_SENTENCE)
    return text[begin:stop].strip()


def _last_activity(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Latest reviewer and time per report (SQLite returns the row of max(at) for bare columns)."""
    rows = conn.execute("SELECT report_id, reviewer, max(at) FROM audit WHERE action != 'import'"
                        " GROUP BY report_id")
    return {rid: (who, at) for rid, who, at in rows}


def summary_table(conn: sqlite3.Connection, report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """One row per report (``report_ids``: only those reports; None: all)."""
    rows = conn.execute(
        "SELECT r.id, r.org, r.year, r.file_name, r.review_state,"
        " count(f.id) FILTER (WHERE f.status = '已确认'), count(f.id) FILTER (WHERE f.status = '已修改'),"
        " count(f.id) FILTER (WHERE f.status = '人工新增'), count(f.id) FILTER (WHERE f.status = '待审'),"
        " count(f.id) FILTER (WHERE f.status = '已删除')"
        " FROM reports r LEFT JOIN figures f ON f.report_id = r.id GROUP BY r.id"
        " ORDER BY r.org, r.year, r.file_name").fetchall()
    missing = missing_parts(conn)
    activity = _last_activity(conn)
    data = []
    for rid, org, year, name, state, *counts in rows:
        if report_ids is not None and rid not in report_ids:
            continue
        who, at = activity.get(rid, (None, None))
        gaps = "、".join(PART_LABELS[k] for k in missing.get(rid, []))
        data.append([org, year, name, state, gaps, *counts, who, at])
    return pd.DataFrame(data, columns=SUMMARY_COLUMNS).astype({"年度": "Int64"})


def _section_paths(conn: sqlite3.Connection) -> dict[int, SectionPaths]:
    by_report: dict[int, list[SectionRecord]] = {}
    rows = conn.execute('SELECT id, report_id, origin, marker, title, text, start, "end",'
                        " det_level, det_kind, rev_level, rev_kind, removed, stale, reviewer,"
                        " reviewed_at FROM sections WHERE removed = 0")
    for r in rows:
        by_report.setdefault(r[1], []).append(
            SectionRecord(*r[:12], bool(r[12]), bool(r[13]), r[14], r[15]))
    return {rid: SectionPaths(secs) for rid, secs in by_report.items()}


def detail_table(conn: sqlite3.Connection, *, reviewed_only: bool = False,
                 report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """One row per figure (``reviewed_only``: confirmed / modified / added only)."""
    where = (f" WHERE f.status IN ({','.join('?' * len(REVIEWED_STATUSES))})"
             if reviewed_only else "")
    reports = {rid: (org, year, name, text) for rid, org, year, name, text in
               conn.execute("SELECT id, org, year, file_name, text FROM reports")}
    paths = _section_paths(conn)
    rows = conn.execute(
        'SELECT f.report_id, f.text, f.start, f."end", f.page, f.rev_value, f.rev_unit,'
        " f.rev_qualifier, f.rev_subject, f.status, f.stale, f.reviewer, f.reviewed_at"
        " FROM figures f JOIN reports r ON r.id = f.report_id" + where +
        " ORDER BY r.org, r.year, r.file_name, f.start, f.id",
        REVIEWED_STATUSES if reviewed_only else ())
    data = []
    empty = SectionPaths([])
    for rid, quote, start, end, page, value, unit, qual, subj, status, stale, who, at in rows:
        if report_ids is not None and rid not in report_ids:
            continue
        org, year, name, text = reports[rid]
        if text[start:end] != quote:
            check = "不一致：原文已变化"
        elif stale:
            check = "重新识别未找到"
        else:
            check = ""
        data.append([org, year, name, paths.get(rid, empty).path_at(start), subj, value, unit,
                     qual, quote, sentence_at(text, start, end),
                     None if page is None else page + 1, status, who, at, check])
    table = pd.DataFrame(data, columns=DETAIL_COLUMNS).astype({"年度": "Int64", "页码": "Int64"})
    # object dtype, so 7 stays 7 beside 12.5 (a float column would print "7.0" in the CSV)
    table["数值"] = pd.Series([_tidy(row[5]) for row in data], dtype=object)
    return table


def _tidy(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def build_tables(conn: sqlite3.Connection, *, reviewed_only: bool = False,
                 report_ids: Collection[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables from one read snapshot, so the 汇总 counts agree with the 明细 rows."""
    ids = None if report_ids is None else frozenset(report_ids)
    conn.execute("BEGIN")
    try:
        return (summary_table(conn, ids),
                detail_table(conn, reviewed_only=reviewed_only, report_ids=ids))
    finally:
        conn.execute("COMMIT")
