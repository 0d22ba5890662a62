"""Whole-report commands of the window: correct the report's metadata (undoable operations),
move a report to the 回收站 (with confirmation), restore it, empty the bin, and flag the same
text imported in several forms (PDF, DOCX, TXT)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.errors import ReportError
from core.review import ops
from core.store.reports import clean_meta_value
from gui.review.meta_dialog import LABELS
from gui.workers.task import Task

META_LABEL = "修改报告信息"


class ReportAdmin(QObject):
    message = Signal(str)
    trashChanged = Signal()  # something entered or left the 回收站

    def __init__(self, window, ctl, answers, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.ctl = ctl
        self.session = window.session
        self.report_list = window.report_list
        self.ask_yes_no = answers.yes_no
        self.ask_meta = answers.meta
        self._duplicates_asked = 0  # counts refreshes: a background result older than the last is dropped
        self._duplicates_task: Task | None = None  # kept until done (a Task does not delete itself)

    def store(self):
        return self.session.store()

    def _named(self) -> bool:
        """The reviewer's name (asked if missing); no report needs to be open."""
        if self.ctl.names.get():
            return True
        self.message.emit(self.tr("未填写审核人姓名，操作未保存。"))
        return False

    # --- metadata ---------------------------------------------------------------------------
    def edit_meta(self) -> int:
        """Ask for corrected 单位 / 年度 / 日期 / 文号 / 标题; each changed field is one audited
        operation, all of them one step of 撤销. Returns how many fields changed."""
        report = self.session.report
        if report is None:
            self.message.emit(self.tr("请先打开一份报告。"))
            return 0
        rec = report.record
        shown = {f: ("" if getattr(rec, f) is None else str(getattr(rec, f))) for f in LABELS}
        answer = self.ask_meta(shown) if self.ask_meta else None
        if answer is None or not self.ctl._ready():
            return 0
        changed = {f: v for f, v in answer.items() if f in shown and v != shown[f]}
        if not changed:
            return 0
        try:  # all or nothing: a bad year leaves every field as it was
            for field, value in changed.items():
                clean_meta_value(field, value)
        except ReportError as exc:
            self.message.emit(exc.message)
            return 0
        stack = self.ctl.undo_stack
        stack.beginMacro(self.tr(META_LABEL))
        done = 0
        try:
            for field, value in changed.items():
                label = self.tr("修改{0}").format(self.tr(LABELS[field]))
                if self.ctl.push(ops.EditReportMeta(report.id, field, value, label)) is not None:
                    done += 1
        finally:
            stack.endMacro()
        if done:
            self.message.emit(self.tr("已修改报告信息：{0}").format(
                "、".join(self.tr(LABELS[f]) for f in changed)))
        return done

    # --- 回收站 -------------------------------------------------------------------------------
    def delete_report(self, report_id: int | None = None) -> bool:
        """Move a report (the open one by default) to the 回收站, after asking."""
        rid = report_id if report_id is not None else self.session.report_id()
        if rid is None:
            self.message.emit(self.tr("请先在左侧列表中选择要删除的报告。"))
            return False
        summary = self.store().report_summary(rid)
        decided = summary.total - summary.pending
        note = self.tr("其中 {0} 个数字已审核，审核结果一并保留。").format(decided) if decided else ""
        if not self.ask_yes_no(
                self.tr("删除报告"),
                self.tr("把报告“{0}”移到回收站吗？{1}\n可在“文件 → 回收站”中恢复。").format(
                    summary.file_name, note)):
            return False
        if not self._named():
            return False
        try:
            self.store().trash_report(rid, self.ctl.names.get())
        except ReportError as exc:
            self.message.emit(exc.message)
            return False
        self.report_list.model.remove_report(rid)
        if self.session.report_id() == rid:
            self.ctl.undo_stack.clear()  # its steps belong to a report no longer shown
            self.session.close()
            self.report_list.mark_current(None)
            self.window.setWindowTitle(self.tr("法治报告审阅台"))
        self.refresh_duplicates()
        self.trashChanged.emit()
        self.message.emit(self.tr("已把“{0}”移到回收站。").format(summary.file_name))
        return True

    def restore_report(self, report_id: int) -> bool:
        if not self._named():
            return False
        try:
            restored = self.store().restore_report(report_id, self.ctl.names.get())
        except ReportError as exc:
            self.message.emit(exc.message)
            return False
        if restored:
            summary = self.store().report_summary(report_id)
            self.report_list.model.update_report(summary)
            self.refresh_duplicates()
            self.trashChanged.emit()
            self.message.emit(self.tr("已从回收站恢复“{0}”。").format(summary.file_name))
        return restored

    def empty_trash(self, report_ids: list[int] | None = None) -> int:
        """Delete for good (after asking) every report in the bin, or only ``report_ids``."""
        items = self.store().list_trash()
        if report_ids is not None:
            items = [t for t in items if t.id in report_ids]
        if not items:
            return 0
        if not self.ask_yes_no(self.tr("彻底删除"), self.tr(
                "彻底删除回收站中的 {0} 份报告吗？删除后不能恢复（修改记录仍保留）。").format(len(items))):
            return 0
        if not self._named():
            return 0
        n = self.store().empty_trash(self.ctl.names.get(), [t.id for t in items])
        self.trashChanged.emit()
        self.message.emit(self.tr("已彻底删除 {0} 份报告。").format(n))
        return n

    # --- duplicates ---------------------------------------------------------------------------
    def refresh_duplicates(self) -> dict[int, list[int]]:
        self._duplicates_asked += 1
        dups = self.store().duplicate_map()
        self.report_list.model.set_duplicates(dups)
        return dups

    def refresh_duplicates_in_background(self) -> None:
        """At start: the 【重复】 marks follow once the list is shown instead of holding it up
        (they read every report's fingerprint: ~0.6 s at 5,000 reports). The window's source gives
        the worker thread its own store."""
        source = self.window.source
        asked = self._duplicates_asked

        def apply(dups: dict[int, list[int]]) -> None:
            if asked == self._duplicates_asked:  # no newer refresh since
                self.report_list.model.set_duplicates(dups)

        task = Task(lambda _ctx: source.store().duplicate_map())
        task.result.connect(apply)
        task.error.connect(lambda _exc: None)  # only marks are missing; the next refresh retries
        self._duplicates_task = task.start()

    def note_imported(self, report_ids: list[int]) -> None:
        """After an import: say when a new report repeats the text of one already there."""
        trashed = self.store().trashed_ids()
        for rid in dict.fromkeys(report_ids):
            if rid in trashed:  # imported again: the reviewer wants it back
                self.restore_report(rid)
        dups = self.refresh_duplicates()
        model = self.report_list.model
        for rid in dict.fromkeys(report_ids):
            others = dups.get(rid)
            if others:
                names = "、".join(model.file_name(o) for o in others)
                self.message.emit(self.tr("注意：“{0}”与已有的“{1}”正文相同（同一报告的不同格式？），"
                                          "可在列表中右键删除多余的一份。").format(model.file_name(rid), names))
