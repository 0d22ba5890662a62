"""Indicator data in the review database: the editable catalogue, each figure's indicator, the
reviewer's choice when several figures of one report fill one indicator, and body aliases.

Functions take a connection and run inside the caller's transaction (``Store`` wraps each user
action in one). Changes to a figure or a report are written to ``audit``; changes to the
catalogue and to aliases, which belong to no report, to the append-only ``catalog_audit``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from core.errors import ReportError
from core.indicators.catalog import AGGREGATES, KINDS, Indicator, default_catalog
from core.store import audit
from core.store.figures import get_figure
from core.store.records import FigureRecord
from core.store.reports import start_review

_COLS = "id, name, area, unit, kind, aggregate, definition, cues, retired"
EDITABLE = ("name", "area", "unit", "kind", "aggregate", "definition", "cues")
CHOICE_MODES = {"sum": "相加", "first": "取第一个", "max": "取最大值", "figure": "指定一个数字"}


def log_catalog(conn: sqlite3.Connection, reviewer: str, entity: str, key: str, action: str,
                field: str | None = None, old: Any = None, new: Any = None) -> None:
    conn.execute(
        "INSERT INTO catalog_audit (at, reviewer, entity, entity_key, action, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (audit.now(), reviewer, entity, key, action, field,
         None if old is None else json.dumps(old, ensure_ascii=False),
         None if new is None else json.dumps(new, ensure_ascii=False)))


def catalog_history(conn: sqlite3.Connection, entity: str | None = None,
                    key: str | None = None) -> list[dict]:
    where, args = [], []
    if entity:
        where.append("entity = ?")
        args.append(entity)
    if key:
        where.append("entity_key = ?")
        args.append(key)
    sql = ("SELECT id, at, reviewer, entity, entity_key, action, field, old, new FROM catalog_audit"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id")
    return [{"id": r[0], "at": r[1], "reviewer": r[2], "entity": r[3], "key": r[4],
             "action": r[5], "field": r[6], "old": None if r[7] is None else json.loads(r[7]),
             "new": None if r[8] is None else json.loads(r[8])} for r in conn.execute(sql, args)]


# -- catalogue ---------------------------------------------------------------------------------
def ensure_catalog(conn: sqlite3.Connection) -> None:
    """Seed the catalogue from the shipped default the first time it is needed."""
    if conn.execute("SELECT 1 FROM indicators LIMIT 1").fetchone():
        return
    at = audit.now()
    for pos, ind in enumerate(default_catalog()):
        conn.execute(
            "INSERT INTO indicators (id, name, area, unit, kind, aggregate, definition, cues,"
            " position, origin, reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " 'default', NULL, ?)",
            (ind.id, ind.name, ind.area, ind.unit, ind.kind, ind.aggregate, ind.definition,
             json.dumps(list(ind.cues), ensure_ascii=False), pos, at))


def _indicator(row) -> Indicator:
    return Indicator(id=row[0], name=row[1], area=row[2], unit=row[3], kind=row[4],
                     aggregate=row[5], definition=row[6], cues=tuple(json.loads(row[7] or "[]")),
                     retired=bool(row[8]))


def list_indicators(conn: sqlite3.Connection, include_retired: bool = True) -> list[Indicator]:
    if not conn.execute("SELECT 1 FROM indicators LIMIT 1").fetchone():
        return list(default_catalog())  # not seeded yet: the default, unchanged
    where = "" if include_retired else " WHERE retired = 0"
    return [_indicator(r) for r in conn.execute(
        f"SELECT {_COLS} FROM indicators{where} ORDER BY position, id")]


def get_indicator(conn: sqlite3.Connection, indicator_id: str) -> Indicator:
    ensure_catalog(conn)
    row = conn.execute(f"SELECT {_COLS} FROM indicators WHERE id = ?", (indicator_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"指标目录中没有“{indicator_id}”。")
    return _indicator(row)


def _check(field: str, value: Any) -> Any:
    if field == "name" and not str(value or "").strip():
        raise ReportError("database", "指标名称不能为空。")
    if field == "kind" and value not in KINDS:
        raise ReportError("database", f"指标类型只能是 {'、'.join(KINDS)}。")
    if field == "aggregate" and value not in AGGREGATES:
        raise ReportError("database", f"合计方式只能是 {'、'.join(AGGREGATES)}。")
    if field == "cues":
        return [str(c).strip() for c in (value or []) if str(c).strip()]
    return str(value).strip() if isinstance(value, str) else value


def add_indicator(conn: sqlite3.Connection, reviewer: str, *, id: str, name: str, unit: str = "",
                  kind: str = "count", aggregate: str = "sum", area: str = "",
                  definition: str = "", cues: list[str] | None = None) -> Indicator:
    ensure_catalog(conn)
    key = str(id or "").strip()
    if not key or not key.isascii() or not key.replace("_", "").isalnum():
        raise ReportError("database", "指标编号须为英文字母、数字或下划线，例如 legal_training。")
    if conn.execute("SELECT 1 FROM indicators WHERE id = ?", (key,)).fetchone():
        raise ReportError("database", f"指标编号“{key}”已存在（停用的指标也保留编号）。")
    if aggregate == "sum" and kind == "rate":
        raise ReportError("database", "比率类指标不能相加合计，请选择“平均”或“不合计”。")
    values = {f: _check(f, v) for f, v in (("name", name), ("kind", kind),
                                           ("aggregate", aggregate), ("cues", cues))}
    pos = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM indicators").fetchone()[0]
    conn.execute(
        "INSERT INTO indicators (id, name, area, unit, kind, aggregate, definition, cues, position,"
        " origin, reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'user', ?, ?)",
        (key, values["name"], area.strip(), unit.strip(), kind, aggregate, definition.strip(),
         json.dumps(values["cues"], ensure_ascii=False), pos, reviewer, audit.now()))
    ind = get_indicator(conn, key)
    log_catalog(conn, reviewer, "indicator", key, "add", None, None, ind.to_dict())
    return ind


def update_indicator(conn: sqlite3.Connection, indicator_id: str, reviewer: str,
                     action: str = "edit", **fields: Any) -> Indicator:
    """Rename or redefine an indicator (its id, and so every mapping to it, stays)."""
    old = get_indicator(conn, indicator_id)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ReportError("database", f"不能修改指标字段“{'、'.join(sorted(unknown))}”。")
    new = {f: _check(f, v) for f, v in fields.items()}
    kind, agg = new.get("kind", old.kind), new.get("aggregate", old.aggregate)
    if kind == "rate" and agg == "sum":
        raise ReportError("database", "比率类指标不能相加合计。")
    changed = {f: v for f, v in new.items()
               if v != (list(old.cues) if f == "cues" else getattr(old, f))}
    if not changed:
        return old
    for f, v in changed.items():
        stored = json.dumps(v, ensure_ascii=False) if f == "cues" else v
        conn.execute(f"UPDATE indicators SET {f} = ?, reviewer = ?, updated_at = ? WHERE id = ?",
                     (stored, reviewer, audit.now(), indicator_id))
        log_catalog(conn, reviewer, "indicator", indicator_id, action, f,
                    list(old.cues) if f == "cues" else getattr(old, f), v)
    return get_indicator(conn, indicator_id)


def set_retired(conn: sqlite3.Connection, indicator_id: str, retired: bool, reviewer: str,
                action: str | None = None) -> Indicator:
    """Retire (or bring back) an indicator: hidden from new mappings, its history kept."""
    old = get_indicator(conn, indicator_id)
    if old.retired == bool(retired):
        return old
    conn.execute("UPDATE indicators SET retired = ?, reviewer = ?, updated_at = ? WHERE id = ?",
                 (int(bool(retired)), reviewer, audit.now(), indicator_id))
    log_catalog(conn, reviewer, "indicator", indicator_id,
                action or ("retire" if retired else "unretire"), "retired", old.retired,
                bool(retired))
    return get_indicator(conn, indicator_id)


# -- figure → indicator -----------------------------------------------------------------------
def set_figure_indicator(conn: sqlite3.Connection, figure_id: int, indicator_id: str | None,
                         reviewer: str, action: str = "edit") -> FigureRecord:
    """The reviewer's mapping of one figure (None = no indicator); audited, undoable by calling
    again with the old value (``action="undo"``). Re-detection keeps it from then on."""
    rec = get_figure(conn, figure_id)
    if indicator_id is not None:
        ind = get_indicator(conn, indicator_id)
        if ind.retired and rec.indicator != indicator_id:
            raise ReportError("database", f"指标“{ind.name}”已停用，不能再对应新的数字。")
    if rec.indicator == indicator_id and rec.indicator_reviewer is not None:
        return rec
    at = audit.now()
    conn.execute("UPDATE figures SET rev_indicator = ?, indicator_reviewer = ? WHERE id = ?",
                 (indicator_id, reviewer, figure_id))
    audit.log(conn, reviewer, rec.report_id, "figure", figure_id, action, "indicator",
              rec.indicator, indicator_id, at)
    start_review(conn, rec.report_id, reviewer)
    return get_figure(conn, figure_id)


def reset_figure_indicator(conn: sqlite3.Connection, figure_id: int,
                           reviewer: str) -> FigureRecord:
    """Back to the detector's mapping; re-detection may change it again."""
    rec = get_figure(conn, figure_id)
    if rec.indicator_reviewer is None:
        return rec
    conn.execute("UPDATE figures SET rev_indicator = det_indicator, indicator_reviewer = NULL"
                 " WHERE id = ?", (figure_id,))
    audit.log(conn, reviewer, rec.report_id, "figure", figure_id, "reset", "indicator",
              rec.indicator, rec.det_indicator)
    return get_figure(conn, figure_id)


# -- several figures for one indicator in one report -------------------------------------------
def get_choices(conn: sqlite3.Connection) -> dict[tuple[int, str], tuple[str, int | None]]:
    return {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(
        "SELECT report_id, indicator_id, mode, figure_id FROM indicator_choices")}


def set_choice(conn: sqlite3.Connection, report_id: int, indicator_id: str, mode: str | None,
               reviewer: str, figure_id: int | None = None, action: str = "edit") -> None:
    """How one report's figures of one indicator combine into its cell (None = the default)."""
    if mode is not None and mode not in CHOICE_MODES:
        raise ReportError("database", f"合并方式只能是 {'、'.join(CHOICE_MODES.values())}。")
    if mode == "figure":
        fig = get_figure(conn, int(figure_id)) if figure_id is not None else None
        if fig is None or fig.report_id != report_id:
            raise ReportError("database", "所选数字不属于这份报告。")
    else:
        figure_id = None
    row = conn.execute("SELECT mode, figure_id FROM indicator_choices WHERE report_id = ? AND"
                       " indicator_id = ?", (report_id, indicator_id)).fetchone()
    old = None if row is None else {"mode": row[0], "figure_id": row[1]}
    new = None if mode is None else {"mode": mode, "figure_id": figure_id}
    if old == new:
        return
    if mode is None:
        conn.execute("DELETE FROM indicator_choices WHERE report_id = ? AND indicator_id = ?",
                     (report_id, indicator_id))
    else:
        conn.execute("INSERT OR REPLACE INTO indicator_choices (report_id, indicator_id, mode,"
                     " figure_id, reviewer, at) VALUES (?, ?, ?, ?, ?, ?)",
                     (report_id, indicator_id, mode, figure_id, reviewer, audit.now()))
    audit.log(conn, reviewer, report_id, "report", report_id, action,
              f"indicator_choice:{indicator_id}", old, new)


# -- body aliases -----------------------------------------------------------------------------
def get_aliases(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name_key, body FROM body_aliases"))


def set_alias(conn: sqlite3.Connection, name_key: str, body: str | None, reviewer: str,
              action: str = "edit") -> None:
    """Say that the body detected as ``name_key`` is ``body`` (None removes the alias)."""
    key = (name_key or "").strip()
    if not key:
        raise ReportError("database", "单位名称不能为空。")
    row = conn.execute("SELECT body FROM body_aliases WHERE name_key = ?", (key,)).fetchone()
    old = row[0] if row else None
    body = (body or "").strip() or None
    if old == body:
        return
    if body is None:
        conn.execute("DELETE FROM body_aliases WHERE name_key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO body_aliases (name_key, body, reviewer, at)"
                     " VALUES (?, ?, ?, ?)", (key, body, reviewer, audit.now()))
    log_catalog(conn, reviewer, "body_alias", key, action, "body", old, body)


# -- review opinion ---------------------------------------------------------------------------
def get_opinion(conn: sqlite3.Connection, report_id: int) -> str:
    row = conn.execute("SELECT opinion FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise ReportError("database", f"数据库中没有编号为 {report_id} 的报告。")
    return row[0] or ""


def set_opinion(conn: sqlite3.Connection, report_id: int, text: str | None, reviewer: str,
                action: str = "edit") -> str:
    old = get_opinion(conn, report_id)
    new = (text or "").strip()
    if old == new:
        return old
    conn.execute("UPDATE reports SET opinion = ? WHERE id = ?", (new or None, report_id))
    audit.log(conn, reviewer, report_id, "report", report_id, action, "opinion", old or None,
              new or None)
    start_review(conn, report_id, reviewer)
    return new
