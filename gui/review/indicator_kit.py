"""The indicator part of the main window: the figure table's 指标 column (I / Shift+I), the 指标汇总
dock with the catalogue editor, and the 审核意见 dock with its 审核意见书 (.docx).

Built by ``MainWindow`` after the ``ReviewKit``; every decision goes through the review
controller's undo stack, and a summary cell is opened through the controller's ``openReport``
signal and ``select`` (the window's own open-report path).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from gui.review.indicator_column import IndicatorColumn, push_named
from gui.views.catalog_dialog import CatalogDialog
from gui.views.indicator_summary import IndicatorSummaryDock
from gui.views.opinion_panel import OpinionPanel


class IndicatorKit(QObject):
    def __init__(self, window, review_kit):
        super().__init__(window)
        self.window, self.kit = window, review_kit
        self.ctl = ctl = review_kit.ctl
        session = review_kit.session
        self.session = session
        self.column = IndicatorColumn(window, ctl, session, review_kit.pane.figures, self)
        self.catalog: CatalogDialog | None = None
        self._target: tuple[int, int] | None = None
        # docks: the summary shares the bottom strip with the history; both start hidden
        # so that a first start costs nothing (a saved window state shows them again)
        self.summary = IndicatorSummaryDock(session, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.summary)
        window.tabifyDockWidget(review_kit.history, self.summary)
        self.summary.hide()
        self.opinion = OpinionPanel(session, ctl.reviewer, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.opinion)
        self.opinion.hide()
        self.summary.pushOp.connect(lambda op: push_named(ctl, op))
        self.opinion.pushOp.connect(lambda op: push_named(ctl, op))
        self.opinion.message.connect(review_kit.show_message)
        self.summary.message.connect(review_kit.show_message)
        self.summary.openFigure.connect(self.open_figure)
        self.summary.openCatalog.connect(self.open_catalog)
        window.reportOpened.connect(self._on_report_opened)
        window.importFinished.connect(lambda _outcome: self.summary.invalidate())
        # a report's row changed (its body or year edited, say): the rows may differ
        session.summaryChanged.connect(lambda _row: self.summary.invalidate())
        review_kit.admin.trashChanged.connect(self.summary.invalidate)  # a report left / came back
        self._actions()

    def _toggle(self, dock, text: str, key: str) -> QAction:
        act = dock.toggleViewAction()
        act.setText(text)
        act.setShortcut(QKeySequence(key))
        # in front of a tabbed neighbour (after the action's own connection has shown it)
        act.triggered.connect(lambda on: on and dock.raise_())
        self.window.addAction(act)
        return act

    def _actions(self) -> None:
        w = self.window
        self.summary_toggle = self._toggle(self.summary, self.tr("指标汇总面板"), "Ctrl+Shift+I")
        self.opinion_toggle = self._toggle(self.opinion, self.tr("审核意见面板"), "Ctrl+Shift+M")
        self.docx_action = QAction(self.tr("生成审核意见书（.docx）…"), w)
        self.docx_action.triggered.connect(lambda: self.opinion.write_docx())
        self.catalog_action = QAction(self.tr("指标目录…"), w)
        self.catalog_action.triggered.connect(self.open_catalog)
        for act in (self.docx_action, self.catalog_action):
            w.addAction(act)
        w.view_menu.addAction(self.summary_toggle)
        w.view_menu.addAction(self.opinion_toggle)
        file_menu = w.file_menu
        last = file_menu.actions()[-1] if file_menu.actions() else None  # 退出 stays last
        file_menu.insertAction(last, self.docx_action)
        review = self.kit.menus.get("review")
        if review is not None:
            review.addSeparator()
            for act in (*self.column.actions(), self.catalog_action):
                review.addAction(act)
        self.kit.actions.groups.append((self.tr("指标与意见"), [
            *self.column.actions(), self.summary_toggle, self.opinion_toggle, self.docx_action]))

    # --- a summary cell opens its figure ------------------------------------------------------
    def open_figure(self, report_id: int, figure_id: int) -> None:
        if self.session.report_id() == report_id:
            self._target = None
            self.ctl.select(figure_id)
            return
        if self._target == (report_id, figure_id):
            return  # already on its way (a double click)
        self._target = (report_id, figure_id)
        self.ctl.openReport.emit(report_id)

    def _on_report_opened(self, report_id: int) -> None:
        target, self._target = self._target, None
        if target is not None and target[0] == report_id:
            self.ctl.select(target[1])

    # --- the catalogue ------------------------------------------------------------------------
    def open_catalog(self) -> CatalogDialog:
        if self.catalog is None:
            self.catalog = CatalogDialog(self.session.store, self.ctl.names.get, self.window)
            self.catalog.catalogChanged.connect(self._catalog_changed)
        self.catalog.reload()
        self.catalog.show()
        self.catalog.raise_()
        return self.catalog

    def _catalog_changed(self) -> None:
        self.column.refresh_catalog()
        self.summary.invalidate()  # a hidden summary recomputes when shown
