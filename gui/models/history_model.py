"""Audit rows of one figure (or heading, or a whole report) as a table: who changed what, when,
from what to what; for a whole report the 对象 column names what each row is about."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from gui.models.headers import HeadersMixin
from gui.models.figures_model import format_value

COL_AT, COL_WHO, COL_ACTION, COL_FIELD, COL_OLD, COL_NEW, COL_TARGET = range(7)
AUDIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the AuditRow

ACTIONS = {"edit": "修改", "confirm": "确认", "delete": "删除", "restore": "恢复",
           "reset": "恢复为识别结果", "add": "新增", "remove": "删除标题", "state": "审核状态",
           "import": "导入", "redetect": "重新识别", "undo": "撤销", "redo": "重做",
           "trash": "移到回收站", "untrash": "从回收站恢复", "purge": "彻底删除"}
FIELDS = {"value": "数值", "unit": "单位", "qualifier": "限定语", "subject": "主体",
          "status": "状态", "level": "层级", "kind": "必备部分", "removed": "已删除",
          "review_state": "审核状态", "org": "单位", "year": "年度", "published": "日期",
          "doc_number": "文号", "title": "标题", "file": "文件"}


def show_value(value) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return format_value(value)
    if isinstance(value, dict):  # an added figure: its quoted text and values
        text = value.get("text", "")
        number = value.get("value")
        return f"“{text}” = {format_value(number)}{value.get('unit') or ''}" if number is not None \
            else f"“{text}”"
    return str(value)


class HistoryModel(HeadersMixin, QAbstractTableModel):
    HEADERS = ("时间", "审核人", "操作", "项目", "原值", "新值", "对象")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self.describe_target = lambda row: ""  # set by the panel: what a row is about

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self):
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == AUDIT_ROLE:
            return r
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == COL_AT:
            return r.at.replace("T", " ")[:19]
        if col == COL_WHO:
            return r.reviewer
        if col == COL_ACTION:
            return self.tr(ACTIONS.get(r.action, r.action))
        if col == COL_FIELD:
            return self.tr(FIELDS.get(r.field, r.field or ""))
        if col == COL_OLD:
            return "" if r.action == "add" else show_value(r.old)
        if col == COL_NEW:
            return show_value(r.new)
        if col == COL_TARGET:
            return self.describe_target(r)
        return None
