"""``Store`` methods for managing whole reports: the 回收站 and duplicate texts (a mixin, as
``IndicatorOps``; every change is one transaction)."""
from __future__ import annotations

import contextlib
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from core.store import fingerprints, originals, trash
from core.store.trash import TrashedReport


class ReportBin:
    conn: sqlite3.Connection
    path: Path

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by Store
        raise NotImplementedError

    def trash_report(self, report_id: int, reviewer: str) -> bool:
        """Move a report to the 回收站 (False: it was there already)."""
        with self._tx():
            return trash.move_to_trash(self.conn, report_id, reviewer)

    def restore_report(self, report_id: int, reviewer: str) -> bool:
        """Bring a report back from the 回收站 (False: it was not there)."""
        with self._tx():
            return trash.restore(self.conn, report_id, reviewer)

    def list_trash(self) -> list[TrashedReport]:
        return trash.list_trash(self.conn)

    def trashed_ids(self) -> set[int]:
        return trash.trashed_ids(self.conn)

    def empty_trash(self, reviewer: str, report_ids: list[int] | None = None) -> int:
        """Delete the reports in the bin (or only ``report_ids`` of them) for good; their
        original copies are removed after the commit when no other report uses them."""
        ids = report_ids if report_ids is not None else sorted(self.trashed_ids())
        with self._tx():
            freed = trash.purge(self.conn, ids, reviewer)
            n = len([i for i in ids if not self.conn.execute(
                "SELECT 1 FROM reports WHERE id = ?", (i,)).fetchone()])
        for name in freed:
            path = originals.original_path(self.path, name)
            if path is not None:
                with contextlib.suppress(OSError):  # a copy left behind costs disk, never data
                    path.unlink()
        return n

    def duplicate_map(self) -> dict[int, list[int]]:
        """report id → other reports (not in the bin) with the same text in another form."""
        if self.conn.execute("SELECT 1 FROM reports WHERE id NOT IN"
                             " (SELECT report_id FROM report_fingerprints) LIMIT 1").fetchone():
            with self._tx():
                fingerprints.fill_missing(self.conn)
        return fingerprints.duplicate_map(self.conn, self.trashed_ids())
