"""应报送单位与报送情况: the bodies expected to report (typed one per line, or imported from a
one-column .xlsx/.csv) and, for a chosen year, who has 已报送 / 未报送 / 逾期.

The list is saved in the database (audited); the status is computed from the imported reports by
``core.checks.service.reporting_status``. The file answer is injectable (``choose_file``) so tests
run without a file dialog. Double-clicking a reported body opens its report.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from core.checks import service
from core.checks.reporting import LATE, MISSING, SUBMITTED
from core.errors import ReportError

STATUS_COLORS = {SUBMITTED: QColor(30, 140, 60), MISSING: QColor(200, 40, 40),
                 LATE: QColor(200, 120, 0)}
HEADERS = ("单位", "报送情况", "日期", "说明")


class ReportingDialog(QDialog):
    openReport = Signal(int)

    def __init__(self, store: Callable, reviewer: Callable[[], str], parent=None,
                 choose_file: Callable[[], str | None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("应报送单位与报送情况"))
        self.resize(980, 620)
        self.store = store
        self.reviewer = reviewer
        self.choose_file = choose_file or self._file_dialog
        self.rows = []
        self.names = QPlainTextEdit(self)
        self.names.setPlaceholderText(self.tr("每行一个应报送单位的名称，或从 Excel/CSV 文件导入"))
        self.import_button = QPushButton(self.tr("从文件导入（一列单位名称）…"), self)
        self.save_button = QPushButton(self.tr("保存名单"), self)
        self.import_button.clicked.connect(self.import_file)
        self.save_button.clicked.connect(self.save_names)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self._default_year())
        self.year.valueChanged.connect(lambda _v: self.refresh_status())
        self.summary = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.addWidget(QLabel(self.tr("应报送单位名单："), self))
        ll.addWidget(self.names, 1)
        lb = QHBoxLayout()
        lb.addWidget(self.import_button)
        lb.addWidget(self.save_button)
        ll.addLayout(lb)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("报告年度："), self))
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        rl.addLayout(top)
        rl.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 680])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self._load_names()
        self.refresh_status()

    def _default_year(self) -> int:
        years = [r.year for r in self.store().list_reports() if r.year]
        return max(years) if years else _dt.date.today().year - 1

    def _load_names(self) -> None:
        self.names.setPlainText("\n".join(self.store().expected_bodies()))

    def typed_names(self) -> list[str]:
        return [ln.strip() for ln in self.names.toPlainText().splitlines() if ln.strip()]

    # --- the list -------------------------------------------------------------------------------
    def save_names(self) -> bool:
        try:
            saved = self.store().set_expected_bodies(self.typed_names(), self.reviewer())
        except ReportError as exc:
            self.message.setText(exc.message)
            return False
        self._load_names()
        self.message.setText(self.tr("名单已保存，共 {0} 个单位。").format(len(saved)))
        self.refresh_status()
        return True

    def import_file(self) -> bool:
        path = self.choose_file()
        if not path:
            return False
        if self.typed_names() != self.store().expected_bodies() and not self.save_names():
            return False  # typed names are kept first, the file's are added to them
        before = len(self.store().expected_bodies())
        try:
            names = service.import_expected_bodies(self.store(), path, self.reviewer(),
                                                   replace=False)
        except ReportError as exc:
            self.message.setText(exc.message)
            return False
        self._load_names()
        self.message.setText(self.tr("已从文件导入，新增 {0} 个单位，名单共 {1} 个。").format(
            len(names) - before, len(names)))
        self.refresh_status()
        return True

    def _file_dialog(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入应报送单位名单"), "",
            self.tr("单位名单 (*.xlsx *.csv);;所有文件 (*)"))
        return path or None

    # --- the status -----------------------------------------------------------------------------
    def refresh_status(self) -> None:
        year = self.year.value()
        self.rows = service.reporting_status(self.store(), year)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for col, text in enumerate((r.body, self.tr(r.status), r.date or "—", r.note)):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(STATUS_COLORS.get(r.status, QColor(0, 0, 0)))
                if r.report_id is not None:
                    item.setToolTip(self.tr("双击打开该单位的报告"))
                self.table.setItem(i, col, item)
        n = {s: sum(1 for r in self.rows if r.status == s) for s in (SUBMITTED, LATE, MISSING)}
        if not self.rows:
            self.summary.setText(self.tr("尚无应报送单位名单：在左侧输入或从文件导入。"))
        else:
            self.summary.setText(self.tr("{0}年度：已报送 {1}，逾期 {2}，未报送 {3}").format(
                year, n[SUBMITTED], n[LATE], n[MISSING]))

    def status_of(self, body: str) -> str | None:
        return next((r.status for r in self.rows if r.body == body), None)

    def _on_double_click(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].report_id is not None:
            self.openReport.emit(self.rows[row].report_id)
