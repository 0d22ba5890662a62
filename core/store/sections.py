"""The ``sections`` table: detected headings and the reviewer's corrections to them.

Level and kind keep the detected value (``det_*``) apart from the reviewed one (``rev_*``, a copy
at first). A false heading is *removed* (hidden, restorable); a missed one is added as
``origin = 'manual'``. Section paths and missing parts are always computed from the live,
reviewed sections, so a reviewer's correction shows up in the export at once.
"""
from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from core.errors import ReportError
from core.extraction import PART_LABELS, Section
from core.store import audit
from core.store.connection import inserted_id
from core.store.records import UNSET, SectionRecord
from core.store.reports import report_text, start_review

_COLS = (
    'id, report_id, origin, marker, title, text, start, "end", det_level, det_kind, rev_level,'
    " rev_kind, removed, stale, reviewer, reviewed_at"
)


# ``_COLS`` by SectionRecord field name (rev_level is the effective ``level``, ...)
_FIELDS = ("id", "report_id", "origin", "marker", "title", "text", "start", "end", "det_level", "det_kind",
           "level", "kind", "removed", "stale", "reviewer", "reviewed_at")


def section_record(row: Sequence[Any]) -> SectionRecord:
    """A record from a row of ``_COLS`` (the 0/1 flags as bools); ``anchor_ok`` is left to the caller."""
    rec = SectionRecord(**dict(zip(_FIELDS, row, strict=True)))
    rec.removed, rec.stale = bool(rec.removed), bool(rec.stale)
    return rec


def _record(row: Sequence[Any], text: str) -> SectionRecord:
    rec = section_record(row)
    rec.anchor_ok = text[rec.start : rec.end] == rec.text
    return rec


def insert_detected(conn: sqlite3.Connection, report_id: int, text: str,
                    sections: list[Section]) -> list[int]:
    ids = []
    for s in sections:
        cur = conn.execute(
            'INSERT INTO sections (report_id, origin, marker, title, text, start, "end", det_level,'
            " det_kind, rev_level, rev_kind) VALUES (?, 'detected', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, s.marker, s.title, text[s.start : s.end], s.start, s.end, s.level, s.kind,
             s.level, s.kind),
        )
        ids.append(inserted_id(cur))
    return ids


def list_sections(conn: sqlite3.Connection, report_id: int, *, include_removed: bool = True,
                  text: str | None = None) -> list[SectionRecord]:
    text = report_text(conn, report_id) if text is None else text
    where = "" if include_removed else " AND removed = 0"
    rows = conn.execute(
        f"SELECT {_COLS} FROM sections WHERE report_id = ?{where} ORDER BY start, id", (report_id,)
    )
    return [_record(r, text) for r in rows]


_JOINED = ", ".join("s." + c.strip() for c in _COLS.split(",")) + (
    ', substr(r.text, s.start + 1, s."end" - s.start) = s.text'
    " FROM sections s JOIN reports r ON r.id = s.report_id")


def get_section(conn: sqlite3.Connection, section_id: int) -> SectionRecord:
    """One heading; its anchor is checked by SQLite (the report text stays in the database)."""
    row = conn.execute(f"SELECT {_JOINED} WHERE s.id = ?", (section_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {section_id} 的标题。")
    rec = section_record(row[:-1])
    rec.anchor_ok = bool(row[-1])
    return rec


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in PART_LABELS:
        raise ReportError("database", f"部分类型不能是“{kind}”。")


def update(conn: sqlite3.Connection, section_id: int, reviewer: str, *, level: Any = UNSET,
           kind: Any = UNSET, removed: Any = UNSET, action: str = "edit") -> SectionRecord:
    """Change the reviewed level / kind or the removed flag; one audit row per changed field."""
    rec = get_section(conn, section_id)
    new: dict[str, Any] = {"level": rec.level, "kind": rec.kind, "removed": rec.removed}
    if level is not UNSET:
        if not isinstance(level, int) or not 1 <= level <= 6:
            raise ReportError("database", f"标题层级应为 1–6 的整数，不能是“{level}”。")
        new["level"] = level
    if kind is not UNSET:
        _check_kind(kind)
        new["kind"] = kind
    if removed is not UNSET:
        new["removed"] = bool(removed)
    changed = {k: v for k, v in new.items() if v != getattr(rec, k)}
    if not changed:
        return rec
    at = audit.now()
    conn.execute(
        "UPDATE sections SET rev_level = ?, rev_kind = ?, removed = ?, reviewer = ?,"
        " reviewed_at = ? WHERE id = ?",
        (new["level"], new["kind"], int(new["removed"]), reviewer, at, section_id),
    )
    for name, value in changed.items():
        audit.log(conn, reviewer, rec.report_id, "section", section_id, action, name,
                  getattr(rec, name), value, at)
    start_review(conn, rec.report_id, reviewer)
    return replace(rec, **new, reviewer=reviewer, reviewed_at=at)


def reset(conn: sqlite3.Connection, section_id: int, reviewer: str) -> SectionRecord:
    rec = get_section(conn, section_id)
    if rec.origin != "detected":
        raise ReportError("database", "人工添加的标题没有识别结果可以恢复。")
    return update(conn, section_id, reviewer, level=rec.det_level, kind=rec.det_kind,
                  removed=False, action="reset")


def add_heading(conn: sqlite3.Connection, report_id: int, start: int, end: int, level: int,
                reviewer: str, *, kind: str | None = None, marker: str = "") -> SectionRecord:
    """A heading the detector missed: the quoted span ``text[start:end]`` becomes a section."""
    text = report_text(conn, report_id)
    if not (0 <= start < end <= len(text)):
        raise ReportError("database", f"所选范围 {start}–{end} 超出了报告正文。")
    if not isinstance(level, int) or not 1 <= level <= 6:
        raise ReportError("database", f"标题层级应为 1–6 的整数，不能是“{level}”。")
    _check_kind(kind)
    quoted = text[start:end]
    title = quoted[len(marker):] if marker and quoted.startswith(marker) else quoted
    at = audit.now()
    cur = conn.execute(
        'INSERT INTO sections (report_id, origin, marker, title, text, start, "end", rev_level,'
        " rev_kind, reviewer, reviewed_at) VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (report_id, marker, title, quoted, start, end, level, kind, reviewer, at),
    )
    section_id = inserted_id(cur)
    audit.log(conn, reviewer, report_id, "section", section_id, "add", None, None,
              {"text": quoted, "start": start, "end": end, "level": level, "kind": kind}, at)
    start_review(conn, report_id, reviewer)
    return get_section(conn, section_id)


def body_range(sections: list[SectionRecord], section: SectionRecord, text_len: int) -> tuple[int, int]:
    """From the heading to the next live heading of the same or a higher level."""
    live = sorted((s for s in sections if not s.removed), key=lambda s: (s.start, s.id))
    end = text_len
    for s in live:
        if s.start > section.start and s.level <= section.level:
            end = s.start
            break
    return section.start, end


class SectionPaths:
    """Fast 'which headings enclose offset N' for one report's live sections (used by export)."""

    def __init__(self, sections: list[SectionRecord]):
        self._live = sorted((s for s in sections if not s.removed), key=lambda s: (s.start, s.id))
        self._starts = [s.start for s in self._live]
        self._paths: list[str] = []
        stack: list[SectionRecord] = []
        for s in self._live:
            while stack and stack[-1].level >= s.level:
                stack.pop()
            stack.append(s)
            self._paths.append(" / ".join(f"{h.marker}{h.title}".strip() for h in stack))

    def path_at(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._paths[i] if i >= 0 else ""
