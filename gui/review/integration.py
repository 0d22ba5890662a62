"""Puts the review workflow into the main window: controller, actions and menus, in-place
editing, context menus, the history dock, the shortcut sheet (F1) and the export dialog.

``install_review(window)`` is the one call the window makes; questions to the user can be
injected (tests answer them without dialogs).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from gui.review.actions import ReviewActions
from gui.review.controller import ReviewController
from gui.review.export_dialog import ExportDialog
from gui.review.history_panel import HistoryPanel
from gui.review.reviewer_name import dialog_asker
from gui.review.section_edit import dialog_section_asker
from gui.review.shortcut_sheet import ShortcutSheet
from gui.review.value_delegate import FigureFieldDelegate


def _message_box_asker(parent):
    def ask(title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    return ask


def _menu(window, title_start: str):
    for act in window.menuBar().actions():
        if act.menu() is not None and act.text().startswith(title_start):
            return act.menu()
    return None


class ReviewKit(QObject):
    def __init__(self, window, ask_name=None, ask_yes_no=None, ask_section=None):
        super().__init__(window)
        self.window = window
        self.ask_yes_no = ask_yes_no or _message_box_asker(window)
        self.ctl = ReviewController(window, ask_name or dialog_asker(window), self.ask_yes_no,
                                    ask_section or dialog_section_asker(window))
        self.actions = ReviewActions(window, self.ctl, self)
        self.export_dialog: ExportDialog | None = None
        self.sheet: ShortcutSheet | None = None
        pane = window.review
        # in-place editing
        panel = pane.figures
        panel.model.editable = True
        self.delegate = FigureFieldDelegate(self.ctl, panel.table)
        panel.table.setItemDelegate(self.delegate)
        panel.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.delegate.hint.connect(self.show_message)
        self.ctl.message.connect(self.show_message)
        # history dock
        self.history = HistoryPanel(self.ctl, window)
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
        self.actions.groups.append((self.tr("其他"), [self.export_action, toggle,
                                                     self.sheet_action]))
        self._fill_menus(toggle)
        self._context_menus()

    def _fill_menus(self, history_toggle: QAction) -> None:
        bar = self.window.menuBar()
        self.menus = self.actions.fill_menus(bar)
        file_menu = _menu(self.window, "文件")
        if file_menu is not None:
            last = file_menu.actions()[-1] if file_menu.actions() else None
            file_menu.insertAction(last, self.export_action)
            file_menu.insertSeparator(last)
        view_menu = _menu(self.window, "视图")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(history_toggle)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.sheet_action)

    def _context_menus(self) -> None:
        pane = self.window.review
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
        dlg = ExportDialog(self.window.source, self.window.source.list_reports(), rid,
                           self.window, ask_open=self.ask_yes_no)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dlg
        dlg.open()
        return dlg


def install_review(window, **asks) -> ReviewKit | None:
    """The review workflow needs the SQLite store; with another source the window stays a
    viewer."""
    if not hasattr(window.source, "store"):
        return None
    return ReviewKit(window, **asks)
