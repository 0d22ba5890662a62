"""``CheckOps``: the check, decision, copy and expected-bodies operations of ``Store`` (a mixin, so
``store.py`` only gains a base class). Every mutation is one transaction and returns the updated
record(s); undo calls ``decide_check`` with the old decision and note.

What the GUI 问题 panel and the export call:

* ``list_checks(report_id)`` → ``CheckRecord`` list (``figures`` holds ``[start, end, text]`` of each
  figure involved; ``detail`` of a copy holds ``other_report_id/other_start/other_end``);
* ``decide_check(check_id, reviewer, decision=..., note=...)`` (核实无误 / 确认问题 / 待核实);
* ``check_history(check_id)``; ``check_counts()`` → {report_id: {decision: n}} for the report list;
* ``rerun_checks(report_id)`` after figure, heading or metadata edits; ``run_copy_checks()`` after
  an import; ``part_evidence(report_id)`` for the 必备部分 panel (why a part counts as present);
* ``issue_rows(report_ids=None)`` → the 问题清单 rows;
* ``expected_bodies()``, ``set_expected_bodies(names, reviewer)``, ``import_expected_bodies(path,
  reviewer)``, ``reporting_status(year)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.store import audit
from core.store import checks as check_rows
from core.store.checks import DECISIONS, CheckRecord
from core.store.records import UNSET


@dataclass
class IssueRow:
    """One line of the 问题清单 sheet."""

    report_id: int
    file_name: str
    body: str
    year: int | None
    kind: str  # Chinese label
    message: str
    quote: str
    decision: str
    note: str
    reviewer: str
    certain: bool

    def as_row(self) -> list:
        """Cells in ``ISSUE_COLUMNS`` order (an unsure finding says so next to its kind)."""
        return [self.body, self.year, self.kind + ("" if self.certain else "（待核实）"), self.message,
                self.quote, self.decision, self.note, self.reviewer, self.file_name]


# the 问题清单 sheet's header, in the order of IssueRow.as_row()
ISSUE_COLUMNS = ("单位", "年度", "类型", "问题", "原文", "核实结果", "说明", "核实人", "文件")


def _extraction_from_store(loaded):
    """An ``Extraction`` from what the reviewer sees: reviewed figures (deleted ones left out),
    reviewed headings, edited metadata — so a corrected figure clears or raises its checks."""
    from core.detect import assign_sections
    from core.extraction import Extraction, Figure, Meta, Section

    rec = loaded.report
    meta = Meta(org=rec.org, year=rec.year, published=rec.published, doc_number=rec.doc_number,
                title=rec.title)
    sections = [Section(s.level, s.marker, s.title, s.start, s.end, s.kind)
                for s in loaded.sections if not s.removed]
    figures = [Figure(f.start, f.end, f.text, f.value, f.unit or "", f.qualifier, f.subject or "")
               for f in loaded.figures if f.status != "已删除" and f.value is not None]
    figures.sort(key=lambda f: (f.start, f.end))
    assign_sections(figures, sections)
    return Extraction(source=rec.file_name, format=rec.format, text=loaded.document.text, meta=meta,
                      sections=sections, figures=figures)


class CheckOps:
    conn: Any

    # -- findings -----------------------------------------------------------------------------
    def list_checks(self, report_id: int, include_stale: bool = True) -> list[CheckRecord]:
        return check_rows.list_checks(self.conn, report_id, include_stale=include_stale)

    def get_check(self, check_id: int) -> CheckRecord:
        return check_rows.get_check(self.conn, check_id)

    def check_history(self, check_id: int):
        return check_rows.history(self.conn, check_id)

    def check_counts(self) -> dict[int, dict[str, int]]:
        return check_rows.counts(self.conn)

    def decide_check(self, check_id: int, reviewer: str, *, decision: Any = UNSET,
                     note: Any = UNSET, action: str = "decide") -> CheckRecord:
        with self._tx():
            return check_rows.decide(self.conn, check_id, reviewer, decision=decision, note=note,
                                     action=action)

    def rerun_checks(self, report_id: int) -> list[CheckRecord]:
        """Re-run the single-report checks on the reviewed data (decisions kept by kind + quote)."""
        from core.checks import run_checks

        loaded = self.load_report(report_id)
        ext = _extraction_from_store(loaded)
        spans = [(f.start, f.end, f.text) for f in ext.figures]
        with self._tx():
            return check_rows.save_checks(self.conn, report_id, run_checks(ext), spans)

    def part_evidence(self, report_id: int):
        """For the 必备部分 panel: each of the five parts, present by heading or by content (with
        the span and the reason) or missing — on the reviewed headings."""
        from core.checks.parts_content import find_parts

        ext = _extraction_from_store(self.load_report(report_id))
        return find_parts(ext.text, ext.sections, ext.meta.year)

    def run_copy_checks(self, year: int | None = None) -> dict[int, int]:
        """Copied paragraphs for every report (or those of ``year`` and the next, whose sources a
        new report of ``year`` may be) against the other stored reports; {report_id: findings}."""
        from core.checks.copies import ReportText, copies_across, copy_checks

        rows = self.conn.execute("SELECT id, org, year, text, file_name FROM reports").fetchall()
        reports = [ReportText(r[0], r[1], r[2], r[3], f"{r[1] or r[4]}{r[2] or ''}年度报告")
                   for r in rows]
        texts = {r.id: r.text for r in reports}
        matches = copies_across(reports)
        out = {}
        with self._tx():
            for r in reports:
                if year is not None and r.year not in (year, year + 1):
                    continue
                found = copy_checks(r, matches.get(r.id, []), texts)
                check_rows.save_checks(self.conn, r.id, found, [], kinds=("copy",))
                out[r.id] = len(found)
        return out

    def issue_rows(self, report_ids: list[int] | None = None,
                   include_dismissed: bool = True) -> list[IssueRow]:
        """Rows of the 问题清单 sheet: body, year, kind, message, the reviewer's decision."""
        from core.checks.base import KIND_LABELS

        sql = ('SELECT c.report_id, r.file_name, r.org, r.year, c.kind, c.message, c.text,'
               " c.decision, c.note, c.reviewer, c.certain FROM checks c JOIN reports r"
               " ON r.id = c.report_id WHERE c.stale = 0")
        args: list = []
        if report_ids is not None:
            sql += f" AND c.report_id IN ({','.join('?' * len(report_ids))})"
            args += list(report_ids)
        if not include_dismissed:
            sql += " AND c.decision != '核实无误'"
        sql += " ORDER BY r.org, r.year, r.file_name, c.start, c.id"
        return [IssueRow(rid, fn, org or "未识别单位", year, KIND_LABELS.get(kind, kind), msg, quote,
                         decision, note or "", reviewer or "", bool(certain))
                for rid, fn, org, year, kind, msg, quote, decision, note, reviewer, certain
                in self.conn.execute(sql, args)]

    # -- expected bodies ----------------------------------------------------------------------
    def expected_bodies(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM expected_bodies ORDER BY id")]

    def set_expected_bodies(self, names: list[str], reviewer: str,
                            source: str | None = None) -> list[str]:
        """Replace the list (the undo path too: call it with the old list). Audited per report 0."""
        from core.checks.reporting import clean_name

        old = self.expected_bodies()
        new: list[str] = []
        for n in names:
            n = clean_name(n)
            if n and n not in new:
                new.append(n)
        if new == old:
            return old
        at = audit.now()
        with self._tx():
            self.conn.execute("DELETE FROM expected_bodies")
            self.conn.executemany("INSERT INTO expected_bodies (name, added_at, source) VALUES (?, ?, ?)",
                                  [(n, at, source) for n in new])
            # not about one report: report_id 0 marks a database-wide change in the one audit trail
            audit.log(self.conn, reviewer, 0, "report", 0, "expected_bodies", "expected_bodies",
                      old, new, at)
        return self.expected_bodies()

    def import_expected_bodies(self, path, reviewer: str, replace: bool = True) -> list[str]:
        """Names from a one-column .xlsx/.csv; added to (or replacing) the list."""
        from core.checks.reporting import read_bodies_file

        names = read_bodies_file(path)
        base = [] if replace else self.expected_bodies()
        return self.set_expected_bodies(base + names, reviewer, source=str(path))

    def reporting_status(self, year: int):
        """已报送 / 未报送 / 逾期 for each expected body in ``year``."""
        from core.checks.deadlines import find_dates
        from core.checks.reporting import ReportRef, reporting_status

        refs = []
        for rid, org, text in self.conn.execute("SELECT id, org, text FROM reports WHERE year = ?",
                                                (year,)):
            dates = find_dates(text)  # 成文日期 and 发布日期 apart: they have different deadlines
            signed, published = (dates[k][0].isoformat() if k in dates else None
                                 for k in ("signed", "published"))
            refs.append(ReportRef(rid, org, year, signed, published))
        return reporting_status(self.expected_bodies(), refs, year)


__all__ = ["CheckOps", "CheckRecord", "DECISIONS", "ISSUE_COLUMNS", "IssueRow"]
