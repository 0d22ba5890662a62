"""Exports of the review database: the 汇总 / 明细 / 问题清单 tables as .xlsx (formatted) or .csv (明细).

``export(store, out_path, reviewed_only=False, report_ids=None)`` picks the format from the suffix;
``report_ids`` limits it to those reports (None: every report). The .xlsx sheets are listed in
``core.export.workbook.SHEET_BUILDERS`` (see there to add one).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Collection
from glob import escape as glob_escape
from pathlib import Path

from core.errors import ReportError, os_error_message
from core.export.summary_tables import build_tables, detail_rows, detail_table, summary_table

__all__ = ["export", "build_tables", "summary_table", "detail_table", "detail_rows"]


def export(store, out_path: str | Path, *, reviewed_only: bool = False,
           report_ids: Collection[int] | None = None) -> Path:
    """Write the export; return the path. Raises ``ReportError`` for a bad target.

    The file is written under a temporary name in the target folder and renamed over ``out_path``
    at the end, so a failure (disk full, no permission, the old file open in Excel) leaves the
    previous file as it was and no partial file behind.
    """
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ReportError("unsupported", f"导出文件的扩展名应为 .xlsx 或 .csv：{out.name}", str(out))
    tmp = out.with_name(f".{out.stem}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp{suffix}")
    step = "write"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".xlsx":  # rows stream from the database to the file (flat memory)
            from core.export.workbook import write_review_xlsx

            write_review_xlsx(store, tmp, reviewed_only=reviewed_only, report_ids=report_ids)
        else:
            from core.export.csv_writer import write_csv

            _summary, detail = build_tables(store, reviewed_only=reviewed_only,
                                            report_ids=report_ids)
            write_csv(tmp, detail)
        step = "replace"
        os.replace(tmp, out)
    except OSError as exc:
        raise ReportError("write_failed", _write_error(out, exc, step), str(out)) from exc
    finally:
        _remove_leftovers(tmp)
    return out


def _write_error(out: Path, exc: OSError, step: str) -> str:
    # Only the final rename onto an existing file fails because that file is open elsewhere
    # (Windows refuses to replace a file Excel/WPS holds); anything else has its own cause.
    if step == "replace" and isinstance(exc, PermissionError) and out.exists():
        return (f"无法覆盖 {out}：文件可能正在 Excel/WPS 等程序中打开，请关闭后重试，或换一个文件名"
                f"（{os_error_message(exc)}）")
    return f"无法写入 {out}：{os_error_message(exc)}"


def _remove_leftovers(tmp: Path) -> None:
    """The temporary file and any part file a writer made beside it."""
    try:
        for leftover in tmp.parent.glob(glob_escape(tmp.name) + "*"):
            leftover.unlink(missing_ok=True)
    except OSError:
        pass
