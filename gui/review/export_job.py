"""The export as a background job (``gui.workers.task.Task``): this report, selected reports or
all of them, to .xlsx (汇总 + 明细) or .csv (明细). The job opens its own ``Store`` (per thread)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gui.workers.task import Task, TaskContext


@dataclass
class ExportRequest:
    out_path: str
    report_ids: list[int] | None  # None: every report
    reviewed_only: bool = False


def run_export(ctx: TaskContext, source, req: ExportRequest) -> Path:
    """Write the export; returns the written path. Raises ``ReportError``."""
    from core.export import export

    ctx.progress(0, 2, "读取数据并写入文件")
    path = export(source.store(), req.out_path, reviewed_only=req.reviewed_only,
                  report_ids=req.report_ids)
    ctx.progress(2, 2, "完成", check=False)
    return path


def export_task(source, req: ExportRequest) -> Task:
    return Task(run_export, source, req)
