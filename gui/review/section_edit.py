"""A small dialog for a heading: its level (1–6) and which required part it starts."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QSpinBox, QWidget)

from core.extraction import PART_KINDS, PART_LABELS


class SectionEditDialog(QDialog):
    def __init__(self, heading: str, level: int, kind: str | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("标题"))
        self.level = QSpinBox(self)
        self.level.setRange(1, 6)
        self.level.setValue(level or 1)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("（不是必备部分）"), None)
        for k in (*PART_KINDS, "other"):
            self.kind.addItem(self.tr(PART_LABELS[k]), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)) if kind else 0)
        label = QLabel(heading, self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("标题："), label)
        form.addRow(self.tr("层级（1 为一级标题）："), self.level)
        form.addRow(self.tr("必备部分："), self.kind)
        form.addRow(buttons)

    def values(self) -> tuple[int, str | None]:
        return self.level.value(), self.kind.currentData()


def dialog_section_asker(parent: QWidget):
    """``ask(heading, level, kind) -> (level, kind) | None`` using the dialog."""

    def ask(heading: str, level: int, kind: str | None):
        dlg = SectionEditDialog(heading, level, kind, parent)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None

    return ask
