"""The 审核意见 of the open report (a dock): the reviewer's text, saved as an undoable step
(``SetOpinionOp``, audited), and 生成审核意见书 — the .docx a supervisor sends back to the body.

The panel holds no copy of the stored opinion: it reads it when a report is opened and after a
change of the report (an undo puts the old text back). The text is saved with Ctrl+S, the
button, or when the field loses the focus (so opening another report never drops it). The
save-file answer is injectable.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from core.errors import ReportError
from core.review.indicator_ops import SetOpinionOp

AskSavePath = Callable[[str], "str | None"]  # suggested file name → chosen path or None


def _safe_name(text: str) -> str:
    return "".join(c for c in text if c not in '\\/:*?"<>|').strip() or "报告"


def problems_of(store, report_id: int) -> list[str]:
    """The problems found by the checks, minus those the reviewer found to be no problem."""
    if not hasattr(store, "list_checks"):
        return []
    from core.store.checks import DISMISSED

    out = []
    for c in store.list_checks(report_id, include_stale=False):
        if c.decision != DISMISSED:
            out.append(c.message + (f"（{c.note}）" if c.note else ""))
    return out


class OpinionPanel(QDockWidget):
    pushOp = Signal(object)  # an Op for the undo stack
    message = Signal(str)

    def __init__(self, session, reviewer: Callable[[], str], parent=None,
                 ask_save_path: AskSavePath | None = None):
        super().__init__(self.tr("审核意见"), parent)
        self.setObjectName("opinionDock")
        self.session = session
        self.reviewer = reviewer
        self.ask_save_path = ask_save_path or self._dialog_path
        self.last_written: Path | None = None
        box = QWidget(self)
        self.editor = QPlainTextEdit(box)
        self.editor.setPlaceholderText(self.tr("对本报告的审核意见（保存后写入修改记录，可撤销）"))
        self.state = QLabel(box)
        self.save_button = QPushButton(self.tr("保存意见"), box)
        self.save_button.setToolTip(self.tr("Ctrl+S（在意见框中）"))
        self.docx_button = QPushButton(self.tr("生成审核意见书（.docx）…"), box)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.docx_button)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.editor, 1)
        lay.addLayout(row)
        self.setWidget(box)
        save = QShortcut(QKeySequence.StandardKey.Save, self.editor)
        save.setContext(Qt.ShortcutContext.WidgetShortcut)
        save.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.docx_button.clicked.connect(lambda: self.write_docx())
        self.editor.textChanged.connect(self._show_state)
        self.editor.installEventFilter(self)  # leaving the field saves (another report, …)
        session.opened.connect(lambda _r: self.reload())
        session.reportChanged.connect(lambda _r: self.reload())
        session.closed.connect(self.reload)  # the report went to the 回收站: nothing to show
        self._stored = ""
        self.reload()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if obj is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save()
        return super().eventFilter(obj, event)

    # --- text -------------------------------------------------------------------------------
    def reload(self) -> None:
        rid = self.session.report_id()
        try:
            self._stored = self.session.store().get_opinion(rid) if rid is not None else ""
        except ReportError:
            self._stored = ""
        if self.editor.toPlainText().strip() != self._stored:
            self.editor.setPlainText(self._stored)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on at the end
        self.widget().setEnabled(rid is not None)  # the dock itself stays closable
        self._show_state()

    def modified(self) -> bool:
        return self.editor.toPlainText().strip() != self._stored

    def _show_state(self) -> None:
        self.state.setText(self.tr("未保存") if self.modified() else "")

    def save(self) -> None:
        rid = self.session.report_id()
        if rid is None or not self.modified():
            return
        self.pushOp.emit(SetOpinionOp(rid, self.editor.toPlainText(), self.tr("修改审核意见")))

    # --- the document -----------------------------------------------------------------------
    def _dialog_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存审核意见书"), suggested,
                                              self.tr("Word 文档 (*.docx)"))
        return path or None

    def write_docx(self) -> Path | None:
        """Save the text first (if changed), then write the 审核意见书 where the reviewer says."""
        from core.export.opinion_docx import build_opinion, write_opinion_docx

        report = self.session.report
        if report is None:
            return None
        self.save()
        rec = report.record
        suggested = _safe_name(f"审核意见书_{rec.org or report.file_name}_{rec.year or ''}") + ".docx"
        path = self.ask_save_path(suggested)
        if not path:
            return None
        if Path(path).suffix.lower() != ".docx":
            path = str(path) + ".docx"
        store = self.session.store()
        try:
            doc = build_opinion(store, report.id, reviewer=self.reviewer(),
                                problems=problems_of(store, report.id))
            out = write_opinion_docx(doc, path)
        except ReportError as exc:
            self.message.emit(exc.message)
            return None
        self.last_written = out
        self.message.emit(self.tr("已生成审核意见书：{0}").format(out))
        return out
