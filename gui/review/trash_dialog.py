"""The 回收站: reports moved out of the list, with who deleted them and when; restore a report,
delete chosen ones for good, or empty the bin (both ask first)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

HEADERS = ("文件", "单位", "年度", "删除时间", "删除人")


class TrashDialog(QDialog):
    def __init__(self, admin, parent=None):
        super().__init__(parent)
        self.admin = admin
        self.setWindowTitle(self.tr("回收站"))
        self.resize(760, 360)
        self.note = QLabel(self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 260)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.restore_button = QPushButton(self.tr("恢复所选报告"), self)
        self.purge_button = QPushButton(self.tr("彻底删除所选…"), self)
        self.empty_button = QPushButton(self.tr("清空回收站…"), self)
        close = QPushButton(self.tr("关闭"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(lambda: self.admin.empty_trash(self.selected_ids()))
        self.empty_button.clicked.connect(lambda: self.admin.empty_trash())
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.restore_button, self.purge_button, self.empty_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        admin.trashChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        items = self.admin.store().list_trash()
        self.table.setRowCount(len(items))
        for row, t in enumerate(items):
            cells = (t.file_name, t.org or "", str(t.year or ""), t.deleted_at.replace("T", " ")[:19],
                     t.deleted_by)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.table.setItem(row, col, item)
        self.note.setText(self.tr("回收站中有 {0} 份报告。恢复后回到报告列表，审核结果不变。").format(len(items))
                          if items else self.tr("回收站是空的。"))
        for b in (self.restore_button, self.purge_button, self.empty_button):
            b.setEnabled(bool(items))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def restore_selected(self) -> int:
        return sum(1 for rid in self.selected_ids() if self.admin.restore_report(rid))
