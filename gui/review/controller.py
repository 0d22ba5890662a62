"""Review decisions of the window: each keypress becomes a ``core.review.ops`` operation pushed
on the undo stack (written to the store at once; the session then updates exactly what changed).

Collaborators come in through the constructor: the ``Session`` (the open report and the store),
the ``ReviewPane`` (what is selected: the current figure, the outline's heading, the text
selection), the report list (the order for "next report with pending figures") and the
reviewer's ``Answers``. The controller follows the current figure through the pane's
``currentFigureChanged`` signal and asks for another selection with ``selectFigure`` /
``openReport``; it never reaches into the window.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.domain import REVIEW_FIELDS, FigureStatus, ReviewState
from core.errors import ReportError
from core.review import ops
from core.store.records import UNSET, FigureRecord, ReportSummary
from core.store.values import parse_value
from gui.models.figures_model import COL_VALUE
from gui.review import selection_parse
from gui.review.answers import Answers
from gui.review.navigation import NavigationMixin
from gui.review.reviewer_name import ReviewerName
from gui.review.undo_commands import OpCommand

FIELD_LABELS = {"subject": "主体", "value": "数值", "unit": "单位", "qualifier": "限定"}


class ReviewController(NavigationMixin, QObject):
    message = Signal(str)  # a hint for the status bar (also errors: an invalid value, …)
    selectFigure = Signal(int)  # make this figure the current row
    openReport = Signal(int)  # show another report

    def __init__(self, session, pane, answers: Answers,
                 report_order: Callable[[], list[ReportSummary]], parent=None):
        super().__init__(parent)
        self.session = session
        self.pane = pane
        self.panel = pane.figures
        self.report_order = report_order
        self.undo_stack = QUndoStack(self)
        self.names = ReviewerName(answers.name)
        self.ask_yes_no = answers.yes_no
        self.ask_section = answers.section
        self.advance_after_confirm = True
        self._name: str | None = None
        self._after_open: Callable[[], None] | None = None
        self._current: FigureRecord | None = None
        self.last_error: str | None = None  # why the last pushed step was refused
        pane.currentFigureChanged.connect(self._on_current)
        self.selectFigure.connect(self.panel.select_figure)

    # --- what the commands need ------------------------------------------------------------
    def store(self):
        return self.session.store()

    def reviewer(self) -> str:
        return self._name or self.names.get() or "未署名"

    def report_id(self) -> int | None:
        return self.session.report_id()

    def current(self) -> FigureRecord | None:
        """The current figure as the session has it now."""
        if self._current is None or self.session.report is None:
            return None
        return self.session.report.figure(self._current.id)

    def _on_current(self, item: FigureRecord | None) -> None:
        self._current = item

    def select(self, figure_id: int) -> bool:
        if not self.panel.has_figure(figure_id):
            return False
        self.selectFigure.emit(figure_id)
        return True

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

    def push(self, op: ops.Op) -> OpCommand | None:
        """Run ``op`` as an undoable step; None (and a message) when it failed."""
        cmd = OpCommand(op, self.session, self.reviewer, self.message.emit)
        self.undo_stack.push(cmd)
        self.last_error = cmd.error.message if cmd.error is not None else None
        return None if cmd.error is not None else cmd

    def ensure_reviewer(self) -> str | None:
        """Ask the reviewer's name now if none is stored (at first start, before any key is
        pressed for a decision, so no keystroke lands in the question)."""
        self._name = self.names.get()
        return self._name

    def change_reviewer(self) -> None:
        name = self.names.change()
        if name:
            self._name = name
            self.message.emit(self.tr("审核人：{0}").format(name))

    def report_opened(self) -> None:
        """The window showed a report: pick the figure to start with."""
        action, self._after_open = self._after_open, None
        if action is not None:
            action()
        elif self.current() is None and not self.select_first_pending():
            self.panel.go_row(0)
        self.pane.focus_figures()  # keyboard review starts at once: Y, N, F2, Delete …

    # --- figure decisions --------------------------------------------------------------------
    def _figure_op(self, make: Callable[[int, str], ops.Op], text: str) -> OpCommand | None:
        f = self.current()
        if f is None:
            self.message.emit(self.tr("请先选择一个数字。"))
            return None
        if not self._ready():
            return None
        return self.push(make(f.id, text))

    def confirm(self) -> bool:
        f = self.current()
        if f is not None and f.status != FigureStatus.PENDING:  # already decided: move on
            if self.advance_after_confirm:
                self.next_pending(wrap_reports=False)
            return False
        cmd = self._figure_op(ops.confirm_figure, self.tr("确认数字"))
        if (cmd is not None and self.advance_after_confirm
                and not self.next_pending(wrap_reports=False) and self.current() is not None):
            self.message.emit(self.tr("本报告的数字已全部审核，可标记为“已审核”（Ctrl+Enter）。"))
        return cmd is not None

    def delete(self) -> bool:
        """已删除: the row leaves the default view (filter 已删除 shows it); the next row is
        selected."""
        neighbour = self.panel.neighbour_id()
        cmd = self._figure_op(ops.delete_figure, self.tr("删除数字"))
        if cmd is not None and neighbour is not None and self.panel.is_hidden(cmd.op.figure_id):
            self.select(neighbour)
        return cmd is not None

    def restore(self) -> bool:
        return self._figure_op(ops.restore_figure, self.tr("恢复数字")) is not None

    def reset(self) -> bool:
        return self._figure_op(ops.reset_figure, self.tr("恢复为识别结果")) is not None

    def edit(self, field: str, text: str, figure_id: int | None = None) -> str | None:
        """Change one field of a figure; returns an error message (nothing stored) or None."""
        if field not in REVIEW_FIELDS:
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
        if not self._ready():
            return self.tr("未保存。")
        label = self.tr("修改{0}").format(self.tr(FIELD_LABELS[field]))
        cmd = self.push(ops.edit_figure(fid, field, value, label))  # unchanged: not recorded
        return None if cmd is not None else self.last_error

    def edit_current(self, column: int = COL_VALUE) -> bool:
        if not self.panel.edit_current(column):
            self.message.emit(self.tr("请先选择一个数字。"))
            return False
        return True

    def add_from_selection(self, expand: bool = False) -> int | None:
        """A figure from the text selected in the original; returns its id."""
        report = self.session.report
        if report is None:
            self.message.emit(self.tr("请先打开一份报告。"))
            return None
        sel = self.pane.text_selection()
        if not sel:
            self.message.emit(self.tr("请先在原文中选中要新增的数字。"))
            return None
        text = report.document.text
        start, end = sel
        if expand:
            start, end = selection_parse.expand(text, start, end)
            self.pane.set_text_selection(start, end)
        try:
            p = selection_parse.propose(text, start, end)
        except ReportError as exc:
            self.message.emit(exc.message)
            return None
        if not self._ready():
            return None
        op = ops.AddFigure(report.id, ops.Proposal(p.start, p.end, p.value, p.unit, p.qualifier,
                                                   p.subject), self.tr("新增数字"))
        if self.push(op) is None:
            return None
        self.select(op.figure_id)
        self.message.emit(self.tr("已新增数字“{0}”，可按 F2 修改。").format(text[start:end]))
        return op.figure_id

    # --- sections -------------------------------------------------------------------------
    def current_section(self):
        """The outline's current heading when the outline has focus, else the heading the
        current figure is in."""
        focused = self.pane.outline_section(focused_only=True)
        if focused is not None:
            return focused
        f = self.current()
        if f is not None:
            sec = self.session.report.section_of(f)
            if sec is not None:
                return sec
        return self.pane.outline_section()

    def confirm_section(self) -> int:
        sec = self.current_section()
        if sec is None:
            self.message.emit(self.tr("请先选择一个章节或其中的数字。"))
            return 0
        if not self._ready():
            return 0
        op = ops.ConfirmSection(sec.id, self.tr("确认本节全部待审数字"))
        if self.push(op) is None:
            return 0
        n = len(op.ids)
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
        return self.push(ops.edit_section(sec.id, level, kind, self.tr("修改标题"))) is not None

    def remove_section(self) -> bool:
        sec = self.current_section()
        if sec is None or not self._ready():
            return False
        return self.push(ops.remove_section(sec.id, self.tr("删除标题"))) is not None

    def add_heading(self) -> bool:
        report = self.session.report
        sel = self.pane.text_selection()
        if not sel:
            self.message.emit(self.tr("请先在原文中选中漏识别的标题。"))
            return False
        text = report.document.text[sel[0]:sel[1]]
        answer = self.ask_section(text, 1, None) if self.ask_section else (1, None)
        if answer is None or not self._ready():
            return False
        op = ops.AddHeading(report.id, sel[0], sel[1], answer[0], answer[1], self.tr("新增标题"))
        return self.push(op) is not None

    # --- the report -----------------------------------------------------------------------
    def mark_reviewed(self) -> bool:
        """已审核; with figures still pending, ask first."""
        if not self._ready():
            return False
        report = self.session.report
        pending = sum(1 for f in report.figures if f.status == FigureStatus.PENDING)
        if pending and not self.ask_yes_no(
                self.tr("仍有待审数字"),
                self.tr("本报告还有 {0} 个数字待审。仍然标记为“已审核”吗？").format(pending)):
            return False
        ok = self.push(ops.SetReviewState(report.id, ReviewState.REVIEWED, self.tr("标记为已审核")))
        if ok is not None:
            self.message.emit(self.tr("本报告已标记为“已审核”。"))
        return ok is not None

    # --- findings of the checks (问题 panel) -------------------------------------------------
    def decide_check(self, check_id: int, decision: str, note=UNSET) -> bool:
        """核实无误 / 确认问题 / 待核实 on one finding, as an undoable step (``note`` None: kept)."""
        if not self._ready():
            return False
        label = self.tr("问题：{0}").format(self.tr(decision))
        op = ops.DecideCheck(check_id, decision, UNSET if note is None else note, label)
        return self.push(op) is not None

    def reopen_review(self) -> bool:
        if not self._ready():
            return False
        op = ops.SetReviewState(self.report_id(), ReviewState.IN_REVIEW, self.tr("重新审核"))
        return self.push(op) is not None
