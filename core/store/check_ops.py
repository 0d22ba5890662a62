"""``CheckOps``: the check, decision and expected-bodies operations of ``Store`` (a mixin, so
``store.py`` only gains a base class). Persistence only: the checks themselves run in
``core.checks`` (``core.checks.service`` joins the two). Every mutation is one transaction and
returns the updated record(s); undo calls ``decide_check`` with the old decision and note.

What the GUI 问题 panel and the export call here:

* ``list_checks(report_id)`` → ``CheckRecord`` list (``figures`` holds ``[start, end, text]`` of each
  figure involved; ``detail`` of a copy holds ``other_report_id/other_start/other_end``);
* ``decide_check(check_id, reviewer, decision=..., note=...)`` (核实无误 / 确认问题 / 待核实);
* ``check_history(check_id)``; ``check_counts()`` → {report_id: {decision: n}} for the report list;
* ``issue_rows(report_ids=None)`` → the 问题清单 rows (``ISSUE_COLUMNS``, ``IssueRow.as_row()``);
* ``expected_bodies()``, ``set_expected_bodies(names, reviewer)``;
* ``save_checks(report_id, checks, figure_spans, kinds)`` and ``report_texts()`` for core.checks.service.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import AbstractContextManager
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


class CheckOps:
    conn: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by Store
        raise NotImplementedError

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

    def save_checks(self, report_id: int, checks, figure_spans,
                    kinds: tuple[str, ...] = check_rows.SINGLE_REPORT_KINDS) -> list[CheckRecord]:
        """Replace a report's findings of ``kinds`` (decisions kept by kind + quote), one transaction."""
        with self._tx():
            return check_rows.save_checks(self.conn, report_id, checks, figure_spans, kinds)

    def report_texts(self, year: int | None = None) -> list[tuple]:
        """(id, org, year, text, file_name) of every report (or of one year), for cross-report checks."""
        sql = "SELECT id, org, year, text, file_name FROM reports"
        rows = self.conn.execute(sql + (" WHERE year = ?" if year is not None else ""),
                                 (year,) if year is not None else ())
        return rows.fetchall()

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
        old = self.expected_bodies()
        new: list[str] = []
        for n in names:
            n = re.sub(r"\s+", "", str(n or ""))
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


__all__ = ["CheckOps", "CheckRecord", "DECISIONS", "ISSUE_COLUMNS", "IssueRow"]
