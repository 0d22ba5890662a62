"""Formatted .xlsx: bold shaded Chinese headers, sensible column widths, frozen header row,
autofilter. openpyxl's write-only mode keeps a 30 000-row 明细 sheet fast and small in memory."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

# Width in Excel character units (a CJK character counts about 2); long text columns are capped.
WIDTHS = {"报告单位": 24, "年度": 7, "文件": 36, "审核状态": 9, "缺少的必备部分": 30, "审核人": 10,
          "审核时间": 22, "所在章节": 40, "事项": 24, "数值": 12, "计量单位": 9, "限定语": 9,
          "原文": 16, "所在句子": 70, "页码": 6, "状态": 9, "原文核对": 16}
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center")


def _clean(value):
    """Cells Excel can take: no NaN/NA, no control characters."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if hasattr(value, "item"):  # numpy scalar -> Python number
        return value.item()
    return value


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    wb = Workbook(write_only=True)
    for title, df in sheets.items():
        ws = wb.create_sheet(title)
        columns = list(df.columns)
        for i, name in enumerate(columns, start=1):  # must precede the rows in write-only mode
            ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
        ws.freeze_panes = "A2"
        last = get_column_letter(max(len(columns), 1))
        ws.auto_filter.ref = f"A1:{last}{len(df) + 1}"
        header = []
        for name in columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
            header.append(cell)
        ws.append(header)
        for row in df.itertuples(index=False, name=None):
            out = []
            for value in row:
                value = _clean(value)
                if isinstance(value, str) and value.startswith("="):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.data_type = "s"  # quoted text, never a formula
                    out.append(cell)
                else:
                    out.append(value)
            ws.append(out)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
