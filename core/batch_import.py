"""Batch import: files and folders into the review database, one transaction per report.

Each file is hashed first; content already stored (same SHA-256) is skipped without loading or
detecting it, so re-importing a folder is cheap and never touches review work. A file that fails
is recorded with its Chinese message and the batch goes on.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.analysis import load_and_analyze
from core.domain import SUFFIXES
from core.errors import Cancelled, ReportError, os_error_message
from core.paths import display_path

# progress(done, total, current file name); cancel() -> True stops before the next file
BatchProgress = Callable[[int, int, str], None]


@dataclass
class ImportSummary:
    imported: list[tuple[str, int]] = field(default_factory=list)  # (path, report id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # already stored
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, Chinese message)
    # (path, new report id, earlier reports of the same body and year): corrected re-sends?
    same_body_year: list[tuple[str, int, list]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.failed)


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, sorted, report suffixes only); missing paths become failures.

    Files named explicitly are kept whatever their suffix, so the importer can say why it
    cannot read them.
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # hidden files and folders (.git, .Trash) and Word lock files (~$x.docx) are skipped
            found = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                     and not any(part.startswith(("~$", "."))
                                 for part in p.relative_to(path).parts)]
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            missing.append((str(path), f"找不到文件或文件夹：{display_path(path)}"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing


def import_paths(store, paths: Iterable[str | os.PathLike], progress: BatchProgress | None = None,
                 cancel: Callable[[], bool] | None = None, reviewer: str = "导入",
                 analyzer=None) -> ImportSummary:
    """Import every report under ``paths`` into ``store`` (a ``core.store.Store``).

    ``analyzer`` is passed to ``Store.import_file`` (the command line parses in a child process).
    """
    files, missing = collect_files(paths)
    summary = ImportSummary(failed=list(missing))
    total = len(files)
    for done, path in enumerate(files):
        if cancel is not None and cancel():
            summary.cancelled = True
            break
        if progress is not None:
            progress(done, total, path.name)
        try:
            result = store.import_file(path, reviewer=reviewer, analyzer=analyzer or load_and_analyze)
        except Cancelled:
            summary.cancelled = True
            break
        except ReportError as exc:
            summary.failed.append((str(path), exc.message))
            if exc.code in ("database", "read_only"):  # the store is unusable: stop, don't repeat
                break
            continue
        except OSError as exc:  # the file vanished or became unreadable mid-import
            summary.failed.append((str(path), f"无法读取文件：{os_error_message(exc)}"))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug in an importer/detector must not end the whole batch
            summary.failed.append((str(path), f"处理时出现内部错误：{type(exc).__name__}: {exc}"))
            continue
        (summary.imported if result.created else summary.duplicates).append(
            (str(path), result.report_id))
        if result.created and result.earlier:
            summary.same_body_year.append((str(path), result.report_id, result.earlier))
    else:
        if progress is not None:
            progress(total, total, "")
    return summary
