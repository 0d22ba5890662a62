"""The 指标汇总 dock: bodies × indicators of one year (or all), filtered by 纲要 area, with 合计;
the year-over-year table; how a cell's several figures combine, and the reviewer's choice.

The view reads ``Store.summary_inputs()`` (one snapshot) and computes with
``core.indicators.summary``; it holds no data of its own beyond the last result. Decisions go out
as ``pushOp(op)`` (the window's undo stack), a cell to open as ``openFigure(report, figure)``.
It recomputes when the session says the inputs changed, only while it is visible.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QFileDialog,
                               QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from core.errors import ReportError
from core.indicators.bodies import body_key
from core.indicators.catalog import AREAS
from core.indicators.summary import MODE_LABELS, default_mode, summary_table, year_over_year
from core.review.indicator_ops import SetBodyAliasOp, SetChoiceOp
from gui.models.indicator_summary_model import (CELL_ROLE, INDICATOR_ROLE, REPORT_ID_ROLE,
                                                YOY_ROLE, IndicatorSummaryModel,
                                                YearOverYearModel, describe_cell, format_number)

AskBody = Callable[[str, list], "str | None"]  # (this body, known bodies) → the same body or None
ALL = None


class IndicatorSummaryDock(QDockWidget):
    openFigure = Signal(int, int)  # report id, figure id
    pushOp = Signal(object)
    openCatalog = Signal()
    message = Signal(str)

    def __init__(self, session, parent=None, ask_body: AskBody | None = None,
                 ask_save_path=None):
        super().__init__(self.tr("指标汇总"), parent)
        self.setObjectName("indicatorSummaryDock")
        self.session = session
        self.ask_body = ask_body or self._dialog_body
        self.ask_save_path = ask_save_path or self._dialog_path  # suggested name → path
        self.inputs = None
        self.table = None
        self._dirty = True
        w = QWidget(self)
        self.year_box = QComboBox(w)
        self.area_box = QComboBox(w)
        self.area_box.addItem(self.tr("全部领域"), ALL)
        for a in AREAS:
            self.area_box.addItem(a, a)
        self.retired_box = QCheckBox(self.tr("显示已停用指标"), w)
        self.empty_box = QCheckBox(self.tr("隐藏无数值的指标"), w)
        self.empty_box.setChecked(True)
        self.empty_box.setToolTip(self.tr("所列单位都没有数值的指标列不显示（导出时全部列出）"))
        self.catalog_button = QPushButton(self.tr("指标目录…"), w)
        self.export_button = QPushButton(self.tr("导出这些单位…"), w)
        self.export_button.setToolTip(self.tr("把当前所列报告导出为 .xlsx（汇总、指标汇总、同比、明细）"))
        self.title = QLabel(w)
        self.title.setStyleSheet("font-weight: bold")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("年度"), w), self.year_box, QLabel(self.tr("领域"), w),
                       self.area_box, self.retired_box, self.empty_box):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.catalog_button)
        self.tabs = QTabWidget(w)
        self.tabs.addTab(self._summary_tab(), self.tr("汇总"))
        self.tabs.addTab(self._yoy_tab(), self.tr("同比"))
        lay = QVBoxLayout(w)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.title)
        lay.addWidget(self.tabs, 1)
        self.setWidget(w)
        # a burst of decisions (Y, Y, Y …) costs one recompute (~80 ms for 146 reports)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh_if_shown)
        session.indicatorsChanged.connect(self.invalidate)
        # (a tabbed dock reports its visibility unreliably: look again in the next turn)
        self.visibilityChanged.connect(lambda _on: self._timer.start())
        for box in (self.year_box, self.area_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh(keep_years=True))
        self.retired_box.toggled.connect(lambda _on: self.refresh(keep_years=True))
        self.empty_box.toggled.connect(lambda _on: self._hide_empty())
        self.catalog_button.clicked.connect(self.openCatalog)
        self.export_button.clicked.connect(lambda: self.export_shown())

    # --- layout -----------------------------------------------------------------------------
    def _summary_tab(self) -> QWidget:
        tab = QWidget(self)
        self.model = IndicatorSummaryModel(self)
        self.view = QTableView(tab)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(96)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.clicked.connect(self.open_cell)
        self.view.activated.connect(self.open_cell)  # Enter on a cell
        self.legend = QLabel(self.tr("* 待审（仍为识别值）；［n］n 个数字合并；点击单元格打开该数字"), tab)
        self.detail = QLabel(tab)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mode_box = QComboBox(tab)
        self.mode_box.setToolTip(self.tr("同一报告中几个数字对应同一指标时如何得出单元格的值"))
        self.candidates = QListWidget(tab)
        self.candidates.setToolTip(self.tr("双击打开该数字；选“只取所选数字”时使用选中的一个"))
        self.candidates.itemDoubleClicked.connect(self._open_candidate)
        self.mode_box.activated.connect(self._mode_chosen)
        side = QWidget(tab)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("单元格的组成"), side))
        sl.addWidget(self.detail)
        sl.addWidget(self.mode_box)
        sl.addWidget(self.candidates, 1)
        split = QSplitter(Qt.Orientation.Horizontal, tab)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setSizes([900, 260])
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split, 1)
        lay.addWidget(self.legend)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self.show_cell(cur))
        self.show_cell(None)
        return tab

    def _yoy_tab(self) -> QWidget:
        tab = QWidget(self)
        self.yoy_model = YearOverYearModel(self)
        self.yoy_view = QTableView(tab)
        self.yoy_view.setModel(self.yoy_model)
        self.yoy_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.yoy_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.yoy_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.yoy_view.verticalHeader().setDefaultSectionSize(22)
        self.yoy_view.setColumnWidth(0, 180)
        self.yoy_view.setColumnWidth(1, 220)
        self.yoy_note = QLabel(tab)
        self.alias_button = QPushButton(self.tr("指定同一单位…"), tab)
        self.alias_button.setToolTip(self.tr("按名称匹配认错时，指定所选行的单位与哪个单位是同一单位"))
        self.unalias_button = QPushButton(self.tr("取消指定"), tab)
        self.alias_button.clicked.connect(lambda: self.correct_body())
        self.unalias_button.clicked.connect(lambda: self.correct_body(remove=True))
        row = QHBoxLayout()
        row.addWidget(self.yoy_note, 1)
        row.addWidget(self.alias_button)
        row.addWidget(self.unalias_button)
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.yoy_view, 1)
        lay.addLayout(row)
        return tab

    # --- computing --------------------------------------------------------------------------
    def invalidate(self) -> None:
        self._dirty = True
        self._timer.start()

    def _refresh_if_shown(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def year(self) -> int | None:
        return self.year_box.currentData()

    def refresh(self, keep_years: bool = False) -> None:
        """Read the store once and recompute the summary and year over year."""
        if not keep_years or self.inputs is None or self._dirty:  # a filter: no new read
            try:
                self.inputs = self.session.store().summary_inputs()
            except ReportError as exc:
                self.title.setText(exc.message)
                return
            self._fill_years()
        self._dirty = False
        cur = self.view.currentIndex()
        keep = (cur.data(REPORT_ID_ROLE), getattr(cur.data(INDICATOR_ROLE), "id", None))
        year, area = self.year(), self.area_box.currentData()
        retired = self.retired_box.isChecked()
        self.table = summary_table(self.inputs, year=year, area=area, include_retired=retired)
        self.model.set_table(self.table)
        self.view.setColumnWidth(0, 180)
        self.view.setColumnWidth(1, 56)
        self._hide_empty()
        scope = self.tr("{0} 个单位").format(len(self.table.rows))
        repeated = self.table.repeated_bodies()
        note = self.tr("；{0} 个单位同一年度有多份报告，合计会重复计算").format(len(repeated)) \
            if repeated else ""
        self.title.setText(self.table.title(scope) + note)
        yoy_year = year if year is not None else self._latest_year()
        rows = year_over_year(self.inputs, yoy_year, area=area, include_retired=retired) \
            if yoy_year else []
        self.yoy_model.set_rows(rows)
        self.yoy_note.setText(self.tr("{0} 年与 {1} 年对比；* 待审").format(yoy_year, yoy_year - 1)
                              if yoy_year else self.tr("没有可对比的年度"))
        if keep[0] is not None and keep[1] is not None:
            idx = self.model.position(*keep)
            if idx.isValid():
                self.view.setCurrentIndex(idx)
        self.show_cell(self.view.currentIndex())

    def _hide_empty(self) -> None:
        hide = self.empty_box.isChecked()
        for k, ind in enumerate(self.table.indicators if self.table else ()):
            empty = all(ind.id not in r.cells for r in self.table.rows)
            self.view.setColumnHidden(k + 2, hide and empty)

    def _years(self) -> list[int]:
        return sorted({r.year for r in self.inputs.reports if r.year}, reverse=True)

    def _latest_year(self) -> int | None:
        years = self._years() if self.inputs is not None else []
        return years[0] if years else None

    def _fill_years(self) -> None:
        had = self.year_box.count() > 0
        current = self.year_box.currentData()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(self.tr("全部年度"), ALL)
        for y in self._years():
            self.year_box.addItem(self.tr("{0}年").format(y), y)
        k = self.year_box.findData(current) if had else (1 if self.year_box.count() > 1 else 0)
        self.year_box.setCurrentIndex(max(k, 0))  # at first the latest year
        self.year_box.blockSignals(False)

    def set_filters(self, year: int | None = None, area: str | None = None) -> None:
        self.year_box.setCurrentIndex(max(self.year_box.findData(year), 0))
        self.area_box.setCurrentIndex(max(self.area_box.findData(area), 0))

    # --- one cell ---------------------------------------------------------------------------
    def show_cell(self, index) -> None:
        cell = index.data(CELL_ROLE) if index is not None and index.isValid() else None
        ind = index.data(INDICATOR_ROLE) if cell is not None else None
        self.mode_box.clear()
        self.candidates.clear()
        self.mode_box.setEnabled(cell is not None and len(cell.candidates) > 1)
        if cell is None:
            self.detail.setText(self.tr("选择一个单元格查看它由哪些数字得出。"))
            return
        self.detail.setText(f"{ind.header()}：{format_number(cell.value)}\n"
                            + describe_cell(cell, ind.unit).split("\n")[0])
        self.mode_box.addItem(self.tr("默认（{0}）").format(MODE_LABELS[default_mode(ind)]), None)
        for mode in ("sum", "first", "max"):
            self.mode_box.addItem(MODE_LABELS[mode], mode)
        self.mode_box.addItem(self.tr("只取所选数字"), "figure")
        self.mode_box.setCurrentIndex(self.mode_box.findData(cell.mode) if cell.chosen else 0)
        for c in cell.candidates:
            mark = "✓ " if c.figure_id in cell.used else "　 "
            item = QListWidgetItem(f"{mark}{format_number(c.value)}{c.unit or ''}（{c.status}）"
                                   f"{c.text.replace(chr(10), ' ')}")
            item.setData(Qt.ItemDataRole.UserRole, c.figure_id)
            self.candidates.addItem(item)
            if c.figure_id in cell.used and self.candidates.currentRow() < 0:
                self.candidates.setCurrentItem(item)

    def current_cell(self):
        idx = self.view.currentIndex()
        return idx.data(REPORT_ID_ROLE), idx.data(INDICATOR_ROLE), idx.data(CELL_ROLE)

    def choose(self, mode: str | None, figure_id: int | None = None) -> bool:
        """How the current cell combines its figures (an undoable step)."""
        rid, ind, cell = self.current_cell()
        if cell is None:
            return False
        if mode == "figure" and figure_id is None:
            item = self.candidates.currentItem()
            figure_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        label = self.tr("合并方式：{0}").format(MODE_LABELS.get(mode, self.tr("默认")))
        self.pushOp.emit(SetChoiceOp(rid, ind.id, mode, figure_id, label))
        return True

    def _mode_chosen(self, _k: int) -> None:
        self.choose(self.mode_box.currentData())

    def open_cell(self, index) -> None:
        cell = index.data(CELL_ROLE)
        if cell is not None and cell.figure_id is not None:
            self.openFigure.emit(index.data(REPORT_ID_ROLE), cell.figure_id)

    def _open_candidate(self, item) -> None:
        rid, _ind, cell = self.current_cell()
        if cell is not None:
            self.openFigure.emit(rid, item.data(Qt.ItemDataRole.UserRole))

    # --- export -----------------------------------------------------------------------------
    def _dialog_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出指标汇总"), suggested,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        return path or None

    def export_shown(self):
        """The reports listed now (this year's, say) as a workbook; its 指标汇总 is this table
        with every indicator (the area filter is the window's view only)."""
        from core.export import export

        if self.table is None or not self.table.rows:
            self.message.emit(self.tr("没有可导出的报告。"))
            return None
        year = self.year()
        path = self.ask_save_path(f"指标汇总_{year}年.xlsx" if year else "指标汇总.xlsx")
        if not path:
            return None
        if not str(path).lower().endswith(".xlsx"):
            path = f"{path}.xlsx"
        try:
            out = export(self.session.store(), path,
                         report_ids=[r.report.id for r in self.table.rows])
        except ReportError as exc:
            self.message.emit(exc.message)
            return None
        self.message.emit(self.tr("已导出：{0}").format(out))
        return out

    # --- bodies -----------------------------------------------------------------------------
    def _dialog_body(self, body: str, choices: list) -> str | None:
        text, ok = QInputDialog.getItem(
            self, self.tr("指定同一单位"),
            self.tr("“{0}”与哪个单位是同一单位？（可输入名称）").format(body), choices, 0, True)
        return text.strip() if ok and text.strip() else None

    def correct_body(self, remove: bool = False) -> bool:
        """The selected year-over-year row's body is another body (an undoable step)."""
        idx = self.yoy_view.currentIndex()
        row = idx.data(YOY_ROLE) if idx.isValid() else None
        if row is None:
            return False
        key = body_key(row.body)
        if remove:
            self.pushOp.emit(SetBodyAliasOp(key, None, self.tr("取消指定同一单位")))
            return True
        names = sorted({r.org for r in self.inputs.reports if r.org and body_key(r.org) != key})
        other = self.ask_body(row.body, names)
        if not other:
            return False
        self.pushOp.emit(SetBodyAliasOp(key, other,
                                        self.tr("“{0}”即“{1}”").format(row.body, other)))
        return True
