"""What an export covers: the store, its read stream (one snapshot) and the user's choices."""
from __future__ import annotations

from dataclasses import dataclass

from core.store.export_reads import ExportStream


@dataclass(frozen=True)
class ExportScope:
    store: object  # core.store.Store
    stream: ExportStream  # reads inside the export's snapshot (see ExportStream)
    reviewed_only: bool = False  # only confirmed / modified / added figures
    report_ids: frozenset[int] | None = None  # None: every report
