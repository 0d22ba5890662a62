"""The main window: report list | review pane, menus and actions, import and open flows,
layout kept in QSettings.

Built in one piece: the ``Session`` (the open report), the report list, the review pane and the
review workflow (``ReviewKit``: controller, actions, history, export). The report list is read
once at start; afterwards each change updates its own row (``Session.summaryChanged``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QMainWindow, QMessageBox, QSplitter, QVBoxLayout,
                               QWidget)

from core.domain import SUFFIXES
from core.paths import sample_report
from core.review.session import ReportSession
from gui import settings
from gui.error_text import describe_error
from gui.import_flow import ImportFlow
from gui.models.report_list_model import progress_text
from gui.review.answers import Answers, with_dialogs
from gui.review.indicator_kit import IndicatorKit
from gui.review.integration import ReviewKit
from gui.review_pane import ReviewPane
from gui.session import Session
from gui.store_source import StoreReportSource, default_source
from gui.views.hint_bar import HintBar
from gui.views.report_list import ReportListPane
from gui.workers.import_task import load_task, warm_up_task


FIRST_START_HINT = ("已载入示例报告，可以直接试审：Y 确认、Delete 删除、F2 修改、N 下一个待审；"
                    "用 Ctrl+O 打开自己的报告，单击左侧列表切换报告，F1 查看全部快捷键。")
# title bar and borders the window manager adds around the window (width, height)
FRAME_ALLOWANCE = (16, 40)


class MainWindow(QMainWindow):
    reportOpened = Signal(int)  # the report is shown with its highlights
    _load_failed = Signal(object)  # opening a report failed (the exception)
    importFinished = Signal(object)  # ImportOutcome, after the list was refreshed

    def __init__(self, source: StoreReportSource | None = None, parent=None,
                 answers: Answers | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("法治报告审阅台"))
        self._fit_to_screen()
        self.setAcceptDrops(True)
        self.source = source if source is not None else default_source()
        self.session = Session(self.source, self)
        self.report_list = ReportListPane(self)
        self.review = ReviewPane(self.session, self)
        self.session.summaryChanged.connect(self.report_list.model.update_report)
        self.session.summaryChanged.connect(self._on_summary)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.report_list)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1100])
        self.hint_bar = HintBar(self)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.hint_bar)
        box.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.imports = ImportFlow(self.source, self)
        self.imports.finished.connect(self._on_import_finished)
        self.report_list.openRequested.connect(self.open_report)
        self._load = None
        self._build_menus()
        self.review_kit = ReviewKit(self, self.session, self.review, self.report_list,
                                    with_dialogs(answers, self), self.file_menu, self.view_menu)
        self.importFinished.connect(lambda outcome: self.review_kit.admin.note_imported(
            list(outcome.imported)))
        self.indicator_kit = IndicatorKit(self, self.review_kit)
        self._restore_layout()
        self.statusBar().showMessage(self.tr("就绪"))

    # --- menus -------------------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, menu=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(shortcut)
        a.triggered.connect(slot)
        if menu is not None:
            menu.addAction(a)
        return a

    def _build_menus(self) -> None:
        m = self.file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.open_action = self._action(self.tr("打开报告(&O)…"), self.choose_files,
                                        QKeySequence.StandardKey.Open, m)
        self.folder_action = self._action(self.tr("导入文件夹(&D)…"), self.choose_folder,
                                          QKeySequence("Ctrl+Shift+O"), m)
        self.recent_menu = m.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        self._action(self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit, m)
        v = self.view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        orig = self.review.original
        self.plain_action = self._action(self.tr("显示纯文本(&T)"),
                                         lambda on: orig.set_plain(on), QKeySequence("Ctrl+T"), v)
        self.plain_action.setCheckable(True)
        orig.plain_button.toggled.connect(self.plain_action.setChecked)
        self._action(self.tr("放大(&I)"), orig.zoom_in.click, QKeySequence.StandardKey.ZoomIn, v)
        self._action(self.tr("缩小(&U)"), orig.zoom_out.click, QKeySequence.StandardKey.ZoomOut, v)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        for f in files:
            self._action(f, lambda _=False, f=f: self.import_paths([f]), None, self.recent_menu)
        if not files:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # --- opening -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("打开报告"), "", self.tr("报告文件 ({0});;所有文件 (*)").format(patterns))
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入文件夹"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        """Import files and folders in the background; the last imported report is opened."""
        files = [p for p in paths if Path(p).is_file()]
        if files:
            settings.add_recent_files(files)
        started = self.imports.start([str(p) for p in paths])
        if started:
            self.statusBar().showMessage(self.tr("正在导入…"))
        return started

    def _on_import_finished(self, outcome) -> None:
        store = self.source.store()
        for rid in dict.fromkeys(outcome.imported):  # new rows (or a re-import's own row)
            self.report_list.model.update_report(store.report_summary(rid))
        n = len(outcome.imported)
        msg = self.tr("已导入 {0} 份报告").format(n)
        if outcome.failed:
            msg += self.tr("，{0} 个文件失败").format(len(outcome.failed))
        if outcome.cancelled:
            msg += self.tr("（已取消）")
        self.statusBar().showMessage(msg)
        if outcome.imported:
            self.open_report(outcome.imported[-1])
        self.importFinished.emit(outcome)

    def refresh_reports(self) -> list:
        """Read the whole report list (at start); returns the rows."""
        reports = self.source.list_reports()
        self.report_list.set_reports(reports)
        return reports

    def open_report(self, report_id: int) -> None:
        self._wanted = report_id  # a slower earlier load must not replace it
        task = load_task(self.source, report_id)
        task.result.connect(self._show_loaded)
        task.error.connect(self._load_failed.emit)
        task.error.connect(lambda exc: QMessageBox.warning(
            self, self.tr("无法打开报告"), describe_error(exc)))
        self._load = task.start()

    def _show_loaded(self, report: ReportSession) -> None:
        if getattr(self, "_wanted", report.id) != report.id:
            return
        self.session.show(report)
        self.report_list.mark_current(report.id)
        self._on_summary(self.source.store().report_summary(report.id))
        # announced in the next event-loop turn: the report paints first, then its listeners
        # (the review controller selects the first pending figure) run as a separate short step
        QTimer.singleShot(0, lambda rid=report.id: self._announce_opened(rid))

    def _on_summary(self, summary) -> None:
        """The window title names the open report and its progress (已审 12/45)."""
        if summary.id != self.session.report_id():
            return
        self.setWindowTitle(self.tr("法治报告审阅台") + f" — {summary.file_name} — "
                            + progress_text(summary))

    def _announce_opened(self, report_id: int) -> None:
        if self.session.report_id() == report_id:
            self.review_kit.ctl.report_opened()
            self.reportOpened.emit(report_id)

    def start(self, files: list[str] | None = None) -> None:
        """After show(): import command-line files, or the sample on an empty database."""
        self._warm = warm_up_task(self.source).start()  # parser ready before the first import
        reports = self.refresh_reports()  # the one full read of the list
        if files:
            self.import_paths(files)
        elif not reports:
            sample = sample_report()
            if sample.is_file():
                self.imports.start([str(sample)])
                self.hint_bar.show_text(self.tr(FIRST_START_HINT))
        if not reports:  # first start: the name now, not in the middle of the first keystrokes
            QTimer.singleShot(0, self.review_kit.ctl.ensure_reviewer)
        else:
            last = settings.app_settings().value("lastReport")
            ids = [r.id for r in reports]
            rid = int(last) if last is not None and str(last).isdigit() and int(last) in ids else ids[0]
            self._mark_duplicates_after_first_open()
            self.open_report(rid)

    def _mark_duplicates_after_first_open(self) -> None:
        """The 【重复】 marks read every report's fingerprint (~0.6 s of Python at 5,000 reports);
        computed in the background once the first report is on screen, they do not compete with
        its loading for the interpreter. An import refreshes them at once (``note_imported``)."""
        def mark(*_args) -> None:
            self.reportOpened.disconnect(mark)
            self._load_failed.disconnect(mark)
            self.review_kit.admin.refresh_duplicates_in_background()

        self.reportOpened.connect(mark)
        self._load_failed.connect(mark)

    # --- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event):  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    # --- layout in QSettings -----------------------------------------------------------------
    def _splitters(self):
        return (self.splitter, self.review.splitter, self.review.data_splitter)

    def _fit_to_screen(self) -> None:
        """1400×880 where there is room; on a smaller screen (a 1366×768 laptop) the available
        area less the window frame, so every column and the status bar are on screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 880)
            return
        avail = screen.availableGeometry()
        width = min(1400, avail.width() - FRAME_ALLOWANCE[0])
        height = min(880, avail.height() - FRAME_ALLOWANCE[1])
        self.resize(width, height)
        self.move(avail.left() + (avail.width() - width - FRAME_ALLOWANCE[0]) // 2,
                  avail.top() + max(0, (avail.height() - height - FRAME_ALLOWANCE[1]) // 2))

    def _restore_layout(self) -> None:
        s = settings.app_settings()
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
            avail = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
            if self.width() > avail.width() or self.height() > avail.height():
                self._fit_to_screen()  # saved on a bigger screen
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        for sp in self._splitters():
            value = s.value(f"splitters/{sp.objectName()}")
            if value is not None:
                sp.restoreState(value)

    def save_layout(self) -> None:
        s = settings.app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for sp in self._splitters():
            s.setValue(f"splitters/{sp.objectName()}", sp.saveState())
        if self.session.report is not None:
            s.setValue("lastReport", self.session.report_id())
        s.sync()

    def closeEvent(self, event):  # noqa: N802
        self.save_layout()
        self.imports.cancel()
        self.source.close()
        super().closeEvent(event)
