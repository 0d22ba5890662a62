"""The review commands as ``QAction``s with shortcuts, in the menus and context menus.

``ReviewActions`` owns the actions; the shortcut sheet (F1) lists them from ``groups`` so the
sheet can never disagree with the menus.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.models.figures_model import COL_QUALIFIER, COL_SUBJECT, COL_UNIT, COL_VALUE


def _keys(*specs) -> list[QKeySequence]:
    return [QKeySequence(s) for s in specs]


class ReviewActions(QObject):
    def __init__(self, window, ctl, pane, parent=None):
        super().__init__(parent or window)
        self.window, self.ctl = window, ctl
        self.groups: list[tuple[str, list[QAction]]] = []
        stack = ctl.undo_stack
        self.undo = stack.createUndoAction(window, self.tr("撤销"))
        self.undo.setShortcuts(_keys("Ctrl+Z"))
        self.redo = stack.createRedoAction(window, self.tr("重做"))
        self.redo.setShortcuts(_keys("Ctrl+Y", "Ctrl+Shift+Z"))
        a = self._make
        self.edit_value = a(self.tr("修改数值"), lambda: ctl.edit_current(COL_VALUE), "F2")
        self.edit_subject = a(self.tr("修改主体"), lambda: ctl.edit_current(COL_SUBJECT),
                              "Shift+F2")
        self.edit_unit = a(self.tr("修改单位"), lambda: ctl.edit_current(COL_UNIT), "Ctrl+F2")
        self.edit_qualifier = a(self.tr("修改限定语"), lambda: ctl.edit_current(COL_QUALIFIER),
                                "Alt+F2")
        self.next = a(self.tr("下一个数字"), ctl.next_figure, "J", "Ctrl+Down")
        self.prev = a(self.tr("上一个数字"), ctl.prev_figure, "K", "Ctrl+Up")
        self.next_pending = a(self.tr("下一个待审数字（可转到下一份报告）"), ctl.next_pending,
                              "N", "F8")
        self.confirm = a(self.tr("确认"), ctl.confirm, "Y")
        self.confirm_section = a(self.tr("确认本节全部待审数字"), ctl.confirm_section, "Shift+Y")
        self.delete = a(self.tr("删除"), ctl.delete, "Delete")
        self.restore = a(self.tr("恢复已删除的数字"), ctl.restore, "R")
        self.reset = a(self.tr("恢复为识别结果"), ctl.reset, "Shift+R")
        self.add = a(self.tr("用所选文字新增数字"), lambda: ctl.add_from_selection(False),
                     "Ctrl+N", "Insert")
        self.add_expand = a(self.tr("扩展为完整数字后新增"), lambda: ctl.add_from_selection(True),
                            "Ctrl+Shift+N")
        self.advance = a(self.tr("确认后跳到下一个待审数字"), self._set_advance)
        self.advance.setCheckable(True)
        self.advance.setChecked(ctl.advance_after_confirm)
        self.mark_reviewed = a(self.tr("标记本报告为“已审核”"), ctl.mark_reviewed,
                               "Ctrl+Return", "Ctrl+Enter")
        self.reopen = a(self.tr("重新审核本报告（审核中）"), ctl.reopen_review, "Ctrl+Shift+Return")
        self.change_name = a(self.tr("更改审核人…"), ctl.change_reviewer)
        self.edit_section = a(self.tr("修改标题层级或必备部分…"), ctl.edit_section, "Ctrl+L")
        self.add_heading = a(self.tr("用所选文字新增标题…"), ctl.add_heading, "Ctrl+Shift+H")
        self.remove_section = a(self.tr("删除误识别的标题"), ctl.remove_section,
                                "Ctrl+Shift+Delete")
        self.focus_table = a(self.tr("转到数字表格"), pane.focus_figures,
                             "Ctrl+1")
        self.focus_original = a(self.tr("转到原文"),
                                pane.focus_original, "Ctrl+2")
        self.focus_outline = a(self.tr("转到提纲"), pane.focus_outline, "Ctrl+3")
        for act in (self.undo, self.redo):
            window.addAction(act)
        self.groups = [
            (self.tr("浏览"), [self.next, self.prev, self.next_pending, self.focus_table,
                               self.focus_original, self.focus_outline]),
            (self.tr("审核数字"), [self.confirm, self.confirm_section, self.delete, self.restore,
                                   self.reset, self.edit_value, self.edit_subject,
                                   self.edit_unit, self.edit_qualifier, self.add,
                                   self.add_expand]),
            (self.tr("撤销"), [self.undo, self.redo]),
            (self.tr("标题"), [self.edit_section, self.add_heading, self.remove_section]),
            (self.tr("报告"), [self.mark_reviewed, self.reopen]),
        ]

    def _make(self, text: str, slot, *shortcuts: str) -> QAction:
        act = QAction(text, self.window)
        if shortcuts:
            act.setShortcuts(_keys(*shortcuts))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(act)  # shortcuts work even while menus are hidden
        return act

    def _set_advance(self) -> None:
        self.ctl.advance_after_confirm = self.advance.isChecked()

    # --- menus ----------------------------------------------------------------------------
    def fill_menus(self, menubar, extra_review: list[QAction] = ()) -> dict[str, QMenu]:
        edit = QMenu(self.tr("编辑(&E)"), menubar)
        for act in (self.undo, self.redo, None, self.edit_value, self.edit_subject,
                    self.edit_unit, self.edit_qualifier):
            edit.addSeparator() if act is None else edit.addAction(act)
        review = QMenu(self.tr("审核(&R)"), menubar)
        for act in (self.next, self.prev, self.next_pending, None, self.confirm,
                    self.confirm_section, self.delete, self.restore, self.reset, None, self.add,
                    self.add_expand, None, self.advance, self.mark_reviewed, self.reopen,
                    self.change_name, None, *extra_review, None, self.focus_table,
                    self.focus_original, self.focus_outline):
            review.addSeparator() if act is None else review.addAction(act)
        headings = QMenu(self.tr("标题(&T)"), menubar)
        for act in (self.edit_section, self.add_heading, self.remove_section):
            headings.addAction(act)
        menus = {"edit": edit, "review": review, "headings": headings}
        before = menubar.actions()[1] if len(menubar.actions()) > 1 else None
        for m in (edit, review, headings):
            if before is not None:
                menubar.insertMenu(before, m)
            else:
                menubar.addMenu(m)
        return menus

    def figure_menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        for act in (self.confirm, self.delete, self.restore, self.reset, None, self.edit_value,
                    self.edit_subject, self.edit_unit, self.edit_qualifier, None,
                    self.confirm_section):
            menu.addSeparator() if act is None else menu.addAction(act)
        return menu

    def original_menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        for act in (self.add, self.add_expand, None, self.add_heading):
            menu.addSeparator() if act is None else menu.addAction(act)
        return menu

    def outline_menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        for act in (self.edit_section, self.remove_section, None, self.confirm_section):
            menu.addSeparator() if act is None else menu.addAction(act)
        return menu
