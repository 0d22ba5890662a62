"""The open report for the views: ``core.review.session.ReportSession`` plus Qt signals.

Every view of the report subscribes here instead of holding a copy (as napari's evented models
drive thin Qt models):

* ``opened(ReportSession)``: another report is shown (models reset, original rebuilt);
* ``closed()``: no report is shown any more (it was moved to the 回收站): show the empty state;
* ``figuresChanged(list[int])`` / ``figuresAdded(list[int])``: records already updated in the
  session — update those rows and highlights;
* ``sectionsChanged()``: outline, required parts, section column;
* ``reportChanged(ReportSession)``: the open report's own fields (review state);
* ``summaryChanged(ReportSummary)``: one report-list row (any report, open or not);
* ``checksChanged(ReportSession)``: the open report's findings or a decision on one (问题 panel);
* ``indicatorsChanged()``: the 指标汇总's inputs changed (a figure's indicator or value, how a
  cell combines, which bodies are one).

``apply(changes)`` is the one way changes come in: the undo stack's command calls it with what
an operation returned (``core.review.ops``).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.review.changes import OpChanges
from core.review.session import ReportSession


class Session(QObject):
    opened = Signal(object)
    closed = Signal()
    figuresChanged = Signal(object)
    figuresAdded = Signal(object)
    sectionsChanged = Signal()
    reportChanged = Signal(object)
    summaryChanged = Signal(object)
    checksChanged = Signal(object)
    indicatorsChanged = Signal()

    def __init__(self, source, parent=None):
        super().__init__(parent)
        self.source = source
        self.report: ReportSession | None = None

    def store(self):
        """The GUI thread's ``Store``."""
        return self.source.store()

    def report_id(self) -> int | None:
        return self.report.id if self.report is not None else None

    def show(self, report: ReportSession) -> None:
        self.report = report
        self.opened.emit(report)

    def close(self) -> None:
        if self.report is not None:
            self.report = None
            self.closed.emit()

    def apply(self, changes: OpChanges) -> None:
        if not changes:
            return
        if self.report is not None:
            done = self.report.apply(self.store(), changes)
            if done.figures:
                self.figuresChanged.emit(done.figures)
            if done.added:
                self.figuresAdded.emit(done.added)
            if done.sections:
                self.sectionsChanged.emit()
            if done.report:
                self.reportChanged.emit(self.report)
            if done.checks:
                self.checksChanged.emit(self.report)
        if changes.list_row and changes.report_id is not None:
            self.summaryChanged.emit(self.store().report_summary(changes.report_id))
        if changes.indicators or changes.figures or changes.added:
            self.indicatorsChanged.emit()
