"""A small dialog to correct the report's 单位, 年度, 日期, 文号 and 标题."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from core.domain import META_FIELDS

LABELS = {"org": "单位", "year": "年度", "published": "日期", "doc_number": "文号", "title": "标题"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MetaDialog", text)


class MetaDialog(QDialog):
    def __init__(self, shown: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("修改报告信息"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for field in META_FIELDS:
            edit = QLineEdit(shown.get(field) or "", self)
            edit.setMinimumWidth(380)
            self.edits[field] = edit
            form.addRow(_tr(LABELS[field]) + "：", edit)
        self.edits["year"].setPlaceholderText(_tr("四位数字，例如 2023"))
        self.edits["published"].setPlaceholderText(_tr("例如 2024-03-15"))
        self.edits["doc_number"].setPlaceholderText(_tr("例如 渝中府〔2024〕12号"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {f: e.text().strip() for f, e in self.edits.items()}


def dialog_meta_asker(parent: QWidget | None):
    def ask(shown: dict) -> dict | None:
        dlg = MetaDialog(shown, parent)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None

    return ask
