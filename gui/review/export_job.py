"""The export as a background job (``gui.workers.task.Task``): this report, selected reports or
all of them, to .xlsx (汇总 + 明细) or .csv (明细). The job opens its own ``Store`` (per thread)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from core.errors import ReportError
from gui.workers.task import Task, TaskContext


@dataclass
class ExportRequest:
    out_path: str
    report_ids: list[int] | None  # None: every report
    reviewed_only: bool = False


def _key(org, year, name) -> tuple[str, str, str]:
    def norm(v):
        return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)

    return norm(org), norm(year), norm(name)


def _only(df: pd.DataFrame, keys: set) -> pd.DataFrame:
    mask = [(_key(o, y, n) in keys) for o, y, n in zip(df["报告单位"], df["年度"], df["文件"])]
    return df[mask].reset_index(drop=True)


def run_export(ctx: TaskContext, source, req: ExportRequest) -> Path:
    """Write the export; returns the written path. Raises ``ReportError``."""
    from core.export import export
    from core.export.summary_tables import build_tables

    store = source.store()
    out = Path(req.out_path)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise ReportError("unsupported", f"导出文件的扩展名应为 .xlsx 或 .csv：{out.name}")
    ctx.progress(0, 3, "读取数据")
    if req.report_ids is None:
        ctx.progress(1, 3, "写入文件")
        path = export(store, out, reviewed_only=req.reviewed_only)
        ctx.progress(3, 3, "完成", check=False)
        return path
    keys = set()
    for rid in req.report_ids:
        r = store.get_report(rid)
        keys.add(_key(r.org, r.year, r.file_name))
    summary, detail = build_tables(store.conn, reviewed_only=req.reviewed_only)
    summary, detail = _only(summary, keys), _only(detail, keys)
    ctx.progress(2, 3, "写入文件")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".xlsx":
            from core.export.xlsx_writer import write_xlsx

            write_xlsx(out, {"汇总": summary, "明细": detail})
        else:
            from core.export.csv_writer import write_csv

            write_csv(out, detail)
    except PermissionError:
        raise ReportError("database", f"无法写入 {out}：文件可能正在 Excel/WPS 中打开，请关闭后重试。")
    except OSError as exc:
        raise ReportError("database", f"无法写入 {out}：{exc.strerror}")
    ctx.progress(3, 3, "完成", check=False)
    return out


def export_task(source, req: ExportRequest) -> Task:
    return Task(run_export, source, req)
