"""The checks in the window: the 问题 dock, the required-part marks with their evidence, the
problem count in the report list, re-running the checks after an edit, the copy comparison and
the 应报送单位 dialog.

Everything goes through the session and the review controller: the panel asks by signal, the
controller pushes ``DecideCheck`` on the one undo stack, ``Session.apply`` refreshes the panel.
Re-running is cheap and only happens when an input of the checks changed (a value, a unit, a
deletion, a heading, the metadata — never for a mere confirmation), once per event-loop turn.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from core.errors import ReportError
from core.review import check_refresh
from gui.views.copy_compare import compare_copy
from gui.views.problems_panel import ProblemsPanel


class ChecksKit(QObject):
    def __init__(self, window, session, ctl, pane, report_list, history_dock, menu,
                 choose_file=None):
        super().__init__(window)
        self.window, self.session, self.ctl, self.pane = window, session, ctl, pane
        self.report_list = report_list
        self.choose_file = choose_file  # injectable file answer of the 应报送单位 dialog
        self.compare_dialog = None
        self.reporting_dialog = None
        self._inputs = None
        self._rerun_due = False
        self.reruns = 0  # how many times the checks were re-run (tests, status)
        self.panel = ProblemsPanel(session, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        window.splitDockWidget(self.panel, history_dock, Qt.Orientation.Horizontal)
        # room for a few findings and the buttons (a saved window state, restored later, wins)
        window.resizeDocks([self.panel], [200], Qt.Orientation.Vertical)
        p = self.panel
        p.decisionRequested.connect(ctl.decide_check)
        p.figureRequested.connect(ctl.select)
        p.spanRequested.connect(self.show_span)
        p.compareRequested.connect(self.compare)
        session.opened.connect(self._on_opened)
        for sig in (session.figuresChanged, session.figuresAdded, session.reportChanged):
            sig.connect(lambda *_a: self._schedule_rerun())
        session.sectionsChanged.connect(self._on_sections)
        session.checksChanged.connect(self._on_checks)
        report_list.model.modelReset.connect(self.refresh_counts)
        window.importFinished.connect(self._on_import_finished)
        self._actions(menu)

    def _actions(self, menu) -> None:
        toggle = self.panel.toggleViewAction()
        toggle.setText(self.tr("问题面板"))
        self.focus_action = QAction(self.tr("转到问题面板"), self.window)
        self.focus_action.setShortcut(QKeySequence("Ctrl+4"))
        self.focus_action.triggered.connect(self.focus_panel)
        self.reporting_action = QAction(self.tr("应报送单位与报送情况(&W)…"), self.window)
        self.reporting_action.triggered.connect(self.open_reporting)
        for a in (toggle, self.focus_action, self.reporting_action):
            self.window.addAction(a)
            menu.addAction(a)

    def shortcut_actions(self) -> list[QAction]:
        """For the shortcut sheet. The panel's own keys act only while its list has the focus
        (the list takes them before the window's figure keys), so they are not window actions."""
        out = [self.focus_action]
        for text, keys in ((self.tr("问题：核实无误（可先填写说明）"), ("Y", "1")),
                           (self.tr("问题：确认问题"), ("X", "2")),
                           (self.tr("问题：重新核实"), ("0", "Backspace")),
                           (self.tr("问题：对照照抄的原文"), ("C",))):
            a = QAction(text, self)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setEnabled(False)  # never triggered: listed only
            out.append(a)
        return out + [self.reporting_action]

    # --- the open report ------------------------------------------------------------------------
    def _on_opened(self, report) -> None:
        self._inputs = check_refresh.check_inputs(report)
        self.show_parts()

    def _on_sections(self) -> None:
        self.show_parts()  # after the pane redrew the marks from the headings alone
        self._schedule_rerun()

    def show_parts(self) -> None:
        report = self.session.report
        if report is not None:
            self.pane.meta_bar.show_part_evidence(check_refresh.parts(report))

    def _schedule_rerun(self) -> None:
        if not self._rerun_due:
            self._rerun_due = True
            QTimer.singleShot(0, self.rerun_if_needed)

    def rerun_if_needed(self) -> bool:
        """Re-run the checks when what they read changed; True when they ran."""
        self._rerun_due = False
        report = self.session.report
        if report is None:
            return False
        inputs = check_refresh.check_inputs(report)
        if inputs == self._inputs:
            return False
        self._inputs = inputs
        try:
            changes = check_refresh.rerun(self.session.store(), report)
        except ReportError as exc:  # e.g. a read-only database: the old findings stay
            self.ctl.message.emit(exc.message)
            return False
        self.reruns += 1
        self.show_parts()  # the year may have changed (a plan written as "2024年将…")
        self.session.apply(changes)
        return True

    def _on_checks(self, report) -> None:
        counts = dict.fromkeys(("待核实", "核实无误", "确认问题"), 0)
        for c in report.checks:
            counts[c.decision] = counts.get(c.decision, 0) + 1
        self.report_list.model.set_problem_count(report.id, counts)

    # --- the report list ------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        self.report_list.model.set_problem_counts(self.session.store().check_counts())

    def _on_import_finished(self, outcome) -> None:
        # the import ran the copy checks of the new reports against the stored ones: counts of
        # earlier reports change too
        self.refresh_counts()
        if getattr(outcome, "copy_error", None):
            self.ctl.message.emit(outcome.copy_error)

    # --- linking and dialogs --------------------------------------------------------------------
    def show_span(self, start: int, end: int) -> None:
        self.pane.original.show_span(start, end)
        self.pane.set_text_selection(start, end)

    def focus_panel(self) -> None:
        self.panel.show()
        self.panel.raise_()
        self.panel.table.setFocus()
        if self.panel.current_check() is None:
            self.panel.next_open() or self.panel.select_check(
                next((c.id for c in self.panel.model.checks()), -1))

    def compare(self, check) -> None:
        report = self.session.report
        if report is None:
            return
        try:
            dlg = compare_copy(self.session.store(), report, check, self.window)
        except (ReportError, KeyError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("无法对照"),
                                getattr(exc, "message", self.tr("另一份报告已不在数据库中。")))
            return
        self.compare_dialog = dlg
        dlg.show()

    def open_reporting(self):
        from gui.views.reporting_dialog import ReportingDialog

        dlg = ReportingDialog(self.session.store, self.ctl.reviewer, self.window,
                              choose_file=self.choose_file)
        dlg.openReport.connect(self.window.open_report)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reporting_dialog = dlg
        dlg.show()
        return dlg
