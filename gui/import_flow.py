"""Running imports from the window: a background task, a cancellable progress dialog, and a
Chinese message box naming each file that failed and why (the rest of the batch still imports)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

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
        task.error.connect(lambda exc: self._on_result(ImportOutcome(failed=[("", str(exc))])))
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
        self.finished.emit(outcome)

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
