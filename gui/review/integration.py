"""The review part of the main window: controller, actions and menus, in-place editing,
context menus, the history dock, the shortcut sheet (F1) and the export dialog.

``MainWindow`` builds one ``ReviewKit`` with its collaborators (the session, the review pane,
the report list, its own File and View menus) and the reviewer's ``Answers`` (dialogs by default;
tests pass their own).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.review.actions import ReviewActions
from gui.review.answers import Answers
from gui.review.checks_kit import ChecksKit
from gui.review.controller import ReviewController
from gui.review.export_dialog import ExportDialog
from gui.models.report_list_model import ID_ROLE
from gui.review.history_panel import HistoryPanel
from gui.review.report_admin import ReportAdmin
from gui.review.shortcut_sheet import ShortcutSheet
from gui.review.trash_dialog import TrashDialog
from gui.review.value_delegate import FigureFieldDelegate


class ReviewKit(QObject):
    def __init__(self, window, session, pane, report_list, answers: Answers, file_menu,
                 view_menu):
        super().__init__(window)
        self.window = window
        self.session = session
        self.pane = pane
        self.report_list = report_list
        self.ask_yes_no = answers.yes_no
        self.ctl = ReviewController(session, pane, answers, report_list.rows_in_view_order,
                                    self)
        self.ctl.openReport.connect(window.open_report)
        self.actions = ReviewActions(window, self.ctl, pane, self)
        self.admin = ReportAdmin(window, self.ctl, answers, self)
        self.admin.message.connect(self.show_message)
        self.trash_dialog: TrashDialog | None = None
        pane.meta_bar.editRequested.connect(self.admin.edit_meta)
        self.export_dialog: ExportDialog | None = None
        self.sheet: ShortcutSheet | None = None
        # in-place editing: the delegate commits through the controller
        table = pane.figures.table
        self.delegate = FigureFieldDelegate(self.ctl, table)
        table.setItemDelegate(self.delegate)
        self.delegate.hint.connect(self.show_message)
        self.ctl.message.connect(self.show_message)
        # after 撤销 / 重做 the status bar says what was undone, never an older step's message
        self.actions.undo.triggered.connect(lambda: self._after_step(self.tr("已撤销："), 0))
        self.actions.redo.triggered.connect(lambda: self._after_step(self.tr("已重做："), -1))
        # history dock
        self.history = HistoryPanel(session, pane, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history)
        # a short strip by default: the original and the figures need the height (a saved
        # window state, restored later, wins)
        window.resizeDocks([self.history], [150], Qt.Orientation.Vertical)
        toggle = self.history.toggleViewAction()
        toggle.setText(self.tr("修改记录面板"))
        toggle.setShortcut(QKeySequence("Ctrl+H"))
        window.addAction(toggle)
        # export, shortcut sheet
        self.export_action = QAction(self.tr("导出(&E)…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        window.addAction(self.export_action)
        self.sheet_action = QAction(self.tr("快捷键一览(&K)"), window)
        self.sheet_action.setShortcut(QKeySequence("F1"))
        self.sheet_action.triggered.connect(self.show_sheet)
        window.addAction(self.sheet_action)
        self._report_actions()
        self.actions.groups.append((self.tr("其他"), [self.export_action, toggle,
                                                     self.sheet_action]))
        self._fill_menus(toggle, file_menu, view_menu)
        self._context_menus()
        # the 问题 dock, part evidence, problem counts, copy comparison, 应报送单位
        self.checks = ChecksKit(window, session, self.ctl, pane, report_list, self.history,
                                self.menus["review"])
        self.actions.groups.append((self.tr("问题"), self.checks.shortcut_actions()))

    def _report_actions(self) -> None:
        w = self.window

        def action(text, slot, shortcut=None):
            act = QAction(text, w)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _c=False: slot())
            w.addAction(act)
            return act

        self.meta_action = action(self.tr("修改报告信息（单位、年度…）…"), self.admin.edit_meta,
                                  "Ctrl+I")
        self.delete_report_action = action(self.tr("删除报告（移到回收站）…"),
                                           self.delete_selected_report)
        self.trash_action = action(self.tr("回收站…"), self.open_trash)
        self.report_history_action = action(self.tr("整份报告的修改记录"),
                                            self.history.show_report_history, "Ctrl+Alt+H")
        self.actions.groups.append((self.tr("报告管理"), [self.meta_action,
                                                        self.report_history_action]))

    def delete_selected_report(self) -> bool:
        """The report selected in the list (else the open one) goes to the 回收站."""
        idx = self.report_list.table.currentIndex()
        rid = idx.data(ID_ROLE) if idx.isValid() else None
        return self.admin.delete_report(rid)

    def open_trash(self) -> TrashDialog:
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.admin, self.window)
        self.trash_dialog.refresh()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    def _list_menu(self, pos) -> None:
        table = self.report_list.table
        menu = QMenu(table)
        idx = table.indexAt(pos)
        if idx.isValid():
            rid = idx.data(ID_ROLE)
            menu.addAction(self.tr("打开")).triggered.connect(
                lambda _c=False: self.window.open_report(rid))
            menu.addAction(self.tr("删除报告（移到回收站）…")).triggered.connect(
                lambda _c=False: self.admin.delete_report(rid))
            menu.addSeparator()
        menu.addAction(self.trash_action)
        menu.exec(table.viewport().mapToGlobal(pos))

    def _fill_menus(self, history_toggle: QAction, file_menu, view_menu) -> None:
        bar = self.window.menuBar()
        self.menus = self.actions.fill_menus(bar)
        last = file_menu.actions()[-1] if file_menu.actions() else None  # 退出 stays last
        file_menu.insertAction(last, self.export_action)
        file_menu.insertSeparator(last)
        for act in (self.meta_action, self.delete_report_action, self.trash_action):
            file_menu.insertAction(last, act)
        file_menu.insertSeparator(last)
        view_menu.addSeparator()
        view_menu.addAction(history_toggle)
        view_menu.addAction(self.report_history_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.sheet_action)

    def _context_menus(self) -> None:
        lst = self.report_list.table
        lst.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        lst.customContextMenuRequested.connect(self._list_menu)
        pane = self.pane
        table = pane.figures.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda pos: self.actions.figure_menu(table).exec(table.viewport().mapToGlobal(pos)))
        outline = pane.outline
        outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        outline.customContextMenuRequested.connect(
            lambda pos: self.actions.outline_menu(outline).exec(
                outline.viewport().mapToGlobal(pos)))
        orig = pane.original
        for view in (orig.pdf_view, orig.rich_view, orig.plain_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._original_menu(v, pos))

    def _original_menu(self, view, pos) -> None:
        menu = self.actions.original_menu(view)
        if hasattr(view, "createStandardContextMenu"):  # text views: keep 复制 / 全选
            std = view.createStandardContextMenu()
            menu.addSeparator()
            for act in std.actions():
                menu.addAction(act)
        menu.exec(view.viewport().mapToGlobal(pos))

    def _after_step(self, prefix: str, offset: int) -> None:
        stack = self.ctl.undo_stack
        text = stack.text(stack.index() + offset)
        self.window.statusBar().showMessage(prefix + text if text else "", 5000)

    def show_message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def show_sheet(self) -> ShortcutSheet:
        if self.sheet is None:
            self.sheet = ShortcutSheet(self.actions.groups, self.window)
        self.sheet.show()
        self.sheet.raise_()
        return self.sheet

    def open_export(self) -> ExportDialog:
        rid = self.ctl.report_id()
        dlg = ExportDialog(self.session.source, self.report_list.model.reports(), rid,
                           self.window, ask_open=self.ask_yes_no)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dlg
        dlg.open()
        return dlg

