"""Plain dataclasses the store hands out (the GUI's table models wrap these; no Qt here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.document import Document
from core.domain import (FIGURE_STATUSES, REVIEW_STATES, REVIEWED_STATUSES,  # noqa: F401 - re-exported
                         FigureStatus)

PENDING, CONFIRMED, MODIFIED, DELETED, MANUAL = FigureStatus


class _Unset:
    """"Leave this field alone" (None is a real value: e.g. no qualifier). One shared sentinel."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass
class ReportRecord:
    id: int
    sha256: str
    file_name: str
    source_path: str
    format: str
    imported_at: str
    detected_at: str
    org: str | None
    year: int | None
    published: str | None
    doc_number: str | None
    title: str | None
    warnings: list[str]
    review_state: str
    reviewer: str | None
    reviewed_at: str | None
    original_file: str | None


@dataclass
class ReportSummary:
    """One row of the report list: who, which year, how far the review got."""

    id: int
    file_name: str
    org: str | None
    year: int | None
    format: str
    review_state: str
    reviewer: str | None
    reviewed_at: str | None
    imported_at: str
    pending: int = 0
    confirmed: int = 0
    modified: int = 0
    deleted: int = 0
    manual: int = 0
    missing_parts: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Figures that stand (every status but 已删除)."""
        return self.pending + self.confirmed + self.modified + self.manual


@dataclass
class SectionRecord:
    id: int
    report_id: int
    origin: str  # detected | manual
    marker: str
    title: str
    text: str  # quoted heading, == document text[start:end] (see anchor_ok)
    start: int
    end: int
    det_level: int | None
    det_kind: str | None
    level: int  # effective (reviewed) level
    kind: str | None  # effective (reviewed) kind
    removed: bool
    stale: bool
    reviewer: str | None
    reviewed_at: str | None
    anchor_ok: bool = True


@dataclass
class FigureRecord:
    id: int
    report_id: int
    text: str  # quoted, == document text[start:end] (see anchor_ok)
    start: int
    end: int
    page: int | None
    det_value: float | int | None
    det_unit: str | None
    det_qualifier: str | None
    det_subject: str | None
    value: float | int | None  # effective (reviewed) fields
    unit: str | None
    qualifier: str | None
    subject: str | None
    status: str
    prev_status: str | None
    stale: bool
    reviewer: str | None
    reviewed_at: str | None
    anchor_ok: bool = True
    det_indicator: str | None = None  # catalogue id the detector mapped it to
    indicator: str | None = None  # effective (reviewed) indicator
    indicator_reviewer: str | None = None  # who chose it; None = follows the detector

    @property
    def deleted(self) -> bool:
        return self.status == DELETED


@dataclass
class AuditRow:
    id: int
    at: str
    reviewer: str
    report_id: int
    entity: str  # report | section | figure
    entity_id: int
    action: str
    field: str | None
    old: Any
    new: Any


@dataclass
class LoadedReport:
    """Everything the viewer needs for one report; ``anchor_problems`` lists quotes that no
    longer match the text at their offsets (reported, never silently shifted)."""

    report: ReportRecord
    document: Document
    sections: list[SectionRecord]
    figures: list[FigureRecord]
    anchor_problems: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    report_id: int
    created: bool  # False: the same content (SHA-256) was already stored; nothing changed
    file_name: str
    # stored reports with the same body and year (a corrected re-send?), newest first
    earlier: list = field(default_factory=list)


@dataclass
class RematchSummary:
    """What re-running detection did to a report's stored annotations."""

    kept: int = 0  # matched by quoted text and position; reviewer decisions untouched
    added: int = 0  # newly detected, inserted as 待审
    dropped: int = 0  # untouched detector proposals no longer detected (no review work lost)
    stale: list[int] = field(default_factory=list)  # reviewed figures no longer detected, kept
    moved: list[int] = field(default_factory=list)  # re-anchored after the text itself changed
    sections_kept: int = 0
    sections_added: int = 0
    sections_stale: list[int] = field(default_factory=list)
