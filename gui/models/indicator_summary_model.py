"""The 指标汇总 as Qt models over ``core.indicators.summary`` results (no copy, no SQL):

* ``IndicatorSummaryModel``: rows are reports (单位, 年度), columns indicators (units in the
  headers), then a 合计 row (only summable columns) and, when a column averages, a 平均 row.
  A cell still 待审 is marked ``*`` and tinted; several figures combined show ``［n］``.
* ``YearOverYearModel``: one row per body and indicator: 上年, 本年, 增减, 增减率, how the bodies
  were matched.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.indicators.summary import MODE_LABELS, Cell, SummaryTable, YoyRow

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the Cell (None outside body rows)
REPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 3  # the Indicator of the column
YOY_ROLE = Qt.ItemDataRole.UserRole + 4
PENDING_BRUSH = QBrush(QColor("#fff3c4"))
TOTAL_BRUSH = QBrush(QColor("#eef2f7"))
FIXED = 2  # 单位, 年度


def format_number(value) -> str:
    """12,345 / 98.5 / 1,234.57 — thousands separators, no trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def wrap_header(name: str, width: int = 6) -> str:
    """A long indicator name over a few short lines (a header does not wrap by itself)."""
    return "\n".join(name[k:k + width] for k in range(0, len(name), width))


def format_percent(value) -> str:
    return "" if value is None else f"{value * 100:+.1f}%"


def describe_cell(cell: Cell, unit: str) -> str:
    """How the cell's value came about: the combination and every candidate figure."""
    lines = []
    if len(cell.candidates) > 1:
        how = MODE_LABELS.get(cell.mode, cell.mode)
        used = [format_number(c.value) for c in cell.candidates if c.figure_id in cell.used]
        expr = " + ".join(used) if cell.mode == "sum" else "、".join(used)
        chosen = "（审核人选择）" if cell.chosen else "（默认）"
        lines.append(f"{len(cell.candidates)} 个数字，{how}{chosen}：{expr} = "
                     f"{format_number(cell.value)}{unit}")
    for c in cell.candidates:
        mark = "✓" if c.figure_id in cell.used else "　"
        lines.append(f"{mark} {format_number(c.value)}{c.unit or ''}（{c.status}）"
                     f"{c.text.replace(chr(10), ' ')[:40]}")
    if cell.pending:
        lines.append("* 仍为待审（识别值）")
    return "\n".join(lines)


class IndicatorSummaryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table: SummaryTable | None = None
        self._extra: list[tuple[str, dict]] = []  # (label, values) rows after the bodies

    def set_table(self, table: SummaryTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._extra = []
        if table is not None:
            self._extra.append(("合计", table.totals))
            if any(v is not None for v in table.means.values()):
                self._extra.append(("平均", table.means))
        self.endResetModel()

    # --- lookup -----------------------------------------------------------------------------
    def indicator(self, column: int):
        if self.table is None or column < FIXED:
            return None
        return self.table.indicators[column - FIXED]

    def body_row(self, row: int):
        if self.table is None or not 0 <= row < len(self.table.rows):
            return None
        return self.table.rows[row]

    def cell(self, row: int, column: int) -> Cell | None:
        body, ind = self.body_row(row), self.indicator(column)
        return body.cells.get(ind.id) if body is not None and ind is not None else None

    def position(self, report_id: int, indicator_id: str) -> QModelIndex:
        for r, row in enumerate(self.table.rows if self.table else ()):
            if row.report.id == report_id:
                for c, ind in enumerate(self.table.indicators):
                    if ind.id == indicator_id:
                        return self.index(r, c + FIXED)
        return QModelIndex()

    # --- Qt API -----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.rows) + len(self._extra)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        if parent.isValid() or self.table is None:
            return 0
        return FIXED + len(self.table.indicators)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and self.table is not None:
                return str(section + 1) if section < len(self.table.rows) else ""
            return None
        ind = self.indicator(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if ind is None:
                return self.tr(("单位", "年度")[section])
            unit = f"\n（{ind.unit}）" if ind.unit else ""
            return wrap_header(ind.name) + unit + ("\n（已停用）" if ind.retired else "")
        if role == Qt.ItemDataRole.ToolTipRole and ind is not None:
            total = "可合计" if ind.summable else "不合计（比率或按案件计算）"
            return f"{ind.name}（{ind.unit}）\n{ind.area}；{total}\n{ind.definition}".strip()
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        r, c = index.row(), index.column()
        ind = self.indicator(c)
        if r >= len(self.table.rows):  # 合计 / 平均
            label, values = self._extra[r - len(self.table.rows)]
            if role == Qt.ItemDataRole.DisplayRole:
                if c == 0:
                    return self.tr(label)
                return "" if ind is None else format_number(values.get(ind.id))
            if role == Qt.ItemDataRole.BackgroundRole:
                return TOTAL_BRUSH
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            return self._align(role, c)
        row = self.table.rows[r]
        if role == REPORT_ID_ROLE:
            return row.report.id
        if ind is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.body if c == 0 else (str(row.report.year) if row.report.year else "")
            if role == Qt.ItemDataRole.ToolTipRole and c == 0:
                return f"{row.body}\n{row.report.file_name}"
            return None
        cell = row.cells.get(ind.id)
        if role == CELL_ROLE:
            return cell
        if role == INDICATOR_ROLE:
            return ind
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_number(cell.value)
            if len(cell.candidates) > 1:
                text += f"［{len(cell.candidates)}］"
            return text + (" *" if cell.pending else "")
        if role == Qt.ItemDataRole.BackgroundRole and cell.pending:
            return PENDING_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe_cell(cell, ind.unit)
        return self._align(role, c)

    @staticmethod
    def _align(role, column: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIXED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class YearOverYearModel(QAbstractTableModel):
    HEADERS = ("单位", "指标", "上年", "本年", "增减", "增减率", "单位匹配")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[YoyRow] = []

    def set_rows(self, rows: list[YoyRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        y = self.rows[index.row()]
        c = index.column()
        if role == YOY_ROLE:
            return y
        if role == REPORT_ID_ROLE:
            return y.current_report
        if role == Qt.ItemDataRole.DisplayRole:
            change = format_number(y.change)
            if y.change is not None and y.change > 0:
                change = "+" + change
            return (y.body, y.indicator.header(), format_number(y.previous),
                    format_number(y.current) + (" *" if y.pending else ""), change,
                    format_percent(y.pct_change), y.matched_by)[c]
        if role == Qt.ItemDataRole.BackgroundRole and y.pending and c == 3:
            return PENDING_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and c == 6:
            return self.tr("单位按名称匹配；认错时选中此行，点“指定同一单位…”更正")
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= c <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
