"""The ``checks`` table: findings of ``core.checks`` per report and the reviewer's decision on each.

Decisions work like figure decisions: ``decide`` is the one mutation (核实无误 with an optional note
dismisses, 确认问题 confirms, 待核实 reopens), writes one audit row per changed field and returns the
updated record, so an undo is the same call with the old values (``action="undo"``).

Re-running the checks (re-detection, a reviewer's figure edit, a new report of the same year for the
copy check) keeps decisions: a finding is matched to the stored one by ``(kind, key)`` — the quoted
text, or the message of an absence such as a missing part. Matched rows take the new message and
span; unmatched rows that carry a decision are kept as ``stale``; unmatched undecided rows go.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from core.errors import ReportError
from core.store import audit
from core.store.records import UNSET

DECISIONS = ("待核实", "核实无误", "确认问题")
OPEN, DISMISSED, CONFIRMED = DECISIONS
SINGLE_REPORT_KINDS = ("part", "form", "deadline", "sum", "rate", "percent", "twice")

_COLS = ('id, report_id, kind, key, message, text, start, "end", figures, certain, detail, stale,'
         " decision, note, reviewer, reviewed_at, found_at")


@dataclass
class CheckRecord:
    id: int
    report_id: int
    kind: str
    key: str
    message: str
    text: str  # quoted text == report text[start:end]
    start: int
    end: int
    figures: list = field(default_factory=list)  # [[start, end, text], ...]: link to figure rows
    certain: bool = True
    detail: dict = field(default_factory=dict)
    stale: bool = False
    decision: str = OPEN
    note: str | None = None
    reviewer: str | None = None
    reviewed_at: str | None = None
    found_at: str = ""


def _record(row) -> CheckRecord:
    return CheckRecord(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                       json.loads(row[8]), bool(row[9]), json.loads(row[10]), bool(row[11]),
                       *row[12:])


def get_check(conn: sqlite3.Connection, check_id: int) -> CheckRecord:
    row = conn.execute(f"SELECT {_COLS} FROM checks WHERE id = ?", (check_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {check_id} 的问题。")
    return _record(row)


def list_checks(conn: sqlite3.Connection, report_id: int, *, include_stale: bool = True,
                kinds: tuple[str, ...] | None = None) -> list[CheckRecord]:
    where = "report_id = ?"
    args: list[Any] = [report_id]
    if not include_stale:
        where += " AND stale = 0"
    if kinds:
        where += f" AND kind IN ({','.join('?' * len(kinds))})"
        args += list(kinds)
    rows = conn.execute(f"SELECT {_COLS} FROM checks WHERE {where} ORDER BY start, id", args)
    return [_record(r) for r in rows]


def save_checks(conn: sqlite3.Connection, report_id: int, checks, figure_spans,
                kinds: tuple[str, ...] = SINGLE_REPORT_KINDS) -> list[CheckRecord]:
    """Replace the findings of ``kinds`` for a report, keeping decisions (see module docstring).

    ``checks`` are ``core.checks.Check``; ``figure_spans[i]`` is ``(start, end, text)`` of the figure a
    check's index ``i`` points to. Call inside a transaction.
    """
    old = {(r.kind, r.key): r for r in list_checks(conn, report_id, kinds=kinds)}
    at = audit.now()
    seen: set[tuple[str, str]] = set()
    for c in checks:
        k = (c.kind, c.key)
        if k in seen:
            continue  # the same finding twice (two figures stated twice with one quote)
        seen.add(k)
        figs = json.dumps([list(figure_spans[i]) for i in c.figures if i < len(figure_spans)],
                          ensure_ascii=False)
        detail = json.dumps(c.detail, ensure_ascii=False)
        if k in old:
            conn.execute('UPDATE checks SET message = ?, text = ?, start = ?, "end" = ?, figures = ?,'
                         " certain = ?, detail = ?, stale = 0 WHERE id = ?",
                         (c.message, c.quote, c.start, c.end, figs, int(c.certain), detail,
                          old[k].id))
        else:
            conn.execute('INSERT INTO checks (report_id, kind, key, message, text, start, "end",'
                         " figures, certain, detail, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (report_id, c.kind, c.key, c.message, c.quote, c.start, c.end, figs,
                          int(c.certain), detail, at))
    for k, rec in old.items():
        if k in seen:
            continue
        if rec.decision == OPEN:
            conn.execute("DELETE FROM checks WHERE id = ?", (rec.id,))
        elif not rec.stale:
            conn.execute("UPDATE checks SET stale = 1 WHERE id = ?", (rec.id,))
    return list_checks(conn, report_id, kinds=kinds)


def save_detected(conn: sqlite3.Connection, report_id: int, extraction) -> list[CheckRecord]:
    """Save the checks the pipeline ran on a fresh detection (``Extraction.checks``; import and
    re-detection). The store never runs checks or detection itself."""
    spans = [(f.start, f.end, f.text) for f in extraction.figures]
    return save_checks(conn, report_id, list(getattr(extraction, "checks", None) or []), spans)


def decide(conn: sqlite3.Connection, check_id: int, reviewer: str, *, decision: Any = UNSET,
           note: Any = UNSET, action: str = "decide") -> CheckRecord:
    """Set the decision and/or note; unchanged fields are not audited. Call inside a transaction."""
    rec = get_check(conn, check_id)
    new = {"decision": rec.decision, "note": rec.note}
    if decision is not UNSET:
        if decision not in DECISIONS:
            raise ReportError("database", f"问题的核实结果不能是“{decision}”。")
        new["decision"] = decision
    if note is not UNSET:
        new["note"] = str(note or "").strip() or None
    changed = {k: v for k, v in new.items() if v != getattr(rec, k)}
    if not changed:
        return rec
    at = audit.now()
    conn.execute("UPDATE checks SET decision = ?, note = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
                 (new["decision"], new["note"], reviewer, at, check_id))
    for name, value in changed.items():
        audit.log(conn, reviewer, rec.report_id, "report", rec.report_id, action,
                  f"check#{check_id}.{name}", getattr(rec, name), value, at)
    return get_check(conn, check_id)


def history(conn: sqlite3.Connection, check_id: int):
    """Audit rows of one check's decision and note, oldest first."""
    rec = get_check(conn, check_id)
    prefix = f"check#{check_id}."
    return [row for row in audit.report_history(conn, rec.report_id)
            if row.field and row.field.startswith(prefix)]


def counts(conn: sqlite3.Connection) -> dict[int, dict[str, int]]:
    """Per report: how many live findings are 待核实 / 核实无误 / 确认问题 (the report list's count)."""
    out: dict[int, dict[str, int]] = {}
    for rid, decision, n in conn.execute(
            "SELECT report_id, decision, count(*) FROM checks WHERE stale = 0"
            " GROUP BY report_id, decision"):
        out.setdefault(rid, dict.fromkeys(DECISIONS, 0))[decision] = n
    return out
