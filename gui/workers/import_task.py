"""Background jobs of the review window: batch import (one file after the other) and loading."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.batch_import import collect_files
from core.errors import Cancelled, ReportError
from gui.workers.task import Task, TaskContext

if TYPE_CHECKING:
    from gui.store_source import StoreReportSource


@dataclass
class ImportOutcome:
    """What a batch import did: ids of imported reports and (path, Chinese reason) failures."""

    imported: list[int] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, folders searched recursively for report files (sorted), by the same walker
    as the command line (``core.batch_import.collect_files``: hidden files and Word lock files
    ``~$x.docx`` are skipped). A path that does not exist is kept, so the import says why."""
    files, missing = collect_files(paths)
    return [str(f) for f in files] + [p for p, _msg in missing]


def _import_all(ctx: TaskContext, source: StoreReportSource, paths: list[str]) -> ImportOutcome:
    outcome = ImportOutcome()
    total = len(paths)
    for i, path in enumerate(paths):
        name = Path(path).name
        try:
            ctx.progress(i, total, name)

            def per_file(done: int, of: int, _i=i) -> None:  # importer's page progress
                ctx.check_cancelled()

            outcome.imported.append(source.import_file(path, per_file))
        except Cancelled:
            outcome.cancelled = True
            break
        except ReportError as exc:
            outcome.failed.append((path, exc.message))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            outcome.failed.append((path, f"无法读取（{type(exc).__name__}: {exc}）"))
    if not outcome.cancelled:
        ctx.progress(total, total, "", check=False)
    return outcome


def import_task(source: StoreReportSource, paths: list[str]) -> Task:
    """A task importing ``paths`` (files; expand folders first); result: ``ImportOutcome``."""
    return Task(_import_all, source, list(paths))


def _load(ctx: TaskContext, source: StoreReportSource, report_id: int):
    return source.load_report(report_id)


def load_task(source: StoreReportSource, report_id: int) -> Task:
    """A task loading one report; result: ``ReportSession``."""
    return Task(_load, source, report_id)


def _warm_up(ctx: TaskContext, source: StoreReportSource) -> None:
    source.warm_up()


def warm_up_task(source: StoreReportSource) -> Task:
    """Start the source's parser (for the store: the analysis process) in the background."""
    return Task(_warm_up, source)
