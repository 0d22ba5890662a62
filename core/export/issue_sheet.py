"""The 问题清单 sheet: every live finding of the exported reports — body, year, kind, message, the
quoted text and the reviewer's decision (核实无误 ones too, so the sheet shows what was checked).

``Store.issue_rows`` is one plain query on the export's connection, so it runs inside the export's
read snapshot; findings are a few per report, so the list is small beside the 明细 rows.
"""
from __future__ import annotations

from core.export.scope import ExportScope
from core.export.sheet import CODE, TEXT, WRAP, Column, Sheet
from core.store.check_ops import ISSUE_COLUMNS

ISSUE_SHEET = "问题清单"
ISSUE_SHEET_COLUMNS = [
    Column("单位", 20, WRAP), Column("年度", 6, CODE), Column("类型", 14, TEXT),
    Column("问题", 50, WRAP), Column("原文", 36, WRAP), Column("核实结果", 9, TEXT),
    Column("说明", 20, WRAP), Column("核实人", 9, TEXT), Column("文件", 22, WRAP),
]
assert [c.header for c in ISSUE_SHEET_COLUMNS] == list(ISSUE_COLUMNS)


def issue_sheet(scope: ExportScope) -> Sheet:
    ids = None if scope.report_ids is None else sorted(scope.report_ids)
    rows = scope.store.issue_rows(ids)
    return Sheet(ISSUE_SHEET, ISSUE_SHEET_COLUMNS, (r.as_row() for r in rows))
