"""Where the window gets reports from: a small interface the GUI is written against.

``ReportSource`` is what the views need: list reports with counts, import a file, load a report
back with figure statuses. ``MemoryReportSource`` keeps analysed reports in memory (used until
and besides the SQLite store); ``store_source.StoreReportSource`` is backed by ``core.store``.
``default_source()`` picks the store when it is available.

Methods may be called from worker threads; implementations must be thread-safe. No SQL here.
"""
from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.analysis import load_and_analyze
from core.document import Document
from core.errors import ReportError
from core.extraction import Extraction, Figure, Meta, Section

PENDING = "待审"  # the store's status strings (see gui.views.highlights)
DELETED = "已删除"

Progress = Callable[[int, int], None]


@dataclass
class ReportSummary:
    """One row of the report list."""

    id: int
    org: str | None
    year: int | None
    file: str
    fmt: str
    state: str = "未审"  # 未审 / 审核中 / 已审核
    total: int = 0  # figures not deleted
    pending: int = 0
    missing: list[str] = field(default_factory=list)  # required parts missing


@dataclass
class FigureItem:
    """A figure as the reviewer sees it: detection's values plus its review status."""

    id: int
    start: int
    end: int
    text: str
    value: float | int | None
    unit: str
    qualifier: str | None = None
    subject: str = ""
    section: int | None = None
    status: str = PENDING
    page: int | None = None  # 0-based PDF page

    @classmethod
    def from_figure(cls, fid: int, fig: Figure, document: Document | None, status=PENDING):
        page = document.page_of(fig.start) if document is not None else None
        return cls(fid, fig.start, fig.end, fig.text, fig.value, fig.unit, fig.qualifier,
                   fig.subject, fig.section, status, page)


@dataclass
class LoadedReport:
    """Everything the review panes show for one report."""

    id: int
    document: Document
    meta: Meta
    sections: list[Section]
    missing_parts: list[str]
    figures: list[FigureItem]
    warnings: list[str] = field(default_factory=list)
    original_path: str | None = None  # the file to render (a stored copy); default: source

    @property
    def file_name(self) -> str:
        return Path(self.document.source).name


class ReportSource:
    """Interface; see the module docstring."""

    def list_reports(self) -> list[ReportSummary]:
        raise NotImplementedError

    def is_empty(self) -> bool:
        return not self.list_reports()

    def import_file(self, path: str, progress: Progress | None = None) -> int:
        """Import and detect one file; return the report id. Raises ``ReportError``."""
        raise NotImplementedError

    def load_report(self, report_id: int) -> LoadedReport:
        raise NotImplementedError

    def warm_up(self) -> None:
        """Get parsers ready before the first import (called from a worker thread)."""

    def close(self) -> None:
        """Release background resources when the window closes."""


class MemoryReportSource(ReportSource):
    """Reports analysed in this session, kept in memory."""

    def __init__(self, analyze: Callable[..., tuple[Document, Extraction]] = load_and_analyze):
        self._analyze = analyze
        self._lock = threading.Lock()
        self._reports: dict[int, LoadedReport] = {}
        self._ids = itertools.count(1)
        self._fig_ids = itertools.count(1)

    def list_reports(self) -> list[ReportSummary]:
        with self._lock:
            reports = list(self._reports.values())
        out = []
        for r in reports:
            live = [f for f in r.figures if f.status != DELETED]
            pending = sum(1 for f in live if f.status == PENDING)
            state = "未审" if pending == len(live) else ("已审核" if not pending else "审核中")
            out.append(ReportSummary(
                r.id, r.meta.org, r.meta.year, r.file_name, r.document.format, state, len(live),
                pending, list(r.missing_parts)))
        return out

    def import_file(self, path: str, progress: Progress | None = None) -> int:
        document, extraction = self._analyze(str(path), progress)
        with self._lock:
            rid = next(self._ids)
            figures = [FigureItem.from_figure(next(self._fig_ids), f, document)
                       for f in extraction.figures]
            self._reports[rid] = LoadedReport(
                rid, document, extraction.meta, extraction.sections,
                list(extraction.missing_parts), figures, list(extraction.warnings))
        return rid

    def load_report(self, report_id: int) -> LoadedReport:
        with self._lock:
            try:
                return self._reports[report_id]
            except KeyError:
                raise ReportError("not_found", f"报告 {report_id} 不存在。") from None


def default_source() -> ReportSource:
    """The SQLite store when ``core.store`` provides it, else an in-memory source."""
    try:
        from gui.store_source import StoreReportSource

        return StoreReportSource.open_default()
    except (ImportError, AttributeError):
        return MemoryReportSource()
