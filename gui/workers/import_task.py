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
    copy_error: str | None = None  # the copy checks after the import could not run (why)


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
    if outcome.imported:  # the imported ones stay even when the batch was cancelled
        ctx.progress(total, total, "正在比对各报告中相同的段落…", check=False)
        outcome.copy_error = _copy_checks(source, outcome.imported)
    if not outcome.cancelled:
        ctx.progress(total, total, "", check=False)
    return outcome


def _copy_checks(source: StoreReportSource, imported: list[int]) -> str | None:
    """Copied paragraphs of the new reports (and of reports of the next year, whose source a new
    report may be), in this worker thread; a failure never undoes the import."""
    from core.checks.service import run_copy_checks

    store = source.store()
    try:
        years = {store.get_report(rid).year for rid in imported}
        run_copy_checks(store, years.pop() if len(years) == 1 else None)
    except ReportError as exc:
        return "照抄检查未完成：" + exc.message
    except Exception as exc:  # noqa: BLE001 - the reports are imported; say why the check is missing
        return f"照抄检查未完成（{type(exc).__name__}: {exc}）"
    return None


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
