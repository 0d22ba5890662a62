"""``ReportSource`` backed by the SQLite store (``core.store.Store``), one ``Store`` per thread.

The store's records are turned into the GUI's ``FigureItem`` / ``LoadedReport``; sections are
the store's ``SectionRecord`` objects (they have ``level, marker, title, start, end, kind`` like
``core.extraction.Section`` plus their ``id``), removed ones left out. No SQL here.
"""
from __future__ import annotations

import threading
from bisect import bisect_right
from pathlib import Path

from core.extraction import Meta
from gui.report_source import FigureItem, LoadedReport, Progress, ReportSource, ReportSummary


def figure_item(rec, section_index: int | None) -> FigureItem:
    """A store ``FigureRecord`` as a table row (effective, reviewed values)."""
    item = FigureItem(rec.id, rec.start, rec.end, rec.text, rec.value, rec.unit or "",
                      rec.qualifier, rec.subject or "", section_index, rec.status, rec.page)
    item.record = rec  # type: ignore[attr-defined] - the full record for the review workflow
    return item


def enclosing_section(section_starts: list[int], offset: int) -> int | None:
    """Index of the last section starting at or before ``offset`` (the innermost enclosing)."""
    k = bisect_right(section_starts, offset) - 1
    return k if k >= 0 else None


class StoreReportSource(ReportSource):
    def __init__(self, db_path: str | Path | None = None, *, isolate: bool = True):
        from core.store import Store  # noqa: F401 - fail early when the store is missing

        self.db_path = db_path
        self._local = threading.local()
        # Parsing runs in a child process so it never competes with the GUI thread for the GIL
        # (see core/analysis_worker.py); ``isolate=False`` parses in the calling thread.
        self._analyzer = None
        if isolate:
            from core.analysis_worker import AnalysisWorker

            self._analyzer = AnalysisWorker()
        self.store()  # open (and migrate) the database now, on the GUI thread

    @classmethod
    def open_default(cls) -> "StoreReportSource":
        return cls(None)

    def store(self):
        """This thread's ``Store`` (sqlite3 connections must not cross threads)."""
        st = getattr(self._local, "store", None)
        if st is None:
            from core.store import Store

            st = Store(self.db_path)
            self._local.store = st
        return st

    def list_reports(self) -> list[ReportSummary]:
        out = []
        for r in self.store().list_reports():
            total = r.pending + r.confirmed + r.modified + r.manual
            out.append(ReportSummary(r.id, r.org, r.year, r.file_name, r.format, r.review_state,
                                     total, r.pending, list(r.missing_parts)))
        return out

    def is_empty(self) -> bool:
        return not self.store().list_reports()

    def import_file(self, path: str, progress: Progress | None = None) -> int:
        analyze = self._analyzer.analyze if self._analyzer is not None else None
        return self.store().import_file(path, progress, analyzer=analyze).report_id

    def warm_up(self) -> None:
        """Start the parsing process now (from a worker), so the first import does not wait."""
        if self._analyzer is not None:
            self._analyzer.start()

    def close(self) -> None:
        if self._analyzer is not None:
            self._analyzer.close()

    def load_report(self, report_id: int) -> LoadedReport:
        st = self.store()
        loaded = st.load_report(report_id)
        rec = loaded.report
        sections = sorted((s for s in loaded.sections if not s.removed), key=lambda s: s.start)
        starts = [s.start for s in sections]
        figures = [figure_item(f, enclosing_section(starts, f.start)) for f in loaded.figures]
        meta = Meta(rec.org, rec.year, rec.published, rec.doc_number, rec.title)
        original = st.original_path(report_id)
        return LoadedReport(report_id, loaded.document, meta, sections,
                            st.missing_parts(report_id), figures,
                            list(rec.warnings) + list(loaded.anchor_problems),
                            str(original) if original else rec.source_path)
