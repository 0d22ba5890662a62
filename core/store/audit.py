"""The append-only audit log: who changed what, when, from which value to which.

Values are stored as JSON so numbers, None and strings come back as they went in; the schema's
triggers refuse UPDATE and DELETE on the table, so history cannot be rewritten.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from core.store.records import AuditRow


def now() -> str:
    """Local time with offset, to the second: what a reviewer expects to read in a table."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def log(
    conn: sqlite3.Connection,
    reviewer: str,
    report_id: int,
    entity: str,
    entity_id: int,
    action: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    at: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO audit (at, reviewer, report_id, entity, entity_id, action, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (at or now(), reviewer, report_id, entity, entity_id, action, field, _dump(old), _dump(new)),
    )


def _rows(cur: sqlite3.Cursor) -> list[AuditRow]:
    return [
        AuditRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _load(r[8]), _load(r[9]))
        for r in cur
    ]


_COLS = "id, at, reviewer, report_id, entity, entity_id, action, field, old, new"


def history(conn: sqlite3.Connection, entity: str, entity_id: int) -> list[AuditRow]:
    """Every audit row of one figure / section / report, oldest first."""
    return _rows(
        conn.execute(
            f"SELECT {_COLS} FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id",
            (entity, entity_id),
        )
    )


def report_history(conn: sqlite3.Connection, report_id: int) -> list[AuditRow]:
    """Every audit row touching a report (its figures and sections included), oldest first."""
    return _rows(
        conn.execute(f"SELECT {_COLS} FROM audit WHERE report_id = ? ORDER BY id", (report_id,))
    )
