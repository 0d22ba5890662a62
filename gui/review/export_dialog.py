"""Export from the window: which reports, which format, reviewed figures only or all with their
status; runs as a background task with a progress bar, then offers to open the folder."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListView, QMessageBox, QProgressBar, QPushButton, QRadioButton,
                               QVBoxLayout)

from gui.error_text import describe_error
from gui.review.export_job import ExportRequest, export_task

SCOPE_THIS, SCOPE_ALL, SCOPE_SELECTED = range(3)


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportDialog(QDialog):
    exported = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, source, reports, current_id: int | None, parent=None,
                 ask_open: Callable[[str, str], bool] | None = None,
                 opener: Callable[[Path], None] = open_folder):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出"))
        self.source = source
        self.current_id = current_id
        self.ask_open = ask_open or self._ask_open
        self.opener = opener
        self.task = None
        self.scope_group = QButtonGroup(self)
        self.scope_this = QRadioButton(self.tr("本报告"), self)
        self.scope_all = QRadioButton(self.tr("全部报告"), self)
        self.scope_selected = QRadioButton(self.tr("选定的报告："), self)
        for i, b in enumerate((self.scope_this, self.scope_all, self.scope_selected)):
            self.scope_group.addButton(b, i)
        self.scope_this.setEnabled(current_id is not None)
        (self.scope_this if current_id is not None else self.scope_all).setChecked(True)
        self.report_model = QStandardItemModel(self)
        for r in reports:
            item = QStandardItem(f"{r.org or '（单位未识别）'} {r.year or ''} — {r.file_name}")
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(r.id, Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if r.id == current_id
                               else Qt.CheckState.Unchecked)
            self.report_model.appendRow(item)
        self.report_view = QListView(self)
        self.report_view.setModel(self.report_model)
        self.report_view.setMaximumHeight(140)
        self.format_box = QComboBox(self)
        self.format_box.addItem(self.tr("Excel 工作簿（.xlsx，汇总 + 明细 + 问题清单）"), ".xlsx")
        self.format_box.addItem(self.tr("CSV（.csv，明细）"), ".csv")
        self.reviewed_only = QCheckBox(self.tr("只导出审核通过的数字（不勾选：全部数字，附状态）"), self)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.path_edit = QLineEdit(str(Path(docs or Path.home()) /
                                       f"法治报告数字_{date.today():%Y%m%d}.xlsx"), self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        self.format_box.currentIndexChanged.connect(self._sync_suffix)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.status = QLabel("", self)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("导出"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("格式："), self.format_box)
        form.addRow(self.tr("保存到："), path_row)
        lay = QVBoxLayout(self)
        for w in (self.scope_this, self.scope_all, self.scope_selected, self.report_view):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.reviewed_only)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.resize(560, 460)

    def _sync_suffix(self) -> None:
        p = Path(self.path_edit.text())
        self.path_edit.setText(str(p.with_suffix(self.format_box.currentData())))

    def _browse(self) -> None:
        suffix = self.format_box.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.path_edit.text(),
                                              f"*{suffix}")
        if path:
            self.path_edit.setText(path if path.endswith(suffix) else path + suffix)

    def request(self) -> ExportRequest | None:
        scope = self.scope_group.checkedId()
        if scope == SCOPE_THIS:
            ids = [self.current_id]
        elif scope == SCOPE_SELECTED:
            ids = [self.report_model.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(self.report_model.rowCount())
                   if self.report_model.item(r).checkState() == Qt.CheckState.Checked]
            if not ids:
                return None
        else:
            ids = None
        path = Path(self.path_edit.text()).with_suffix(self.format_box.currentData())
        return ExportRequest(str(path), ids, self.reviewed_only.isChecked())

    def start_export(self) -> bool:
        req = self.request()
        if req is None:
            self.status.setText(self.tr("请至少选定一份报告。"))
            return False
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("正在导出…"))
        task = export_task(self.source, req)
        task.progress.connect(self._on_progress)
        task.result.connect(self._on_result)
        task.error.connect(self._on_error)
        task.finished.connect(lambda: self.export_button.setEnabled(True))
        self.task = task.start()
        return True

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if text:
            self.status.setText(self.tr(text))

    def _on_result(self, path: Path) -> None:
        self.status.setText(self.tr("已导出到 {0}").format(path))
        self.exported.emit(path)
        if self.ask_open(self.tr("导出完成"),
                         self.tr("已导出到\n{0}\n\n打开所在文件夹吗？").format(path)):
            self.opener(Path(path))

    def _on_error(self, exc) -> None:
        msg = describe_error(exc)
        self.status.setText(self.tr("导出失败：") + msg)
        self.failed.emit(msg)

    def _ask_open(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes
