"""Figures table with its filters (status, section, text)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from gui.models.figures_model import (COL_SECTION, COL_SUBJECT, COL_TEXT, FIGURE_ROLE,
                                      FiguresFilterProxy, FiguresModel)
from core.store.records import FigureRecord
from gui.views.highlights import STATUSES, status_color, status_label


ALL_STATUSES = "*"  # the status box's "全部（含已删除）" entry


class FiguresPanel(QWidget):
    currentFigureChanged = Signal(object)  # FigureRecord or None
    sectionLimitToggled = Signal(bool)

    def __init__(self, parent=None, editable: bool = True):
        super().__init__(parent)
        self.model = FiguresModel(self, editable=editable)
        self.proxy = FiguresFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.status_box = QComboBox(self)
        # readable labels whatever the width: the box is as wide as its longest label
        self.status_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_box.addItem(self.tr("全部（不含已删除）"), None)
        self.status_box.addItem(self.tr("全部（含已删除）"), ALL_STATUSES)
        for s in STATUSES:
            self.status_box.addItem(status_label(s), s)
            self.status_box.setItemData(self.status_box.count() - 1, status_color(s),
                                        Qt.ItemDataRole.DecorationRole)
        self.section_only = QCheckBox(self.tr("仅所选章节"), self)
        self.section_only.setToolTip(self.tr("只显示提纲中所选章节（含下级）的数字"))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("筛选数字（主体、数值、原文…）"))
        self.filter_edit.setClearButtonEnabled(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status_box)
        row.addWidget(self.section_only)
        row.addWidget(self.filter_edit, 1)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TEXT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        for col, w in ((COL_SUBJECT, 150), (COL_TEXT, 220), (COL_SECTION, 150)):
            self.table.setColumnWidth(col, w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.status_box.currentIndexChanged.connect(self._on_status)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.section_only.toggled.connect(self.sectionLimitToggled)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def _on_status(self, _i: int) -> None:
        status = self.status_box.currentData()
        if status == ALL_STATUSES:
            self.proxy.set_statuses(set(STATUSES))
        else:
            self.proxy.set_statuses({status} if status else None)

    def _on_current(self, current, _previous) -> None:
        self.currentFigureChanged.emit(current.data(FIGURE_ROLE) if current.isValid() else None)

    def current_figure(self) -> FigureRecord | None:
        idx = self.table.currentIndex()
        return idx.data(FIGURE_ROLE) if idx.isValid() else None

    def go_row(self, row: int) -> bool:
        """Make proxy row ``row`` current (table order: filters and sorting apply)."""
        if not 0 <= row < self.proxy.rowCount():
            return False
        idx = self.proxy.index(row, 0)
        self.table.setCurrentIndex(idx)
        self.table.selectRow(row)
        self.table.scrollTo(idx)
        return True

    def has_figure(self, figure_id: int) -> bool:
        return self.model.row_of(figure_id) >= 0

    def edit_current(self, column: int) -> bool:
        """Open the editor of ``column`` in the current row; False when no row is current."""
        idx = self.table.currentIndex()
        if not idx.isValid():
            return False
        self.table.setFocus()
        self.table.edit(idx.siblingAtColumn(column))
        return True

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def neighbour_id(self) -> int | None:
        """The figure after the current row (or before it, at the end) in table order."""
        row = self.current_row()
        for r in (row + 1, row - 1):
            if 0 <= r < self.proxy.rowCount():
                return self.proxy.index(r, 0).data(FIGURE_ROLE).id
        return None

    def is_hidden(self, figure_id: int) -> bool:
        """Not shown under the current filters (or not in the table at all)."""
        row = self.model.row_of(figure_id)
        return row < 0 or not self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def select_figure(self, figure_id: int) -> bool:
        """Make the figure's row current (clearing filters that hide it); True if found."""
        row = self.model.row_of(figure_id)
        if row < 0:
            return False
        pidx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not pidx.isValid():  # filtered out: show everything again
            self.section_only.setChecked(False)
            self.status_box.setCurrentIndex(0)
            self.filter_edit.clear()
            pidx = self.proxy.mapFromSource(self.model.index(row, 0))
            if not pidx.isValid():  # a deleted figure: show deleted ones too
                self.status_box.setCurrentIndex(1)
                pidx = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(pidx)
        self.table.selectRow(pidx.row())
        self.table.scrollTo(pidx)
        return True
