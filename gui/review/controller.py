"""Review operations of the window: the current report and figure, keyboard navigation,
decisions pushed as undoable commands (written to the store at once), review-state changes.

Questions to the user (reviewer name, "mark as reviewed with figures pending?", a heading's
level) are injected callables, so tests answer them without dialogs.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from core.errors import ReportError
from core.store.records import PENDING
from core.store.values import parse_value
from gui.models.figures_model import COL_VALUE
from gui.review import selection_parse
from gui.review.navigation import NavigationMixin
from gui.review.reviewer_name import AskName, ReviewerName
from gui.review.undo_commands import (AddFigureCommand, AddHeadingCommand, ConfirmManyCommand,
                                      FigureCommand, ReviewStateCommand, SectionCommand)
from gui.store_source import enclosing_section, figure_item

AskYesNo = Callable[[str, str], bool]
AskSection = Callable[[str, int, "str | None"], "tuple[int, str | None] | None"]
EDIT_FIELDS = ("subject", "value", "unit", "qualifier")


class ReviewController(NavigationMixin, QObject):
    message = Signal(str)  # a hint for the status bar (also errors: an invalid value, …)
    figureChanged = Signal(object)  # the store's FigureRecord after any change
    reportStateChanged = Signal(int)

    def __init__(self, window, ask_name: AskName, ask_yes_no: AskYesNo,
                 ask_section: AskSection | None = None):
        super().__init__(window)
        self.window = window
        self.pane = window.review
        self.panel = self.pane.figures
        self.undo_stack = QUndoStack(self)
        self.names = ReviewerName(ask_name)
        self.ask_yes_no = ask_yes_no
        self.ask_section = ask_section
        self.advance_after_confirm = True
        self._name: str | None = None
        self._after_open: Callable[[], None] | None = None
        self._reselect: int | None = None
        self._list_timer = QTimer(self, singleShot=True, interval=250)
        self._list_timer.timeout.connect(self._refresh_list)
        window.reportOpened.connect(self._on_report_opened)

    # --- what the commands need ------------------------------------------------------------
    def store(self):
        return self.window.source.store()

    def reviewer(self) -> str:
        return self._name or self.names.get() or "未署名"

    def report_id(self) -> int | None:
        return self.pane.report.id if self.pane.report is not None else None

    def figure_changed(self, rec, added: bool = False) -> None:
        if rec.report_id == self.report_id():
            model = self.panel.model
            row = model.row_of(rec.id)
            if row < 0:
                starts = [s.start for s in self.pane.report.sections]
                self.pane.add_figure(figure_item(rec, enclosing_section(starts, rec.start)))
            else:
                self.pane.update_figure(figure_item(rec, model.item(row).section))
        self.figureChanged.emit(rec)
        self._list_timer.start()

    def sections_changed(self, report_id: int) -> None:
        if report_id == self.report_id():
            fig = self.current()
            self._reselect = fig.id if fig is not None else None
            self.window.open_report(report_id)
        self._list_timer.start()

    def report_changed(self, report_id: int) -> None:
        self.reportStateChanged.emit(report_id)
        self._list_timer.start()

    def _refresh_list(self) -> None:
        self.window.refresh_reports()
        rid = self.report_id()
        if rid is not None:
            self.window.report_list.mark_current(rid)

    # --- pushing ----------------------------------------------------------------------------
    def _ready(self) -> bool:
        """A report is open and the reviewer has a name."""
        if self.report_id() is None:
            self.message.emit(self.tr("请先打开一份报告。"))
            return False
        self._name = self.names.get()
        if not self._name:
            self.message.emit(self.tr("未填写审核人姓名，操作未保存。"))
            return False
        return True

    def _push(self, cmd) -> bool:
        self.undo_stack.push(cmd)
        if cmd.error is not None:
            self.message.emit(cmd.error.message)
            return False
        return True

    def change_reviewer(self) -> None:
        name = self.names.change()
        if name:
            self._name = name
            self.message.emit(self.tr("审核人：{0}").format(name))

    # --- the current figure and navigation ---------------------------------------------------
    def current(self):
        return self.panel.current_figure()

    def _on_report_opened(self, report_id: int) -> None:
        action, self._after_open = self._after_open, None
        reselect, self._reselect = self._reselect, None
        if action is not None:
            action()
        elif reselect is not None and self.panel.select_figure(reselect):
            pass
        elif self.current() is None:
            if not self.select_first_pending():
                self._go_row(0)
        self.panel.table.setFocus()  # keyboard review starts at once: Y, N, F2, Delete …

    # --- figure decisions --------------------------------------------------------------------
    def _figure_op(self, op, text: str):
        f = self.current()
        if f is None:
            self.message.emit(self.tr("请先选择一个数字。"))
            return None
        if not self._ready():
            return None
        cmd = FigureCommand(self, f.id, lambda st, who: op(st, f.id, who), text)
        return cmd if self._push(cmd) else None

    def confirm(self) -> bool:
        f = self.current()
        if f is not None and f.status != PENDING:  # already decided: just move on
            if self.advance_after_confirm:
                self.next_pending(wrap_reports=False)
            return False
        cmd = self._figure_op(lambda st, fid, who: st.confirm_figure(fid, who),
                              self.tr("确认数字"))
        if cmd is not None and self.advance_after_confirm:
            if not self.next_pending(wrap_reports=False) and self.current() is not None:
                self.message.emit(self.tr("本报告的数字已全部审核，可标记为“已审核”（Ctrl+Enter）。"))
        return cmd is not None

    def delete(self) -> bool:
        """已删除: the row leaves the default view (filter 已删除 shows it); the next row is
        selected."""
        neighbour = self._neighbour_id()
        cmd = self._figure_op(lambda st, fid, who: st.delete_figure(fid, who),
                              self.tr("删除数字"))
        if cmd is not None and neighbour is not None and self._hidden(cmd.figure_id):
            self.panel.select_figure(neighbour)
        return cmd is not None

    def restore(self) -> bool:
        return self._figure_op(lambda st, fid, who: st.restore_figure(fid, who),
                               self.tr("恢复数字")) is not None

    def reset(self) -> bool:
        return self._figure_op(lambda st, fid, who: st.reset_figure(fid, who),
                               self.tr("恢复为识别结果")) is not None

    def edit(self, field: str, text: str, figure_id: int | None = None) -> str | None:
        """Change one field of a figure; returns an error message (nothing stored) or None."""
        if field not in EDIT_FIELDS:
            raise ValueError(field)
        fid = figure_id if figure_id is not None else getattr(self.current(), "id", None)
        if fid is None:
            return self.tr("请先选择一个数字。")
        if field == "value":
            try:
                value = parse_value(text)
            except ReportError as exc:
                self.message.emit(exc.message)
                return exc.message
        else:
            value = text.strip() or None
        row = self.panel.model.row_of(fid)
        if row >= 0 and getattr(self.panel.model.item(row), field) == value:
            return None  # unchanged: nothing to store (and the redo history stays)
        if not self._ready():
            return self.tr("未保存。")
        label = {"subject": "主体", "value": "数值", "unit": "单位", "qualifier": "限定"}[field]
        cmd = FigureCommand(self, fid, lambda st, who: st.update_figure(fid, who, **{field: value}),
                            self.tr("修改{0}").format(self.tr(label)))
        return None if self._push(cmd) else cmd.error.message

    def edit_current(self, column: int = COL_VALUE) -> bool:
        table = self.panel.table
        idx = table.currentIndex()
        if not idx.isValid():
            self.message.emit(self.tr("请先选择一个数字。"))
            return False
        table.setFocus()
        table.edit(idx.siblingAtColumn(column))
        return True

    def add_from_selection(self, expand: bool = False) -> int | None:
        """A figure from the text selected in the original; returns its id."""
        if self.report_id() is None:
            self.message.emit(self.tr("请先打开一份报告。"))
            return None
        view = self.pane.original.current_view()
        sel = view.selection()
        if not sel:
            self.message.emit(self.tr("请先在原文中选中要新增的数字。"))
            return None
        text = self.pane.report.document.text
        start, end = sel
        if expand:
            start, end = selection_parse.expand(text, start, end)
            view.set_selection(start, end)
        try:
            proposal = selection_parse.propose(text, start, end)
        except ReportError as exc:
            self.message.emit(exc.message)
            return None
        if not self._ready():
            return None
        cmd = AddFigureCommand(self, self.report_id(), proposal, self.tr("新增数字"))
        if not self._push(cmd):
            return None
        self.panel.select_figure(cmd.figure_id)
        self.message.emit(self.tr("已新增数字“{0}”，可按 F2 修改。").format(text[start:end]))
        return cmd.figure_id

    # --- sections -------------------------------------------------------------------------
    def current_section(self):
        """The outline's current heading when the outline has focus, else the heading the
        current figure is in."""
        outline = self.pane.outline
        from gui.models.outline_model import SECTION_ROLE

        if outline.hasFocus() and outline.currentIndex().isValid():
            return outline.currentIndex().data(SECTION_ROLE)
        f = self.current()
        if f is not None and f.section is not None and self.pane.report is not None:
            return self.pane.report.sections[f.section]
        idx = outline.currentIndex()
        return idx.data(SECTION_ROLE) if idx.isValid() else None

    def confirm_section(self) -> int:
        sec = self.current_section()
        if sec is None or not hasattr(sec, "id"):
            self.message.emit(self.tr("请先选择一个章节或其中的数字。"))
            return 0
        if not self._ready():
            return 0
        cmd = ConfirmManyCommand(self, sec.id, self.tr("确认本节全部待审数字"))
        if not self._push(cmd):
            return 0
        n = len(cmd.ids)
        self.message.emit(self.tr("已确认“{0}”下 {1} 个待审数字。").format(sec.title, n))
        return n

    def edit_section(self) -> bool:
        sec = self.current_section()
        if sec is None or self.ask_section is None:
            self.message.emit(self.tr("请先在提纲中选择一个标题。"))
            return False
        answer = self.ask_section(f"{sec.marker}{sec.title}", sec.level, sec.kind)
        if answer is None or not self._ready():
            return False
        level, kind = answer
        cmd = SectionCommand(self, sec.id, lambda st, who: st.update_section(
            sec.id, who, level=level, kind=kind), self.tr("修改标题"))
        return self._push(cmd)

    def remove_section(self) -> bool:
        sec = self.current_section()
        if sec is None or not self._ready():
            return False
        cmd = SectionCommand(self, sec.id, lambda st, who: st.remove_section(sec.id, who),
                             self.tr("删除标题"))
        return self._push(cmd)

    def add_heading(self) -> bool:
        sel = self.pane.original.current_view().selection() if self.pane.report else None
        if not sel:
            self.message.emit(self.tr("请先在原文中选中漏识别的标题。"))
            return False
        text = self.pane.report.document.text[sel[0]:sel[1]]
        answer = self.ask_section(text, 1, None) if self.ask_section else (1, None)
        if answer is None or not self._ready():
            return False
        cmd = AddHeadingCommand(self, self.report_id(), sel[0], sel[1], answer[0], answer[1],
                                self.tr("新增标题"))
        return self._push(cmd)

    # --- the report -----------------------------------------------------------------------
    def mark_reviewed(self) -> bool:
        """已审核; with figures still pending, ask first."""
        if not self._ready():
            return False
        rid = self.report_id()
        pending = sum(1 for f in self.store().list_figures(rid) if f.status == PENDING)
        if pending and not self.ask_yes_no(
                self.tr("仍有待审数字"),
                self.tr("本报告还有 {0} 个数字待审。仍然标记为“已审核”吗？").format(pending)):
            return False
        ok = self._push(ReviewStateCommand(self, rid, "已审核", self.tr("标记为已审核")))
        if ok:
            self.message.emit(self.tr("本报告已标记为“已审核”。"))
        return ok

    def reopen_review(self) -> bool:
        if not self._ready():
            return False
        return self._push(ReviewStateCommand(self, self.report_id(), "审核中",
                                             self.tr("重新审核")))
