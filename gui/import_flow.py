"""Running imports from the window: a background task, a cancellable progress dialog, and a
Chinese message box naming each file that failed and why (the rest of the batch still imports)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from core.errors import ReportError
from gui.error_text import describe_error
from gui.workers.import_task import ImportOutcome, expand_paths, import_task
from gui.workers.task import Task


class ImportFlow(QObject):
    finished = Signal(object)  # ImportOutcome

    def __init__(self, source, parent_widget: QWidget):
        super().__init__(parent_widget)
        self._source = source
        self._parent = parent_widget
        self._task: Task | None = None
        self._queue: list[list[str]] = []
        self.dialog: QProgressDialog | None = None
        self.error_box: QMessageBox | None = None
        # (new file name, EarlierVersion) -> True to replace; tests put their answer here
        self.ask_replace = self._ask_replace

    def busy(self) -> bool:
        return self._task is not None

    def start(self, paths: list[str]) -> bool:
        """Import ``paths`` (files and folders); False when there is nothing to import."""
        files = expand_paths(paths)
        if not files:
            return False
        if self._task is not None:
            self._queue.append(files)
            return True
        dlg = QProgressDialog(self.tr("正在导入报告…"), self.tr("取消"), 0, len(files), self._parent)
        dlg.setWindowTitle(self.tr("导入报告"))
        dlg.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        dlg.setMinimumDuration(400)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setValue(0)
        self.dialog = dlg
        task = import_task(self._source, files)
        dlg.canceled.connect(task.cancel)
        task.progress.connect(self._on_progress)
        task.result.connect(self._on_result)
        task.error.connect(lambda exc: self._on_result(ImportOutcome(failed=[("", describe_error(exc))])))
        task.finished.connect(self._on_finished)
        self._task = task.start()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if name:
            self.dialog.setLabelText(self.tr("正在导入 {0}/{1}：{2}").format(done + 1, total, name))

    def _on_result(self, outcome: ImportOutcome) -> None:
        if outcome.failed:
            self._show_failures(outcome)
        self._offer_replacements(outcome)
        self.finished.emit(outcome)

    # --- a corrected re-send of a stored report ----------------------------------------------
    def _offer_replacements(self, outcome: ImportOutcome) -> None:
        """For each new report with the same body and year as a stored one, ask whether it
        replaces the earlier version (decisions carried over) or is kept as its own report."""
        earlier_of = getattr(self._source, "earlier_versions", None)
        if earlier_of is None:  # an in-memory source keeps no history
            return
        for i, new_id in enumerate(list(outcome.imported)):
            try:
                name, earlier = earlier_of(new_id)
            except ReportError:
                continue
            if not earlier or not self.ask_replace(name, earlier[0]):
                continue
            try:
                self._source.replace_report(earlier[0].report_id, new_id, _reviewer())
            except ReportError as exc:
                QMessageBox.warning(self._parent, self.tr("替换失败"),
                                    self.tr("两份报告都已保留。") + "\n" + exc.message)
                continue
            outcome.imported[i] = earlier[0].report_id

    def _ask_replace(self, name: str, earlier) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("同一单位同一年度的报告"),
                          self.tr("刚导入的“{0}”与已有的报告{1}是同一单位、同一年度的报告。\n\n"
                                  "如果它是修改后重新报送的版本，可以替换较早的版本：已做的审核决定"
                                  "按原文重新匹配后保留，找不到的标为需复核，较早的文件仍有记录。\n"
                                  "也可以把两份都保留为单独的报告。").format(name, earlier.describe()),
                          QMessageBox.StandardButton.NoButton, self._parent)
        replace = box.addButton(self.tr("替换较早的版本"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("保留两份"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def _on_finished(self) -> None:
        self._task = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._queue:
            self.start(self._queue.pop(0))

    def _show_failures(self, outcome: ImportOutcome) -> None:
        lines = [f"{Path(p).name}：{reason}" if p else reason for p, reason in outcome.failed]
        ok = len(outcome.imported)
        head = self.tr("{0} 个文件无法导入：").format(len(outcome.failed))
        tail = self.tr("其余 {0} 个文件已导入。").format(ok) if ok else ""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导入失败"),
                          head + "\n" + "\n".join(lines[:20])
                          + ("\n…" if len(lines) > 20 else "") + ("\n\n" + tail if tail else ""),
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setDetailedText("\n".join(f"{p}：{r}" for p, r in outcome.failed))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()  # not exec(): never block the event loop


def _reviewer() -> str:
    from gui.review.reviewer_name import stored_name

    return stored_name() or "导入"
