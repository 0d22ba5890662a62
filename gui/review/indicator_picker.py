"""A keyboard picker of one catalogue indicator: type part of the name (or area, unit, cue
word), Up/Down to move, Enter to choose, Esc to cancel. The first entry is 不对应指标 (none).

Used by the figure table's 指标 column (shortcut I). ``chosen`` is emitted with the indicator id,
or None for 不对应指标; the caller makes the undoable step.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from core.indicators.catalog import Indicator

NONE_LABEL = "（不对应指标）"


def _haystack(ind: Indicator) -> str:
    return " ".join((ind.name, ind.id, ind.area, ind.unit, *ind.cues)).lower()


class IndicatorPicker(QDialog):
    chosen = Signal(object)  # indicator id or None

    def __init__(self, indicators: list[Indicator], current: str | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择指标"))
        self.resize(420, 420)
        self.indicators = [i for i in indicators if not i.retired]
        self.hint = QLabel(self.tr("输入指标名称或线索词筛选，↑↓ 选择，回车确定，Esc 取消"), self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选指标…"))
        self.list = QListWidget(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        self.filter.textChanged.connect(self._fill)
        self.filter.installEventFilter(self)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._current = current
        self._fill("")

    def _fill(self, text: str) -> None:
        words = text.strip().lower().split()
        self.list.clear()
        if not words:
            self.list.addItem(self._item(NONE_LABEL, None))
        for ind in self.indicators:
            hay = _haystack(ind)
            if all(w in hay for w in words):
                label = f"{ind.header()}　[{ind.area}]" if ind.area else ind.header()
                self.list.addItem(self._item(label, ind.id))
        row = 0
        for k in range(self.list.count()):
            if not words and self.list.item(k).data(Qt.ItemDataRole.UserRole) == self._current:
                row = k
        self.list.setCurrentRow(row if self.list.count() else -1)

    def _item(self, label: str, ind_id: str | None) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, ind_id)
        return item

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        """Up/Down/PageUp/PageDown typed in the filter move through the list."""
        if obj is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(obj, event)

    def choices(self) -> list[str | None]:
        """The ids listed now (None = 不对应指标), in order."""
        return [self.list.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.list.count())]

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:  # nothing matches what was typed
            return
        super().accept()
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
