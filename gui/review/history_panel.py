"""History in a dock, newest last: of the selected figure (one statement per change of the
current figure) or, with 整份报告, of the whole open report — import, every decision on its
figures and headings, metadata corrections, who marked it reviewed, the 回收站."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDockWidget, QHBoxLayout, QLabel,
                               QRadioButton, QTableView, QVBoxLayout, QWidget)

from gui.models.history_model import COL_AT, COL_NEW, COL_OLD, COL_TARGET, HistoryModel


class HistoryPanel(QDockWidget):
    def __init__(self, session, pane, parent=None):
        super().__init__(self.tr("修改记录"), parent)
        self.setObjectName("historyDock")
        self.session = session
        self.figure_id: int | None = None
        self.refresh_due = False
        self.model = HistoryModel(self)
        self.model.describe_target = self._target
        self.title = QLabel(self.tr("选择一个数字查看它的修改记录。"), self)
        self.title.setWordWrap(True)
        self.figure_scope = QRadioButton(self.tr("当前数字"), self)
        self.report_scope = QRadioButton(self.tr("整份报告"), self)
        self.figure_scope.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.figure_scope)
        scope.addButton(self.report_scope)
        self.report_scope.toggled.connect(lambda _on: self.refresh())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(COL_AT, 140)
        self.table.setColumnWidth(COL_OLD, 110)
        self.table.setColumnWidth(COL_NEW, 110)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        head = QHBoxLayout()
        head.addWidget(self.figure_scope)
        head.addWidget(self.report_scope)
        head.addWidget(self.title, 1)
        lay.addLayout(head)
        lay.addWidget(self.table, 1)
        self.setWidget(body)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        # the pane announces the current figure, and the same figure again after a change
        pane.currentFigureChanged.connect(self.show_figure)
        session.reportChanged.connect(lambda _r: self._refresh_report_scope())
        session.opened.connect(lambda _r: self._refresh_report_scope())
        session.closed.connect(self.refresh)

    def show_figure(self, item) -> None:
        """Show ``item``'s history; read once the key press is handled (Y changes a figure and
        moves to the next one: only the last one's history is read)."""
        self.figure_id = item.id if item is not None else None
        if not self.refresh_due:
            self.refresh_due = True
            QTimer.singleShot(0, self.refresh)

    def _refresh_report_scope(self) -> None:
        if self.report_scope.isChecked():
            self.show_figure(None)

    def show_report_history(self) -> None:
        self.report_scope.setChecked(True)
        self.show()
        self.raise_()

    def _target(self, row) -> str:
        """What an audit row of the report is about: a figure's text, a heading, the report."""
        report = self.session.report
        if row.entity == "figure":
            rec = report.figure(row.entity_id) if report is not None else None
            return self.tr("数字“{0}”").format(rec.text) if rec is not None else self.tr("数字")
        if row.entity == "section":
            sec = next((s for s in report.sections if s.id == row.entity_id), None) \
                if report is not None else None
            return self.tr("标题“{0}”").format(sec.title) if sec is not None else self.tr("标题")
        return self.tr("报告")

    def refresh(self) -> None:
        self.refresh_due = False
        whole = self.report_scope.isChecked()
        self.table.setColumnHidden(COL_TARGET, not whole)
        if whole:
            report = self.session.report
            rows = self.session.store().report_history(report.id) if report is not None else []
            self.title.setText(self.tr("整份报告共 {0} 条记录").format(len(rows)) if report
                               else self.tr("尚未打开报告。"))
            self.model.set_rows(rows)
            self.table.scrollToBottom()
            return
        if self.figure_id is None or self.session.report is None:
            self.model.set_rows([])
            self.title.setText(self.tr("选择一个数字查看它的修改记录。"))
            return
        rec = self.session.report.figure(self.figure_id)
        rows = self.session.store().figure_history(self.figure_id)
        self.title.setText(self.tr("“{0}”（{1}）共 {2} 条记录").format(
            rec.text, rec.status, len(rows)))
        self.model.set_rows(rows)
        self.table.scrollToBottom()
