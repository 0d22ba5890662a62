"""``extract FILE [--json]``: import one report and print what detection found.

The parse runs in a child process under the time and memory limits of ``core.limits`` (on Linux a
fork, so a cold run costs no more than parsing in-process); Ctrl+C or a hung parser kills it.
"""
from __future__ import annotations

import json
import sys

from core.cli.console import EXIT_OK, EXIT_UNREADABLE, display_path, ensure_utf8_stdio, fail
from core.errors import ReportError


def run(args) -> int:
    ensure_utf8_stdio()
    try:
        extraction = _analyze(args.file)
    except ReportError as exc:
        return fail(f"{display_path(args.file)}：{exc.message}", EXIT_UNREADABLE)
    if args.json:
        from core.checks import checks_json

        data = extraction.to_dict()
        data.update(checks_json(extraction))  # "checks" and "parts" (evidence per required part)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    print(summary_text(extraction))
    return EXIT_OK


def _analyze(path: str):
    """Import and detect in guarded child processes (two overlapping ones for a PDF or DOCX on Linux)."""
    from core.cli import overlap

    if overlap.worth_overlapping(path):
        return overlap.analyze(path)[1]
    from core.analysis_worker import AnalysisWorker, cli_start_method

    worker = AnalysisWorker(start_method=cli_start_method(), warm_up=False)
    try:
        return worker.analyze(path)[1]
    finally:
        worker.close()


def summary_text(extraction) -> str:
    """A short human-readable summary: metadata, outline, missing parts, figure count."""
    from core.extraction import PART_LABELS

    m = extraction.meta
    lines = [
        f"文件：{display_path(extraction.source)}（{extraction.format}）",
        f"单位：{m.org or '未识别'}  年度：{m.year or '未识别'}  日期：{m.published or '—'}"
        f"  文号：{m.doc_number or '—'}",
        f"标题：{m.title or '未识别'}",
        "提纲：",
    ]
    for s in extraction.sections:
        kind = f"  [{PART_LABELS.get(s.kind, s.kind)}]" if s.kind else ""
        lines.append(f"{'  ' * s.level}{s.marker}{s.title}{kind}")
    missing = "、".join(PART_LABELS[k] for k in extraction.missing_parts) or "无"
    lines.append(f"缺少的必备部分：{missing}")
    lines.append(f"识别出数字 {len(extraction.figures)} 个")
    if extraction.figures:
        lines.append(figures_table(extraction))
    for w in extraction.warnings:
        lines.append(f"提示：{w}")
    for c in extraction.checks:  # core.checks findings (the pipeline ran them)
        lines.append(f"问题：{c.message}")
    return "\n".join(lines)


def figures_table(extraction) -> str:
    """Every figure in text order: number, value, unit, qualifier, subject and the quoted text."""
    from core.cli.table import format_table

    rows = [[str(i), _value_text(f.value), f.unit or "", f.qualifier or "", f.subject or "",
             f.text.replace("\n", " ")] for i, f in enumerate(extraction.figures, 1)]
    return format_table(["序号", "数值", "单位", "限定", "事项", "原文"], rows,
                        [5, 14, 10, 10, 30, 30])


def _value_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else ("" if value is None else str(value))
