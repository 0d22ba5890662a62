"""The review sheets: 汇总 (one row per report) and 明细 (one row per figure)."""
from __future__ import annotations

from core.export.scope import ExportScope
from core.export.sheet import CODE, DATE, DATETIME, INTEGER, NUMBER, PERCENT, TEXT, WRAP, Column, Sheet
from core.export.summary_tables import (DETAIL_COLUMNS, SUMMARY_COLUMNS, detail_rows,
                                        summary_table)

SUMMARY_SHEET_COLUMNS = [
    Column("报告单位", 20, WRAP), Column("年度", 6, CODE), Column("标题", 28, WRAP),
    Column("文号", 14, WRAP), Column("发布日期", 11, DATE), Column("文件", 24, WRAP),
    Column("审核状态", 9), Column("缺少的必备部分", 30, WRAP), Column("已确认", 8, INTEGER),
    Column("已修改", 8, INTEGER), Column("人工新增", 9, INTEGER), Column("待审", 8, INTEGER),
    Column("已删除", 8, INTEGER), Column("审核进度", 9, PERCENT), Column("审核人", 10, TEXT),
    Column("审核时间", 17, DATETIME), Column("审核意见", 40, WRAP),
]
DETAIL_SHEET_COLUMNS = [  # widths sum to ~200 characters: readable when fitted to A4 landscape
    Column("报告单位", 16, WRAP), Column("年度", 6, CODE), Column("文件", 18, WRAP),
    Column("所在章节", 24, WRAP), Column("事项", 18, WRAP), Column("数值", 15, NUMBER),
    Column("计量单位", 6), Column("限定语", 6), Column("原文", 12, WRAP), Column("所在句子", 42, WRAP),
    Column("页码", 5, CODE), Column("状态", 7), Column("审核人", 8), Column("审核时间", 15, DATETIME),
    Column("原文核对", 10, WRAP),
]
assert [c.header for c in SUMMARY_SHEET_COLUMNS] == SUMMARY_COLUMNS
assert [c.header for c in DETAIL_SHEET_COLUMNS] == DETAIL_COLUMNS


def summary_sheet(scope: ExportScope) -> Sheet:
    table = summary_table(scope.stream, scope.report_ids)
    return Sheet("汇总", SUMMARY_SHEET_COLUMNS, table.itertuples(index=False, name=None))


def detail_sheet(scope: ExportScope) -> Sheet:
    rows = detail_rows(scope.stream, scope.report_ids)
    return Sheet("明细", DETAIL_SHEET_COLUMNS, rows)
