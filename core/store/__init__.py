"""The review database: reports, sections, figures, an append-only audit log (SQLite).

Use ``Store``; records are plain dataclasses from ``core.store.records``. See ``store.py`` for
the threading rule (one ``Store`` per thread).
"""
from core.store.records import UNSET
from core.store.records import (FIGURE_STATUSES, REVIEW_STATES, REVIEWED_STATUSES, AuditRow,
                                FigureRecord, ImportResult, LoadedReport, RematchSummary,
                                ReportRecord, ReportSummary, SectionRecord)
from core.store.store import Store

__all__ = [
    "Store", "UNSET", "FIGURE_STATUSES", "REVIEW_STATES", "REVIEWED_STATUSES", "AuditRow",
    "FigureRecord", "ImportResult", "LoadedReport", "RematchSummary", "ReportRecord",
    "ReportSummary", "SectionRecord",
]
