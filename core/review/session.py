"""``ReportSession``: the one in-memory copy of the open report (no Qt).

It holds the store's own records — ``ReportRecord``, the ``Document``, the live ``SectionRecord``s
and the ``FigureRecord``s by id — and refreshes exactly what an ``OpChanges`` names: the changed
figures in one statement, the sections and missing parts only when headings changed, the report
row only when its state changed. The document (and a PDF) is never read again for a decision.

``load`` may run in a worker thread (with that thread's ``Store``); ``apply`` runs where the
GUI's store lives. The Qt adapter ``gui.session.Session`` turns ``apply``'s answer into signals.
"""
from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass, field
from pathlib import Path

from core.document import Document
from core.review.changes import OpChanges
from core.store.checks import CheckRecord
from core.store.records import FigureRecord, ReportRecord, SectionRecord


@dataclass
class Applied:
    """What ``ReportSession.apply`` changed in the session (ids in text order)."""

    figures: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    sections: bool = False
    report: bool = False
    checks: bool = False


class ReportSession:
    def __init__(self, record: ReportRecord, document: Document, sections: list[SectionRecord],
                 figures: list[FigureRecord], missing_parts: list[str],
                 original_path: str | None = None, problems: list[str] | None = None,
                 checks: list[CheckRecord] | None = None):
        self.record = record
        self.checks = list(checks or [])  # live findings (问题), in text order
        self.document = document
        self.missing_parts = list(missing_parts)
        self.original_path = original_path or record.source_path
        self.problems = list(problems or [])
        self._by_id: dict[int, FigureRecord] = {f.id: f for f in figures}
        self._order: list[tuple[int, int]] = sorted((f.start, f.id) for f in figures)
        self._set_sections(sections)

    @classmethod
    def load(cls, store, report_id: int) -> ReportSession:
        loaded = store.load_report(report_id)
        original = store.original_path(report_id)
        return cls(loaded.report, loaded.document,
                   [s for s in loaded.sections if not s.removed], loaded.figures,
                   store.missing_parts(report_id), str(original) if original else None,
                   list(loaded.report.warnings) + list(loaded.anchor_problems),
                   store.list_checks(report_id, include_stale=False))

    # --- reading -----------------------------------------------------------------------------
    @property
    def id(self) -> int:
        return self.record.id

    @property
    def file_name(self) -> str:
        return Path(self.document.source).name

    @property
    def figures(self) -> list[FigureRecord]:
        """Every figure (deleted ones too) in text order."""
        return [self._by_id[fid] for _start, fid in self._order]

    def figure(self, figure_id: int) -> FigureRecord | None:
        return self._by_id.get(figure_id)

    def check(self, check_id: int) -> CheckRecord | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def section_index(self, offset: int) -> int | None:
        """Index into ``sections`` of the innermost heading at or before ``offset``."""
        k = bisect_right(self._starts, offset) - 1
        return k if k >= 0 else None

    def section_of(self, figure: FigureRecord) -> SectionRecord | None:
        k = self.section_index(figure.start)
        return None if k is None else self.sections[k]

    def _set_sections(self, sections: list[SectionRecord]) -> None:
        self.sections = sorted((s for s in sections if not s.removed), key=lambda s: (s.start, s.id))
        self._starts = [s.start for s in self.sections]

    # --- changes -----------------------------------------------------------------------------
    def apply(self, store, changes: OpChanges) -> Applied:
        """Re-read what ``changes`` names (nothing when it is about another report)."""
        out = Applied()
        if changes.report_id != self.id:
            return out
        for rec in store.get_figures(changes.figures | changes.added):
            if rec.id in self._by_id:
                old = self._by_id[rec.id]
                if (old.start, old.id) != (rec.start, rec.id):  # re-anchored elsewhere
                    self._order.remove((old.start, old.id))
                    insort(self._order, (rec.start, rec.id))
                out.figures.append(rec.id)
            else:
                insort(self._order, (rec.start, rec.id))
                out.added.append(rec.id)
            self._by_id[rec.id] = rec
        if changes.sections:
            self._set_sections(store.list_sections(self.id, include_removed=False,
                                                   text=self.document.text))
            self.missing_parts = store.missing_parts(self.id)
            out.sections = True
        if changes.report:
            self.record = store.get_report(self.id)
            out.report = True
        if changes.checks:  # a few dozen rows at most: one statement
            self.checks = store.list_checks(self.id, include_stale=False)
            out.checks = True
        return out
