"""In-place editing of a figure's subject, value, unit and qualifier in the figures table.

The value editor validates while typing (Chinese numerals and 万/亿 accepted) and shows why a
value is refused — a red frame, a tooltip and a status-bar hint; Enter does not commit an invalid
value, and an invalid value is never stored. Committed edits go to the controller (an undoable
command written to the store), never to the model directly.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QToolTip

from core.errors import ReportError
from core.store.values import parse_value
from gui.models.figures_model import (COL_QUALIFIER, COL_SUBJECT, COL_UNIT, COL_VALUE,
                                      FIGURE_ROLE, format_value)

FIELD_OF_COLUMN = {COL_SUBJECT: "subject", COL_VALUE: "value", COL_UNIT: "unit",
                   COL_QUALIFIER: "qualifier"}
INVALID_STYLE = "QLineEdit { border: 2px solid #d03030; background: #fff0f0; }"


def value_problem(text: str) -> str | None:
    """Why ``text`` is not a value, or None when it parses."""
    try:
        parse_value(text)
    except ReportError as exc:
        return exc.message
    return None


class ValueValidator(QValidator):
    def validate(self, text, pos):  # noqa: D401 - Qt API
        state = (QValidator.State.Intermediate if value_problem(text)
                 else QValidator.State.Acceptable)
        return state, text, pos


class FigureFieldDelegate(QStyledItemDelegate):
    hint = Signal(str)  # a refused value, in words

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.ctl = controller
        self.last_hint: str | None = None

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() not in FIELD_OF_COLUMN:
            return None
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if index.column() == COL_VALUE:
            editor.setValidator(ValueValidator(editor))
            editor.setPlaceholderText(self.tr("如 1234、12.5、3.2万、两千三百"))
            editor.textEdited.connect(lambda text, e=editor: self._check(e, text))
        return editor

    def _check(self, editor: QLineEdit, text: str) -> None:
        problem = value_problem(text)
        editor.setStyleSheet(INVALID_STYLE if problem else "")
        editor.setToolTip(problem or "")
        editor.setProperty("hint", problem or "")
        if problem:
            QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), problem, editor)
            self._hint(problem)
        else:
            QToolTip.hideText()

    def _hint(self, text: str) -> None:
        self.last_hint = text
        self.hint.emit(text)

    def setEditorData(self, editor, index):  # noqa: N802
        item = index.data(FIGURE_ROLE)
        if item is None:
            return
        field = FIELD_OF_COLUMN[index.column()]
        value = getattr(item, field)
        editor.setText(format_value(value) if field == "value" else (value or ""))
        editor.selectAll()

    def setModelData(self, editor, model, index):  # noqa: N802
        item = index.data(FIGURE_ROLE)
        if item is None:
            return
        field = FIELD_OF_COLUMN[index.column()]
        text = editor.text()
        old = getattr(item, field)
        if (format_value(old) if field == "value" else (old or "")) == text.strip():
            return  # unchanged
        if field == "value":
            problem = value_problem(text)
            if problem:
                self._hint(self.tr("未保存：") + problem)
                return
        error = self.ctl.edit(field, text, figure_id=item.id)
        if error:
            self._hint(self.tr("未保存：") + error)
