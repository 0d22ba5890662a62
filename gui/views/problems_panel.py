"""The 问题 dock: the open report's findings, each linked to its text and figures, with the
reviewer's decision by button or key.

The panel holds no data: it shows ``Session``'s open report (``opened`` / ``checksChanged``) and
asks for everything else by signal — ``spanRequested`` (show and select the quoted text in the
original), ``figureRequested`` (make a figure the current row), ``decisionRequested`` (the
review controller pushes an undoable ``DecideCheck``) and ``compareRequested`` (a copy finding
beside the other report's paragraph). Keys while the list has the focus (they take precedence
over the window's figure keys): Y or 1 核实无误 (with the note typed below, optional), X or 2
确认问题, 0 or Backspace 重新核实, C 对照原文 (copies), Enter shows the text again.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from core.store.checks import CheckRecord
from gui.models.problems_model import CHECK_ROLE, COL_DECISION, COL_KIND, ProblemsModel

DISMISS, CONFIRM, REOPEN = "核实无误", "确认问题", "待核实"
_KEYS = {Qt.Key.Key_Y: DISMISS, Qt.Key.Key_1: DISMISS, Qt.Key.Key_X: CONFIRM,
         Qt.Key.Key_2: CONFIRM, Qt.Key.Key_0: REOPEN, Qt.Key.Key_Backspace: REOPEN}


class ProblemsTable(QTableView):
    """Takes the panel's keys before the window's shortcuts (Y confirms a *figure* elsewhere)."""

    keyDecision = Signal(str)
    keyCompare = Signal()

    def event(self, e):
        if (e.type() == QEvent.Type.ShortcutOverride and not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and (e.key() in _KEYS or e.key() == Qt.Key.Key_C)):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e):  # noqa: N802
        if not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if e.key() in _KEYS:
                self.keyDecision.emit(_KEYS[e.key()])
                return
            if e.key() == Qt.Key.Key_C:
                self.keyCompare.emit()
                return
        super().keyPressEvent(e)


class ProblemsPanel(QDockWidget):
    spanRequested = Signal(int, int)  # show and select text[start:end] in the original
    figureRequested = Signal(int)  # make this figure the current row
    decisionRequested = Signal(int, str, object)  # check id, decision, note (None: unchanged)
    compareRequested = Signal(object)  # a copy CheckRecord

    def __init__(self, session, parent=None):
        super().__init__(self.tr("问题"), parent)
        self.setObjectName("problemsDock")
        self.session = session
        self.model = ProblemsModel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = ProblemsTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(COL_DECISION, 72)
        self.table.setColumnWidth(COL_KIND, 120)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("说明（可选，随“核实无误”或“确认问题”保存）"))
        self.dismiss_button = QPushButton(self.tr("核实无误 (Y)"), self)
        self.confirm_button = QPushButton(self.tr("确认问题 (X)"), self)
        self.reopen_button = QPushButton(self.tr("重新核实 (0)"), self)
        self.compare_button = QPushButton(self.tr("对照原文 (C)…"), self)
        self.dismiss_button.clicked.connect(lambda: self.decide(DISMISS))
        self.confirm_button.clicked.connect(lambda: self.decide(CONFIRM))
        self.reopen_button.clicked.connect(lambda: self.decide(REOPEN))
        self.compare_button.clicked.connect(self.compare)
        self.table.keyDecision.connect(self.decide)
        self.table.keyCompare.connect(self.compare)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(lambda _i: self.show_current())
        self.note.returnPressed.connect(lambda: self.decide(DISMISS))
        buttons = QHBoxLayout()
        for b in (self.dismiss_button, self.confirm_button, self.reopen_button,
                  self.compare_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        lay.addLayout(buttons)
        self.setWidget(body)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        session.opened.connect(self._on_opened)
        session.checksChanged.connect(self._on_checks)
        self._update_summary()
        self._update_buttons()

    # --- content ----------------------------------------------------------------------------
    def _on_opened(self, report) -> None:
        self.note.clear()
        self.model.set_checks(report.checks)
        self._update_summary()
        self._update_buttons()

    def _on_checks(self, report) -> None:
        keep = self.current_check()
        self.model.set_checks(report.checks)
        if keep is not None and self.table.currentIndex().row() < 0:  # after a re-run: same place
            row = self.model.row_of(keep.id)
            if row >= 0:
                self.table.selectRow(row)
        self._update_summary()
        self._update_buttons()

    def _update_summary(self) -> None:
        checks = self.model.checks()
        if self.session.report is None:
            self.summary.setText(self.tr("打开一份报告后在这里列出检查发现的问题。"))
            return
        if not checks:
            self.summary.setText(self.tr("本报告未发现问题。"))
            return
        n = {d: sum(1 for c in checks if c.decision == d) for d in (REOPEN, CONFIRM, DISMISS)}
        self.summary.setText(self.tr("共 {0} 条：待核实 {1}，确认问题 {2}，核实无误 {3}").format(
            len(checks), n[REOPEN], n[CONFIRM], n[DISMISS]))

    def _update_buttons(self) -> None:
        c = self.current_check()
        for b in (self.dismiss_button, self.confirm_button, self.reopen_button):
            b.setEnabled(c is not None)
        self.compare_button.setEnabled(c is not None and c.kind == "copy"
                                       and bool(c.detail.get("other_report_id")))

    # --- the current finding ------------------------------------------------------------------
    def current_check(self) -> CheckRecord | None:
        idx = self.table.currentIndex()
        return idx.data(CHECK_ROLE) if idx.isValid() else None

    def select_check(self, check_id: int) -> bool:
        row = self.model.row_of(check_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)
        return True

    def _on_current(self, current, _previous) -> None:
        self._update_buttons()
        if current.isValid():
            self.show_current()

    def figure_ids(self, check: CheckRecord) -> list[int]:
        """The open report's figures a finding rests on (matched by their quoted span)."""
        report = self.session.report
        if report is None or not check.figures:
            return []
        spans = {(s, e) for s, e, _t in check.figures}
        return [f.id for f in report.figures if (f.start, f.end) in spans and not f.deleted]

    def show_current(self) -> None:
        """Link to the text and the figures: the first figure becomes the current row, then the
        quoted text is shown selected in the original."""
        c = self.current_check()
        if c is None:
            return
        ids = self.figure_ids(c)
        if ids:
            self.figureRequested.emit(ids[0])
        if c.end > c.start:
            self.spanRequested.emit(c.start, c.end)

    # --- decisions ----------------------------------------------------------------------------
    def decide(self, decision: str) -> None:
        c = self.current_check()
        if c is None:
            return
        note = self.note.text().strip() or None
        self.decisionRequested.emit(c.id, decision, note if decision != REOPEN else None)
        now = self.session.report.check(c.id) if self.session.report is not None else None
        if now is None or now.decision != decision:
            return  # not saved (no reviewer name, a read-only database): stay, keep the note
        self.note.clear()
        if decision != REOPEN:
            self.next_open(after=c.id)
        self.table.setFocus()

    def next_open(self, after: int | None = None) -> bool:
        """Move to the next finding still 待核实 (after ``after``, wrapping)."""
        checks = self.model.checks()
        start = self.model.row_of(after) + 1 if after is not None else 0
        order = checks[start:] + checks[:start]
        nxt = next((c for c in order if c.decision == REOPEN and c.id != after), None)
        return self.select_check(nxt.id) if nxt is not None else False

    def compare(self) -> None:
        c = self.current_check()
        if c is not None and c.kind == "copy" and c.detail.get("other_report_id"):
            self.compareRequested.emit(c)
