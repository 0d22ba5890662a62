"""The indicator catalogue editor: add an indicator, rename or redefine one, retire it (or use it
again). A retired indicator keeps its mappings and history; it takes no new mappings and the
summary hides its column unless asked. Every edit is one audited transaction in the store
(``catalog_audit``); the history of the selected indicator is shown below the form.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from core.errors import ReportError
from core.indicators.catalog import AREAS

KIND_LABELS = {"count": "计数", "rate": "比率", "money": "金额", "people": "人数"}
AGGREGATE_LABELS = {"sum": "相加", "mean": "求平均", "none": "不合计"}
COLUMNS = ("名称", "单位", "领域", "类型", "合计方式", "状态")
ACTION_LABELS = {"add": "新增", "edit": "修改", "retire": "停用", "unretire": "恢复使用",
                 "undo": "撤销", "redo": "重做"}
FIELD_LABELS = {"name": "名称", "unit": "单位", "area": "领域", "kind": "类型",
                "aggregate": "合计方式", "definition": "定义", "cues": "线索词", "retired": "停用"}


def history_line(h: dict) -> str:
    """One catalogue change as the reviewer reads it: when, who, what, old → new."""
    head = (f"{(h.get('at') or '')[:16]}  {h.get('reviewer') or ''}  "
            f"{ACTION_LABELS.get(h.get('action'), h.get('action'))}")
    field = h.get("field")
    if field is None or field == "retired":
        return head
    def show(v):
        return "、".join(v) if isinstance(v, list) else ("" if v is None else str(v))
    return f"{head}{FIELD_LABELS.get(field, field)}：{show(h.get('old'))} → {show(h.get('new'))}"


def _combo(parent, labels: dict) -> QComboBox:
    box = QComboBox(parent)
    for key, label in labels.items():
        box.addItem(label, key)
    return box


class CatalogDialog(QDialog):
    catalogChanged = Signal()

    def __init__(self, store_of: Callable, reviewer: Callable[[], str | None], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("指标目录"))
        self.resize(900, 640)
        self.store_of, self.reviewer = store_of, reviewer
        self.indicators = []
        self.grid = QTableWidget(0, len(COLUMNS), self)
        self.grid.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setColumnWidth(0, 260)
        self.name = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.area = QComboBox(self)
        self.area.addItems(AREAS)
        self.kind = _combo(self, KIND_LABELS)
        self.aggregate = _combo(self, AGGREGATE_LABELS)
        self.cues = QLineEdit(self)
        self.cues.setPlaceholderText(self.tr("线索词，用顿号或逗号分隔"))
        self.definition = QLineEdit(self)
        form = QFormLayout()
        for label, widget in (("名称", self.name), ("单位", self.unit), ("领域", self.area),
                              ("类型", self.kind), ("合计方式", self.aggregate),
                              ("线索词", self.cues), ("定义", self.definition)):
            form.addRow(self.tr(label), widget)
        self.add_button = QPushButton(self.tr("新增指标"), self)
        self.save_button = QPushButton(self.tr("保存修改"), self)
        self.retire_button = QPushButton(self.tr("停用"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.history = QPlainTextEdit(self)
        self.history.setReadOnly(True)
        self.history.setMaximumHeight(110)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.grid, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        lay.addWidget(QLabel(self.tr("修改记录"), self))
        lay.addWidget(self.history)
        self.grid.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.reload()

    # --- reading ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.indicators = self.store_of().list_indicators()
        self.grid.setRowCount(len(self.indicators))
        for r, ind in enumerate(self.indicators):
            values = (ind.name, ind.unit, ind.area, KIND_LABELS.get(ind.kind, ind.kind),
                      AGGREGATE_LABELS.get(ind.aggregate, ind.aggregate),
                      self.tr("已停用") if ind.retired else self.tr("使用中"))
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if ind.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.grid.setItem(r, c, item)
        ids = [i.id for i in self.indicators]
        if select in ids:
            self.grid.setCurrentCell(ids.index(select), 0)
        self._show(self.grid.currentRow())  # the same row again: its new fields and history

    def current(self):
        row = self.grid.currentRow()
        return self.indicators[row] if 0 <= row < len(self.indicators) else None

    def _show(self, row: int) -> None:
        ind = self.indicators[row] if 0 <= row < len(self.indicators) else None
        if ind is None:
            return
        self.name.setText(ind.name)
        self.unit.setText(ind.unit)
        self.area.setCurrentText(ind.area)
        self.kind.setCurrentIndex(max(self.kind.findData(ind.kind), 0))
        self.aggregate.setCurrentIndex(max(self.aggregate.findData(ind.aggregate), 0))
        self.cues.setText("、".join(ind.cues))
        self.definition.setText(ind.definition)
        self.retire_button.setText(self.tr("恢复使用") if ind.retired else self.tr("停用"))
        rows = self.store_of().catalog_history("indicator", ind.id)
        self.history.setPlainText("\n".join(history_line(h) for h in rows)
                                  or self.tr("（无修改）"))

    # --- changes ----------------------------------------------------------------------------
    def _fields(self) -> dict:
        cues = [c for c in re.split(r"[、，,；;\s]+", self.cues.text()) if c]
        return {"name": self.name.text().strip(), "unit": self.unit.text().strip(),
                "area": self.area.currentText(), "kind": self.kind.currentData(),
                "aggregate": self.aggregate.currentData(), "cues": cues,
                "definition": self.definition.text().strip()}

    def _run(self, step, done: str) -> bool:
        who = self.reviewer()
        if not who:
            self.message.setText(self.tr("未填写审核人姓名，修改未保存。"))
            return False
        try:
            ind = step(self.store_of(), who)
        except ReportError as exc:
            self.message.setText(exc.message)
            return False
        self.message.setText(done.format(ind.name))
        self.reload(select=ind.id)
        self.catalogChanged.emit()
        return True

    def _new_id(self) -> str:
        ids = {i.id for i in self.indicators}
        n = 1
        while f"custom_{n}" in ids:
            n += 1
        return f"custom_{n}"

    def add(self) -> bool:
        fields = self._fields()
        if not fields["name"]:
            self.message.setText(self.tr("请填写指标名称。"))
            return False
        if fields["name"] in {i.name for i in self.indicators}:
            self.message.setText(self.tr("已有同名指标“{0}”。").format(fields["name"]))
            return False
        return self._run(lambda st, who: st.add_indicator(who, id=self._new_id(), **fields),
                         self.tr("已新增指标“{0}”。"))

    def save(self) -> bool:
        ind = self.current()
        if ind is None:
            self.message.setText(self.tr("请先选择一个指标。"))
            return False
        fields = self._fields()
        if not fields["name"]:
            self.message.setText(self.tr("请填写指标名称。"))
            return False
        changed = {k: v for k, v in fields.items()
                   if (tuple(v) if k == "cues" else v) != getattr(ind, k)}
        if not changed:
            self.message.setText(self.tr("没有修改。"))
            return False
        return self._run(lambda st, who: st.update_indicator(ind.id, who, **changed),
                         self.tr("已保存指标“{0}”。"))

    def toggle_retired(self) -> bool:
        ind = self.current()
        if ind is None:
            self.message.setText(self.tr("请先选择一个指标。"))
            return False
        text = self.tr("已恢复使用“{0}”。") if ind.retired else \
            self.tr("已停用“{0}”（已有的对应和历史保留）。")
        return self._run(lambda st, who: st.retire_indicator(ind.id, who,
                                                             retired=not ind.retired), text)
