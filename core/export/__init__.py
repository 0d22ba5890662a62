"""Exports of the review database: the 汇总 / 明细 tables as .xlsx (formatted) or .csv (明细).

``export(store, out_path, reviewed_only=False, report_ids=None)`` picks the format from the suffix;
``report_ids`` limits it to those reports (None: every report).
"""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from core.errors import ReportError
from core.export.summary_tables import build_tables, detail_table, summary_table

__all__ = ["export", "build_tables", "summary_table", "detail_table"]


def export(store, out_path: str | Path, *, reviewed_only: bool = False,
           report_ids: Collection[int] | None = None) -> Path:
    """Write the export; return the path. Raises ``ReportError`` for a bad target."""
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ReportError("unsupported", f"导出文件的扩展名应为 .xlsx 或 .csv：{out.name}", str(out))
    summary, detail = build_tables(store, reviewed_only=reviewed_only, report_ids=report_ids)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".xlsx":
            from core.export.xlsx_writer import write_xlsx

            write_xlsx(out, {"汇总": summary, "明细": detail})
        else:
            from core.export.csv_writer import write_csv

            write_csv(out, detail)
    except PermissionError:
        raise ReportError("database", f"无法写入 {out}：文件可能正在 Excel/WPS 中打开，请关闭后重试。",
                          str(out))
    except OSError as exc:
        raise ReportError("database", f"无法写入 {out}：{exc.strerror}", str(out))
    return out
