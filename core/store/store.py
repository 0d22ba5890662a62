"""``Store``: the one object the CLI and the GUI use to read and change the review database.

Every mutating method is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), takes the
``reviewer`` name, appends audit rows and returns the updated record, so the GUI's undo can call
the same method with the old values.

One ``Store`` per thread: the underlying ``sqlite3`` connection refuses use from another thread.
A GUI worker opens its own ``Store(path)``; WAL mode lets it write while the window reads.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.document import Document
from core.errors import ReportError, os_error_message
from core.extraction import Extraction
from core.paths import default_db_path, display_path
from core.store import audit, connection, figures, originals, rematch, reports, sections, versions
from core.store import checks as check_rows
from core.store.check_ops import CheckOps
from core.store import fingerprints, trash
from core.store.connection import connect, integrity_ok, transaction
from core.store.export_reads import ExportSnapshot, ExportStream, read_export
from core.store.indicator_ops import IndicatorOps
from core.store.report_bin import ReportBin
from core.store.records import UNSET
from core.store.records import (AuditRow, FigureRecord, ImportResult, LoadedReport,
                                RematchSummary, ReportRecord, ReportSummary, SectionRecord)

Progress = Callable[[int, int], None]
Analyzer = Callable[[str, Progress | None], tuple[Document, Extraction]]


class Store(IndicatorOps, CheckOps, ReportBin):  # CheckOps: checks, decisions, expected bodies
    """``check_integrity``: None (default) runs the full check only after an unclean shutdown.
    ``read_only``: None opens read-only when the file or its folder cannot be written (False
    tries read-write but still falls back when the medium refuses); True for callers that
    only read. Changes on a read-only store raise ``ReportError("read_only")`` with a Chinese
    message."""

    def __init__(self, path: Path | str | None = None, *, check_integrity: bool | None = None,
                 read_only: bool | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        self.conn: sqlite3.Connection = connect(self.path, check_integrity=check_integrity,
                                                read_only=read_only)
        # also True when a read-write open found the medium read-only and fell back
        self.read_only = connection.is_read_only(self.conn)

    # -- lifetime ---------------------------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            connection.close(self.conn, self.path, read_only=self.read_only)
            self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        return integrity_ok(self.conn)

    def check_writable(self) -> None:
        """Refuse a change on a read-only database with a Chinese message (before any work)."""
        if self.read_only:
            raise ReportError("read_only", connection.read_only_message(self.path),
                              str(self.path))

    def _tx(self):
        """One user action = one transaction; SQLite errors come out as ``ReportError``."""
        self.check_writable()
        return transaction(self.conn)

    # -- import -------------------------------------------------------------------------------
    def find_by_sha(self, sha256: str) -> int | None:
        return reports.find_by_sha(self.conn, sha256)

    def add_report(self, document: Document, extraction: Extraction, *, source_path: str,
                   sha256: str | None = None, reviewer: str = "导入") -> ImportResult:
        """Store an analysed report, its sections and figures in one transaction.

        The same content (SHA-256) already stored: nothing changes (review work is never
        discarded) and ``created`` is False. The original file is copied beside the database
        first; the copy is content-addressed, so a crash before the commit leaves nothing wrong.
        """
        self.check_writable()
        source = Path(source_path)
        sha256 = sha256 or originals.sha256_of(source)
        existing = self.find_by_sha(sha256)
        if existing is not None:
            return ImportResult(existing, False, source.name)
        stored = originals.store_original(self.path, source, sha256) if source.is_file() else None
        with self._tx():
            existing = self.find_by_sha(sha256)  # another process may have won the race
            if existing is not None:
                return ImportResult(existing, False, source.name)
            rid = reports.insert_report(self.conn, document, extraction, sha256=sha256,
                                        source_path=str(source_path), original_file=stored,
                                        reviewer=reviewer)
            sections.insert_detected(self.conn, rid, document.text, extraction.sections)
            figures.insert_detected(self.conn, rid, document, extraction.figures)
            reports.set_detection_counts(self.conn, rid)
            check_rows.save_detected(self.conn, rid, extraction)
            fingerprints.save(self.conn, rid, document.text)  # finds the same text in another form
        return ImportResult(rid, True, source.name, self.earlier_versions(rid))

    def import_file(self, path: Path | str, progress: Progress | None = None,
                    reviewer: str = "导入", *, analyzer: Analyzer) -> ImportResult:
        """Hash, and only if new: load, detect, store. Raises ``ReportError`` for bad input.

        ``analyzer(path, progress) -> (Document, Extraction)`` does the loading and detection
        (``core.analysis.load_and_analyze``, or the GUI's crash-isolated child process): the
        store itself never calls detection.
        """
        path = Path(path)
        self.check_writable()
        if not path.is_file():
            raise ReportError("not_found", f"找不到文件：{display_path(path)}", str(path))
        if self._is_own_file(path):
            # reading it here would open the database outside SQLite (see connection.py)
            raise ReportError("unsupported",
                              f"{path.name} 是审阅台自己的数据库文件，不能作为报告导入。", str(path))
        try:
            sha256 = originals.sha256_of(path)
        except OSError as exc:
            raise ReportError("not_found", f"无法读取文件 {display_path(path)}：{os_error_message(exc)}",
                              str(path)) from exc
        existing = self.find_by_sha(sha256)
        if existing is not None:
            return ImportResult(existing, False, path.name)
        document, extraction = analyzer(str(path), progress)
        return self.add_report(document, extraction, source_path=display_path(path), sha256=sha256,
                               reviewer=reviewer)

    def _is_own_file(self, path: Path) -> bool:
        try:
            same = path.resolve()
            db = self.path.resolve()
        except OSError:
            return False
        return same.parent == db.parent and same.name.startswith(db.name)

    def redetect(self, report_id: int, document: Document, extraction: Extraction,
                 reviewer: str) -> RematchSummary:
        """Apply a new detection run, keeping every reviewer decision (see ``rematch``)."""
        with self._tx():
            summary = rematch.redetect(self.conn, report_id, document, extraction, reviewer)
            check_rows.save_detected(self.conn, report_id, extraction)
            return summary

    def earlier_versions(self, report_id: int) -> list[versions.EarlierVersion]:
        """Stored reports with the same body and year: is ``report_id`` a corrected re-send?"""
        return versions.earlier_versions(self.conn, report_id)

    def replace_report(self, earlier_id: int, new_id: int, reviewer: str) -> RematchSummary:
        """Put the file of ``new_id`` into ``earlier_id``, keeping every review decision (by
        re-detection), and remove ``new_id``. One audited transaction."""
        with self._tx():
            return versions.replace(self.conn, earlier_id, new_id, reviewer)

    # -- reading ------------------------------------------------------------------------------
    def list_reports(self) -> list[ReportSummary]:
        """Every report but those in the 回收站."""
        hidden = trash.trashed_ids(self.conn)
        return [r for r in reports.list_reports(self.conn) if r.id not in hidden]

    def report_summary(self, report_id: int) -> ReportSummary:
        """One row of the report list (after a decision changed its counts or state)."""
        found = reports.list_reports(self.conn, report_id)
        if not found:
            raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
        return found[0]

    def export_snapshot(self, reviewed_only: bool = False) -> ExportSnapshot:
        """Everything the export writes, read in one snapshot (``core.export`` runs no SQL)."""
        return trash.without(read_export(self.conn, reviewed_only), trash.trashed_ids(self.conn))

    def export_stream(self, reviewed_only: bool = False) -> ExportStream:
        """The export's reads as streams in one snapshot: ``with store.export_stream() as s:``."""
        return ExportStream(self.conn, reviewed_only)

    def get_report(self, report_id: int) -> ReportRecord:
        return reports.get_report(self.conn, report_id)

    def load_document(self, report_id: int) -> Document:
        return reports.load_document(self.conn, report_id)

    def load_report(self, report_id: int) -> LoadedReport:
        """Document (with blocks and CharBoxes), sections and figures, anchors checked."""
        self.conn.execute("BEGIN")  # one consistent snapshot even while another process writes
        try:
            record = reports.get_report(self.conn, report_id)
            document = reports.load_document(self.conn, report_id)
            secs = sections.list_sections(self.conn, report_id, text=document.text)
            figs = figures.list_figures(self.conn, report_id, text=document.text)
        finally:
            self.conn.execute("COMMIT")
        problems = [f"数字 #{f.id}“{f.text}”与正文第 {f.start} 字处不一致"
                    for f in figs if not f.anchor_ok]
        problems += [f"标题 #{s.id}“{s.text}”与正文第 {s.start} 字处不一致"
                     for s in secs if not s.anchor_ok]
        return LoadedReport(record, document, secs, figs, problems)

    def original_path(self, report_id: int) -> Path | None:
        """The stored copy of the original file, or None if it was not stored / is gone."""
        return originals.original_path(self.path, self.get_report(report_id).original_file)

    def missing_parts(self, report_id: int) -> list[str]:
        return reports.missing_parts(self.conn, report_id).get(report_id, [])

    def list_figures(self, report_id: int, include_deleted: bool = True) -> list[FigureRecord]:
        return figures.list_figures(self.conn, report_id, include_deleted=include_deleted)

    def get_figure(self, figure_id: int) -> FigureRecord:
        return figures.get_figure(self.conn, figure_id)

    def get_figures(self, figure_ids) -> list[FigureRecord]:
        """The figures with these ids, in text order, in one statement."""
        return figures.get_figures(self.conn, figure_ids)

    def list_sections(self, report_id: int, include_removed: bool = True,
                      text: str | None = None) -> list[SectionRecord]:
        """``text``: the report text when the caller holds it already (anchors are checked
        against it instead of reading it again)."""
        return sections.list_sections(self.conn, report_id, include_removed=include_removed,
                                      text=text)

    def get_section(self, section_id: int) -> SectionRecord:
        return sections.get_section(self.conn, section_id)

    def figure_history(self, figure_id: int) -> list[AuditRow]:
        return audit.history(self.conn, "figure", figure_id)

    def section_history(self, section_id: int) -> list[AuditRow]:
        return audit.history(self.conn, "section", section_id)

    def report_history(self, report_id: int) -> list[AuditRow]:
        return audit.report_history(self.conn, report_id)

    # -- report review ------------------------------------------------------------------------
    def set_review_state(self, report_id: int, state: str, reviewer: str) -> ReportRecord:
        with self._tx():
            reports.set_review_state(self.conn, report_id, state, reviewer)
        return self.get_report(report_id)

    def set_report_meta(self, report_id: int, field: str, value: Any,
                        reviewer: str, action: str = "edit") -> ReportRecord:
        with self._tx():
            reports.set_meta(self.conn, report_id, field, value, reviewer, action)
        return self.get_report(report_id)

    # -- figures ------------------------------------------------------------------------------
    def update_figure(self, figure_id: int, reviewer: str, *, value: Any = UNSET,
                      unit: Any = UNSET, qualifier: Any = UNSET, subject: Any = UNSET,
                      status: Any = UNSET, action: str = "edit") -> FigureRecord:
        """Edit reviewed fields (``value`` may be text: '3.2万', '两千'); also the undo path,
        where ``action`` ("undo" / "redo") is what the audit log records."""
        with self._tx():
            return figures.update(self.conn, figure_id, reviewer, value=value, unit=unit,
                                  qualifier=qualifier, subject=subject, status=status,
                                  action=action)

    def update_figures(self, changes: list[tuple[int, dict[str, Any]]], reviewer: str,
                       action: str = "edit") -> list[FigureRecord]:
        """Several ``update_figure`` calls as one transaction (e.g. undoing "confirm section")."""
        with self._tx():
            return [figures.update(self.conn, fid, reviewer, action=action, **fields)
                    for fid, fields in changes]

    def confirm_figure(self, figure_id: int, reviewer: str) -> FigureRecord:
        with self._tx():
            return figures.confirm(self.conn, figure_id, reviewer)

    def delete_figure(self, figure_id: int, reviewer: str) -> FigureRecord:
        with self._tx():
            return figures.delete(self.conn, figure_id, reviewer)

    def restore_figure(self, figure_id: int, reviewer: str) -> FigureRecord:
        with self._tx():
            return figures.restore(self.conn, figure_id, reviewer)

    def reset_figure(self, figure_id: int, reviewer: str) -> FigureRecord:
        with self._tx():
            return figures.reset(self.conn, figure_id, reviewer)

    def add_figure(self, report_id: int, start: int, end: int, reviewer: str, *, value: Any,
                   unit: str | None = None, qualifier: str | None = None,
                   subject: str | None = None) -> FigureRecord:
        with self._tx():
            document_page = self.load_document(report_id).page_of(start)
            return figures.add_manual(self.conn, report_id, start, end, reviewer, value=value,
                                      unit=unit, qualifier=qualifier, subject=subject,
                                      page=document_page)

    def confirm_pending_in_section(self, section_id: int, reviewer: str) -> list[FigureRecord]:
        """Confirm every 待审 figure under a heading (down to the next heading of its level)."""
        with self._tx():
            sec = sections.get_section(self.conn, section_id)
            text_len = len(reports.report_text(self.conn, sec.report_id))
            all_secs = sections.list_sections(self.conn, sec.report_id)
            start, end = sections.body_range(all_secs, sec, text_len)
            ids = figures.pending_in_range(self.conn, sec.report_id, start, end)
            return [figures.confirm(self.conn, fid, reviewer) for fid in ids]

    # -- sections -----------------------------------------------------------------------------
    def update_section(self, section_id: int, reviewer: str, *, level: Any = UNSET,
                       kind: Any = UNSET, removed: Any = UNSET,
                       action: str = "edit") -> SectionRecord:
        """``action`` is what the audit log records ("undo" / "redo" on the undo path)."""
        with self._tx():
            return sections.update(self.conn, section_id, reviewer, level=level, kind=kind,
                                   removed=removed, action=action)

    def remove_section(self, section_id: int, reviewer: str) -> SectionRecord:
        """Hide a false heading (restorable)."""
        with self._tx():
            return sections.update(self.conn, section_id, reviewer, removed=True, action="remove")

    def restore_section(self, section_id: int, reviewer: str) -> SectionRecord:
        with self._tx():
            return sections.update(self.conn, section_id, reviewer, removed=False,
                                   action="restore")

    def reset_section(self, section_id: int, reviewer: str) -> SectionRecord:
        with self._tx():
            return sections.reset(self.conn, section_id, reviewer)

    def add_heading(self, report_id: int, start: int, end: int, level: int, reviewer: str, *,
                    kind: str | None = None, marker: str = "") -> SectionRecord:
        with self._tx():
            return sections.add_heading(self.conn, report_id, start, end, level, reviewer,
                                        kind=kind, marker=marker)
