"""Figures table: one row per ``FigureRecord`` of the open ``ReportSession`` (the store's own
records, no copy), updated row by row as the session reports changes; with a status / section /
text filter proxy."""
from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from core.domain import FigureStatus
from core.review.session import ReportSession
from core.store.records import FigureRecord
from gui.views.highlights import status_color, status_label

(COL_SUBJECT, COL_VALUE, COL_UNIT, COL_QUALIFIER, COL_TEXT, COL_SECTION, COL_PAGE,
 COL_STATUS, COL_INDICATOR) = range(9)
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the FigureRecord
FIGURE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
EDITABLE_COLUMNS = (COL_SUBJECT, COL_VALUE, COL_UNIT, COL_QUALIFIER)


def format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _text_order(item: FigureRecord) -> tuple[int, int]:
    return (item.start, item.id)


class FiguresModel(QAbstractTableModel):
    HEADERS = ("主体", "数值", "单位", "限定", "原文", "章节", "页码", "状态", "指标")

    def __init__(self, parent=None, editable: bool = False):
        super().__init__(parent)
        # editable: the review columns accept an editor; the edit itself goes through the
        # review controller (an undoable operation), never through setData
        self.editable = editable
        self._session: ReportSession | None = None
        self._items: list[FigureRecord] = []
        self._row_of_id: dict[int, int] = {}
        # 指标 column: indicator id → name, and why the rules map a figure (a tooltip); both
        # supplied by ``gui.review.indicator_column``
        self.indicator_names: dict[str, str] = {}
        self.indicator_reason = lambda _figure_id: None

    # --- content -------------------------------------------------------------------------
    def set_report(self, session: ReportSession | None) -> None:
        self.beginResetModel()
        self._session = session
        self._items = session.figures if session is not None else []  # text order
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of_id = {f.id: i for i, f in enumerate(self._items)}

    def items(self) -> list[FigureRecord]:
        return list(self._items)

    def item(self, row: int) -> FigureRecord:
        return self._items[row]

    def row_of(self, figure_id: int) -> int:
        return self._row_of_id.get(figure_id, -1)

    def update_figures(self, ids) -> None:
        """The session's records for ``ids`` changed: swap them in, one narrow dataChanged each."""
        for fid in ids:
            row = self._row_of_id.get(fid)
            if row is None:
                continue
            self._items[row] = self._session.figure(fid)
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_INDICATOR))

    def insert_figures(self, ids) -> None:
        """New figures of the session, each inserted at its place in text order."""
        for fid in ids:
            rec = self._session.figure(fid)
            row = bisect_right([_text_order(f) for f in self._items], _text_order(rec))
            self.beginInsertRows(QModelIndex(), row, row)
            self._items.insert(row, rec)
            self._reindex()
            self.endInsertRows()

    def sections_changed(self) -> None:
        """Headings changed: only the 章节 column shows something else."""
        if self._items:
            self.dataChanged.emit(self.index(0, COL_SECTION),
                                  self.index(len(self._items) - 1, COL_SECTION))

    def flags(self, index):
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def section_index(self, item: FigureRecord) -> int | None:
        return self._session.section_index(item.start) if self._session is not None else None

    def section_title(self, item: FigureRecord) -> str:
        s = self._session.section_of(item) if self._session is not None else None
        return f"{s.marker}{s.title}" if s is not None else ""

    # --- Qt API --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self._items[index.row()]
        col = index.column()
        if role == FIGURE_ROLE:
            return f
        if role == FIGURE_ID_ROLE:
            return f.id
        if role == SORT_ROLE:
            if col == COL_VALUE:
                return float(f.value) if f.value is not None else float("-inf")
            if col == COL_PAGE:
                return f.page if f.page is not None else -1
            if col == COL_SECTION:
                k = self.section_index(f)
                return k if k is not None else -1
            if col == COL_TEXT:
                return f.start
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_SUBJECT:
                return f.subject or ""
            if col == COL_VALUE:
                return format_value(f.value)
            if col == COL_UNIT:
                return f.unit or ""
            if col == COL_QUALIFIER:
                return f.qualifier or ""
            if col == COL_TEXT:
                return f.text.replace("\n", " ")
            if col == COL_SECTION:
                return self.section_title(f)
            if col == COL_PAGE:
                return str(f.page + 1) if f.page is not None else ""
            if col == COL_STATUS:
                return status_label(f.status)
            if col == COL_INDICATOR:
                return self.indicator_names.get(f.indicator, f.indicator) if f.indicator else ""
        if role == Qt.ItemDataRole.DecorationRole and col in (COL_SUBJECT, COL_STATUS):
            # the first column carries the status colour too: the 状态 column may be scrolled off
            return status_color(f.status)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SUBJECT:
            return f"{f.subject or ''}（{status_label(f.status)}）"
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_INDICATOR:
            return self.indicator_reason(f.id)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TEXT, COL_SECTION):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_VALUE, COL_PAGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FiguresFilterProxy(QSortFilterProxyModel):
    """Filter by status, by section (a set of section indices) and by text in any column."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The model keeps its rows in text order, so 原文 ascending (the default) is the source
        order and needs no sort pass: on a 277-figure report that pass was ~20 ms of the GUI
        thread (2,400 ``data()`` calls) every time a report was opened."""
        if column == COL_TEXT and order == Qt.SortOrder.AscendingOrder:
            column = -1
        super().sort(column, order)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover
            change()
            self.invalidateFilter()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._statuses: set[str] | None = None
        self._sections: set[int] | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def set_statuses(self, statuses: set[str] | None) -> None:
        self._refilter(lambda: setattr(self, "_statuses",
                                       set(statuses) if statuses is not None else None))

    def set_sections(self, sections: set[int] | None) -> None:
        self._refilter(lambda: setattr(self, "_sections",
                                       set(sections) if sections is not None else None))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().lower()))

    def sections(self) -> set[int] | None:
        return self._sections

    hide_deleted = True  # with no status filter, 已删除 rows are hidden

    def filterAcceptsRow(self, source_row, source_parent):
        model: FiguresModel = self.sourceModel()
        f = model.item(source_row)
        if self._statuses is not None and f.status not in self._statuses:
            return False
        if self._statuses is None and self.hide_deleted and f.status == FigureStatus.DELETED:
            return False  # deleted figures show only under the 已删除 filter
        if self._sections is not None and model.section_index(f) not in self._sections:
            return False
        if self._text:
            hay = " ".join((f.subject or "", format_value(f.value), f.unit or "",
                            f.qualifier or "", f.text, model.section_title(f),
                            model.indicator_names.get(f.indicator, "") if f.indicator else "")
                           ).lower()
            if self._text not in hay:
                return False
        return True
