"""Where the window's data lives: the SQLite store, one ``Store`` per thread, and the parser
child process used for imports. No SQL and no record conversion here: the views read the
store's own records through ``core.review.session.ReportSession``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from core.analysis_worker import AnalysisWorker
from core.review.session import ReportSession
from core.store import Store
from core.store.records import ReportSummary

Progress = Callable[[int, int], None]


class StoreReportSource:
    """Methods may be called from worker threads: each thread gets its own ``Store``."""

    def __init__(self, db_path: str | Path | None = None):
        self.db_path = db_path
        self._local = threading.local()
        # Parsing runs in a child process so it never competes with the GUI thread for the GIL
        # and a parser that hangs or crashes can be stopped (see core/analysis_worker.py).
        self._analyzer = AnalysisWorker()
        self.store()  # open (and migrate) the database now, on the GUI thread

    @classmethod
    def open_default(cls) -> StoreReportSource:
        return cls(None)

    def store(self) -> Store:
        """This thread's ``Store`` (sqlite3 connections must not cross threads)."""
        st = getattr(self._local, "store", None)
        if st is None:
            st = Store(self.db_path)
            self._local.store = st
        return st

    def list_reports(self) -> list[ReportSummary]:
        return self.store().list_reports()

    def import_file(self, path: str, progress: Progress | None = None) -> int:
        return self.store().import_file(path, progress, analyzer=self._analyzer.analyze).report_id

    def load_report(self, report_id: int) -> ReportSession:
        return ReportSession.load(self.store(), report_id)

    def earlier_versions(self, report_id: int) -> tuple[str, list]:
        """(file name of ``report_id``, stored reports of the same body and year, newest first)."""
        st = self.store()
        return st.get_report(report_id).file_name, st.earlier_versions(report_id)

    def replace_report(self, earlier_id: int, new_id: int, reviewer: str):
        return self.store().replace_report(earlier_id, new_id, reviewer)

    def warm_up(self) -> None:
        """Start the parsing process now (from a worker), so the first import does not wait."""
        self._analyzer.start()

    def close(self) -> None:
        self._analyzer.close()


def default_source() -> StoreReportSource:
    return StoreReportSource.open_default()
