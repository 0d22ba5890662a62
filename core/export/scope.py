"""What an export covers: the store, its read stream (one snapshot) and the user's choices."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.store.export_reads import ExportStream

if TYPE_CHECKING:  # the store module imports export reads; at run time the scope only carries it
    from core.store import Store


@dataclass(frozen=True)
class ExportScope:
    store: Store
    stream: ExportStream  # reads inside the export's snapshot (see ExportStream)
    reviewed_only: bool = False  # only confirmed / modified / added figures
    report_ids: frozenset[int] | None = None  # None: every report
