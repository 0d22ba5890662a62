"""The export tables, with Chinese column names: 汇总 as a pandas DataFrame, 明细 as streamed rows.

Values are the *effective* (reviewed) ones; section paths and missing parts come from the live,
reviewed sections (a part with no heading still counts when a paragraph covers it, as in the window). Each figure's quote is re-checked against the report text (column 原文核对).
Everything is read through ``Store.export_stream`` (one read snapshot; no SQL here).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator

import pandas as pd

from core.extraction import PART_LABELS
from core.domain import REVIEWED_STATUSES
from core.store.export_reads import ExportStream
from core.store.sections import SectionPaths

SUMMARY_COLUMNS = ["报告单位", "年度", "标题", "文号", "发布日期", "文件", "审核状态", "缺少的必备部分",
                   "已确认", "已修改", "人工新增", "待审", "已删除", "审核进度", "审核人", "审核时间",
                   "审核意见"]
_COUNTED = ("已确认", "已修改", "人工新增", "待审", "已删除")  # figure statuses counted per report
_REVIEWED = tuple(str(getattr(s, "value", s)) for s in REVIEWED_STATUSES)  # as column labels
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


def summary_table(stream: ExportStream, report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """One row per report (``report_ids``: only those reports; None: all).

    SQLite counts figures per (report, status); pandas pivots the counts into one column per
    status and derives the review progress (a fraction, shown as a percentage in the sheet).
    """
    reports = pd.DataFrame(stream.reports(), columns=["id", "报告单位", "年度", "文件", "审核状态"])
    if report_ids is not None:
        reports = reports[reports["id"].isin(report_ids)]
    counts = pd.DataFrame(stream.status_counts(), columns=["report_id", "status", "n"])
    per_status = (counts.pivot_table(index="report_id", columns="status", values="n",
                                     aggfunc="sum", fill_value=0)
                  .reindex(columns=list(_COUNTED), fill_value=0))
    table = reports.join(per_status, on="id").fillna(dict.fromkeys(_COUNTED, 0))
    table[list(_COUNTED)] = table[list(_COUNTED)].astype("int64")
    live = table[list(_COUNTED)].sum(axis=1) - table["已删除"]
    done = table[list(_REVIEWED)].sum(axis=1)
    table["审核进度"] = (done / live.where(live > 0)).astype("Float64")
    missing, activity = _missing_by_content(stream, stream.missing()), stream.activity()
    table["缺少的必备部分"] = ["、".join(PART_LABELS[k] for k in missing.get(rid, []))
                              for rid in table["id"]]
    table["审核人"] = [activity.get(rid, (None, None))[0] for rid in table["id"]]
    table["审核时间"] = [activity.get(rid, (None, None))[1] for rid in table["id"]]
    heads = stream.report_heads()
    for k, name in enumerate(("标题", "文号", "发布日期", "审核意见")):
        table[name] = [heads.get(rid, (None,) * 4)[k] for rid in table["id"]]
    return table[SUMMARY_COLUMNS].reset_index(drop=True).astype({"年度": "Int64"})


def _missing_by_content(stream: ExportStream, missing: dict[int, list[str]]) -> dict[int, list[str]]:
    """Drop the parts a paragraph covers (``core.checks.parts_content``). Only reports with a part
    missing by heading are read again, so the usual complete report costs nothing more."""
    from core.checks.parts_content import find_parts

    out = dict(missing)
    for rid, kinds in missing.items():
        if not kinds:
            continue
        (_org, year, _name, text), sections = stream.report(rid)
        sections = sorted(sections, key=lambda s: s.start)
        found = {e.kind for e in find_parts(text, sections, year) if e.present}
        out[rid] = [k for k in kinds if k not in found]
    return out


def detail_rows(stream: ExportStream, report_ids: Collection[int] | None = None) -> Iterator[list]:
    """One row per figure in ``DETAIL_COLUMNS`` order, streamed (only reviewed figures when the
    stream was opened with ``reviewed_only``). One report's text is in memory at a time."""
    current, head, paths = None, None, None
    for rid, quote, start, end, page, value, unit, qual, subj, status, stale, who, at in stream.figures():
        if report_ids is not None and rid not in report_ids:
            continue
        if rid != current:
            head, sections = stream.report(rid)
            paths, current = SectionPaths(sections), rid
        assert head is not None and paths is not None  # read at the report's first figure
        org, year, name, text = head
        if text[start:end] != quote:
            check = "不一致：原文已变化"
        elif stale:
            check = "重新识别未找到"
        else:
            check = ""
        yield [org, year, name, paths.path_at(start), subj, _tidy(value), unit, qual, quote,
               sentence_at(text, start, end), None if page is None else page + 1, status, who, at,
               check]


def detail_table(stream: ExportStream, report_ids: Collection[int] | None = None) -> pd.DataFrame:
    """``detail_rows`` as a DataFrame (the whole table in memory: for CSV and small selections)."""
    data = list(detail_rows(stream, report_ids))
    table = pd.DataFrame(data, columns=DETAIL_COLUMNS).astype({"年度": "Int64", "页码": "Int64"})
    # object dtype, so 7 stays 7 beside 12.5 (a float column would print "7.0" in the CSV)
    table["数值"] = pd.Series([row[5] for row in data], dtype=object)
    return table


def _tidy(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def build_tables(store, *, reviewed_only: bool = False,
                 report_ids: Collection[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables from one read snapshot of ``store``, so the 汇总 counts agree with the 明细 rows."""
    ids = None if report_ids is None else frozenset(report_ids)
    with store.export_stream(reviewed_only) as stream:
        return summary_table(stream, ids), detail_table(stream, ids)
