"""The 问题 panel's table: the open report's findings (``CheckRecord``) with the reviewer's decision.

The rows are the session's own records (``ReportSession.checks``); a decision re-reads them and the
model updates the rows in place when the same findings come back (a decision), or resets when the
checks were re-run and findings came or went.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from core.checks.base import KIND_LABELS
from core.store.checks import CheckRecord
from gui.models.headers import HeadersMixin

COL_DECISION, COL_KIND, COL_MESSAGE = range(3)
CHECK_ROLE = Qt.ItemDataRole.UserRole + 1  # the CheckRecord
CHECK_ID_ROLE = Qt.ItemDataRole.UserRole + 2

DECISION_COLORS = {"待核实": QColor(200, 120, 0), "核实无误": QColor(110, 110, 110),
                   "确认问题": QColor(200, 40, 40)}


def kind_text(check: CheckRecord) -> str:
    """The kind in Chinese; an unsure finding says 请核实 beside it."""
    label = KIND_LABELS.get(check.kind, check.kind)
    return label if check.certain else f"{label}（请核实）"


def check_tooltip(check: CheckRecord) -> str:
    lines = [check.message]
    if check.text:
        lines.append(f"原文：{check.text[:120]}")
    if check.figures:
        lines.append("涉及数字：" + "、".join(f[2] for f in check.figures))
    if not check.certain:
        lines.append("这条检查不确定，请核实。")
    if check.decision != "待核实":
        who = f"（{check.reviewer}）" if check.reviewer else ""
        lines.append(f"核实结果：{check.decision}{who}")
    if check.note:
        lines.append(f"说明：{check.note}")
    return "\n".join(lines)


class ProblemsModel(HeadersMixin, QAbstractTableModel):
    HEADERS = ("核实结果", "类型", "问题")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CheckRecord] = []

    def set_checks(self, checks: list[CheckRecord]) -> None:
        checks = list(checks)
        if [c.id for c in checks] == [c.id for c in self._rows]:
            self._rows = checks  # the same findings: repaint in place, keep the selection
            if checks:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(checks) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = checks
        self.endResetModel()

    def checks(self) -> list[CheckRecord]:
        return list(self._rows)

    def row_of(self, check_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == check_id), -1)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == CHECK_ROLE:
            return c
        if role == CHECK_ID_ROLE:
            return c.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DECISION:
                return self.tr(c.decision) + ("*" if c.note else "")
            if col == COL_KIND:
                return self.tr(kind_text(c))
            if col == COL_MESSAGE:
                return c.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return check_tooltip(c)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DECISION:
            return DECISION_COLORS.get(c.decision)
        return None
