"""Re-running detection on a stored report without losing review work.

Stored annotations are matched to the new detection by quoted text, then position: first the
exact ``(text, start)`` pairs, then the nearest remaining occurrence of the same text. Matched rows
get the new detected fields; their reviewed fields change only if nobody has touched them.
Unmatched rows that carry review work are kept and flagged ``stale``; untouched detector
proposals that are no longer detected are dropped (they hold no decision). If the document text
itself changed (a newer importer), every quote is re-anchored explicitly — moved with an audit
row, or flagged stale — never silently shifted.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from core.document import Document
from core.extraction import Extraction
from core.store import audit, codec, figures, sections
from core.store.records import PENDING, RematchSummary
from core.store.reports import META_FIELDS, report_text, set_detection_counts


def _pair(old: list[tuple[int, str, int]], new: list[tuple[int, str, int]]) -> dict[int, int]:
    """Map old row id → index into new, matching by text, then exact start, then nearest start."""
    by_text: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for idx, text, start in new:
        by_text[text].append((start, idx))
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for exact in (True, False):
        for oid, text, start in old:
            if oid in pairs:
                continue
            best = None
            for nstart, idx in by_text.get(text, ()):
                if idx in used or (exact and nstart != start):
                    continue
                if best is None or abs(nstart - start) < abs(best[0] - start):
                    best = (nstart, idx)
            if best is not None:
                pairs[oid] = best[1]
                used.add(best[1])
    return pairs


def _reanchor(conn: sqlite3.Connection, table: str, entity: str, report_id: int, old_text: str,
              new_text: str, reviewer: str, summary: RematchSummary) -> None:
    scale = len(new_text) / max(len(old_text), 1)
    rows = conn.execute(f'SELECT id, text, start, "end" FROM {table} WHERE report_id = ?',
                        (report_id,)).fetchall()
    for rid, quote, start, end in rows:
        if new_text[start:end] == quote:
            continue
        guess, hits, pos = int(start * scale), [], new_text.find(quote)
        while pos >= 0 and quote:
            hits.append(pos)
            pos = new_text.find(quote, pos + 1)
        if hits:
            best = min(hits, key=lambda p: abs(p - guess))
            conn.execute(f'UPDATE {table} SET start = ?, "end" = ? WHERE id = ?',
                         (best, best + len(quote), rid))
            audit.log(conn, reviewer, report_id, entity, rid, "reanchor", "start", start, best)
            if entity == "figure":
                summary.moved.append(rid)
        else:
            conn.execute(f"UPDATE {table} SET stale = 1 WHERE id = ?", (rid,))
            audit.log(conn, reviewer, report_id, entity, rid, "stale", "stale", False, True)


def redetect(conn: sqlite3.Connection, report_id: int, document: Document,
             extraction: Extraction, reviewer: str) -> RematchSummary:
    """Apply a fresh ``extraction`` of ``document`` to a stored report (caller's transaction)."""
    summary = RematchSummary()
    old_text = report_text(conn, report_id)
    text = document.text
    if text != old_text:
        conn.execute(
            "UPDATE reports SET text = ?, blocks = ?, boxes = ?, page_sizes = ?, encoding = ?"
            " WHERE id = ?",
            (text, codec.blocks_to_blob(document.blocks), codec.boxes_to_blob(document.boxes),
             json.dumps(document.page_sizes), document.encoding, report_id))
        audit.log(conn, reviewer, report_id, "report", report_id, "redetect", "text_length",
                  len(old_text), len(text))
        _reanchor(conn, "figures", "figure", report_id, old_text, text, reviewer, summary)
        _reanchor(conn, "sections", "section", report_id, old_text, text, reviewer, summary)
    _update_meta(conn, report_id, extraction)
    _rematch_figures(conn, report_id, document, extraction, reviewer, summary)
    _rematch_sections(conn, report_id, text, extraction, reviewer, summary)
    set_detection_counts(conn, report_id)
    return summary


def _update_meta(conn: sqlite3.Connection, report_id: int, extraction: Extraction) -> None:
    edited = {r[0] for r in conn.execute(
        "SELECT DISTINCT field FROM audit WHERE entity = 'report' AND entity_id = ?"
        " AND action = 'edit'", (report_id,))}
    for name in META_FIELDS:
        if name not in edited:  # a reviewer's correction outranks any detector
            conn.execute(f"UPDATE reports SET {name} = ? WHERE id = ?",
                         (getattr(extraction.meta, name), report_id))
    conn.execute("UPDATE reports SET warnings = ?, detected_at = ? WHERE id = ?",
                 (json.dumps(extraction.warnings, ensure_ascii=False), audit.now(), report_id))


def _drop_or_flag(conn, table: str, entity: str, row_id: int, report_id: int, untouched: bool,
                  reviewer: str) -> bool:
    """An annotation the new detection no longer finds: a bare proposal (no review work) is
    deleted; one a reviewer touched is kept, flagged stale and audited. True when flagged."""
    if untouched:
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return False
    conn.execute(f"UPDATE {table} SET stale = 1 WHERE id = ?", (row_id,))
    audit.log(conn, reviewer, report_id, entity, row_id, "stale", "stale", False, True)
    return True


def _rematch_figures(conn, report_id, document, extraction, reviewer, summary) -> None:
    old = conn.execute(
        'SELECT id, text, start, det_value, det_unit, det_qualifier, det_subject, status,'
        " reviewer FROM figures WHERE report_id = ? AND det_value IS NOT NULL", (report_id,)
    ).fetchall()
    new = extraction.figures
    pairs = _pair([(r[0], r[1], r[2]) for r in old], [(i, f.text, f.start) for i, f in enumerate(new)])
    for fid, _text, _start, dv, du, dq, ds, status, who in old:
        if fid not in pairs:
            untouched = who is None and status == PENDING
            if _drop_or_flag(conn, "figures", "figure", fid, report_id, untouched, reviewer):
                summary.stale.append(fid)
            else:
                summary.dropped += 1
            continue
        f = new[pairs[fid]]
        summary.kept += 1
        conn.execute(
            'UPDATE figures SET start = ?, "end" = ?, det_value = ?, det_unit = ?,'
            " det_qualifier = ?, det_subject = ?, stale = 0 WHERE id = ?",
            (f.start, f.end, f.value, f.unit, f.qualifier, f.subject, fid))
        for name, before, after in (("det_value", dv, f.value), ("det_unit", du, f.unit),
                                    ("det_qualifier", dq, f.qualifier),
                                    ("det_subject", ds, f.subject)):
            if before != after:
                audit.log(conn, reviewer, report_id, "figure", fid, "redetect", name, before, after)
        rematch_indicator(conn, fid, getattr(f, "indicator", None), reviewer, report_id)
        if status == PENDING:  # no decision yet: the reviewed copy follows the detector
            conn.execute(
                "UPDATE figures SET rev_value = det_value, rev_unit = det_unit,"
                " rev_qualifier = det_qualifier, rev_subject = det_subject WHERE id = ?", (fid,))
    matched = set(pairs.values())
    fresh = [f for i, f in enumerate(new) if i not in matched]
    summary.added += len(figures.insert_detected(conn, report_id, document, fresh))


def rematch_indicator(conn, fid: int, detected: str | None, reviewer: str,
                       report_id: int) -> None:
    """New detected indicator; the effective one follows it unless a reviewer chose it."""
    old_det, rev, chosen_by = conn.execute(
        "SELECT det_indicator, rev_indicator, indicator_reviewer FROM figures WHERE id = ?",
        (fid,)).fetchone()
    if old_det != detected:
        conn.execute("UPDATE figures SET det_indicator = ? WHERE id = ?", (detected, fid))
        audit.log(conn, reviewer, report_id, "figure", fid, "redetect", "det_indicator",
                  old_det, detected)
    if chosen_by is None and rev != detected:
        conn.execute("UPDATE figures SET rev_indicator = ? WHERE id = ?", (detected, fid))


def _rematch_sections(conn, report_id, text, extraction, reviewer, summary) -> None:
    old = conn.execute(
        "SELECT id, text, start, reviewer FROM sections WHERE report_id = ? AND origin = 'detected'",
        (report_id,)).fetchall()
    new = extraction.sections
    pairs = _pair([(r[0], r[1], r[2]) for r in old],
                  [(i, text[s.start : s.end], s.start) for i, s in enumerate(new)])
    for sid, _quote, _start, who in old:
        if sid not in pairs:
            if _drop_or_flag(conn, "sections", "section", sid, report_id, who is None, reviewer):
                summary.sections_stale.append(sid)
            continue
        s = new[pairs[sid]]
        summary.sections_kept += 1
        conn.execute(
            'UPDATE sections SET start = ?, "end" = ?, marker = ?, title = ?, det_level = ?,'
            " det_kind = ?, stale = 0 WHERE id = ?",
            (s.start, s.end, s.marker, s.title, s.level, s.kind, sid))
        if who is None:
            conn.execute("UPDATE sections SET rev_level = det_level, rev_kind = det_kind"
                         " WHERE id = ?", (sid,))
    matched = set(pairs.values())
    fresh = [s for i, s in enumerate(new) if i not in matched]
    summary.sections_added += len(sections.insert_detected(conn, report_id, text, fresh))
