"""History of the selected figure, in a dock: every audit row, newest last (one statement per
change of the current figure)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QLabel, QTableView, QVBoxLayout, QWidget

from gui.models.history_model import COL_AT, COL_NEW, COL_OLD, HistoryModel


class HistoryPanel(QDockWidget):
    def __init__(self, session, pane, parent=None):
        super().__init__(self.tr("修改记录"), parent)
        self.setObjectName("historyDock")
        self.session = session
        self.figure_id: int | None = None
        self.refresh_due = False
        self.model = HistoryModel(self)
        self.title = QLabel(self.tr("选择一个数字查看它的修改记录。"), self)
        self.title.setWordWrap(True)
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
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        self.setWidget(body)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        # the pane announces the current figure, and the same figure again after a change
        pane.currentFigureChanged.connect(self.show_figure)

    def show_figure(self, item) -> None:
        """Show ``item``'s history; read once the key press is handled (Y changes a figure and
        moves to the next one: only the last one's history is read)."""
        self.figure_id = item.id if item is not None else None
        if not self.refresh_due:
            self.refresh_due = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self.refresh_due = False
        if self.figure_id is None:
            self.model.set_rows([])
            self.title.setText(self.tr("选择一个数字查看它的修改记录。"))
            return
        rec = self.session.report.figure(self.figure_id)
        rows = self.session.store().figure_history(self.figure_id)
        self.title.setText(self.tr("“{0}”（{1}）共 {2} 条记录").format(
            rec.text, rec.status, len(rows)))
        self.model.set_rows(rows)
        self.table.scrollToBottom()
