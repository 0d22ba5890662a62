"""The export tables as pandas DataFrames, with Chinese column names.

Values are the *effective* (reviewed) ones; section paths and missing parts come from the live,
reviewed sections. Each figure's quote is re-checked against the report text (column 原文核对).
"""
from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd

from core.extraction import PART_LABELS
from core.store.export_reads import ExportSnapshot
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


def summary_table(snap: ExportSnapshot, report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """One row per report (``report_ids``: only those reports; None: all)."""
    data = []
    for rid, org, year, name, state, *counts in snap.summary:
        if report_ids is not None and rid not in report_ids:
            continue
        who, at = snap.activity.get(rid, (None, None))
        gaps = "、".join(PART_LABELS[k] for k in snap.missing.get(rid, []))
        data.append([org, year, name, state, gaps, *counts, who, at])
    return pd.DataFrame(data, columns=SUMMARY_COLUMNS).astype({"年度": "Int64"})


def detail_table(snap: ExportSnapshot, report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """One row per figure of the snapshot (it holds only reviewed ones if asked so)."""
    paths = {rid: SectionPaths(secs) for rid, secs in snap.sections.items()}
    data = []
    empty = SectionPaths([])
    for rid, quote, start, end, page, value, unit, qual, subj, status, stale, who, at in snap.figures:
        if report_ids is not None and rid not in report_ids:
            continue
        org, year, name, text = snap.reports[rid]
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


def build_tables(store, *, reviewed_only: bool = False,
                 report_ids: Collection[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables from one read snapshot of ``store`` (``Store.export_snapshot``), so the 汇总
    counts agree with the 明细 rows."""
    ids = None if report_ids is None else frozenset(report_ids)
    snap = store.export_snapshot(reviewed_only=reviewed_only)
    return summary_table(snap, ids), detail_table(snap, ids)
