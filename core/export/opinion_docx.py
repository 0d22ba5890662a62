"""The 审核意见书 of one report as a Word document (python-docx): what a supervisor sends back.

``build_opinion(store, report_id, ...)`` gathers the content (body, year, missing required parts,
problems found, the reviewer's 审核意见, the report's indicator values, reviewer and date);
``write_opinion_docx(opinion, path)`` writes it. The problems are the report's findings the
reviewer confirmed (确认问题) or has not yet decided (marked 待核实), then any the caller adds; the
reviewer's 核实无误 dismissals are left out (see ``build_opinion``'s ``with_checks``); none prints
“未发现需要说明的问题”. Required parts count
as present by heading or by a covering paragraph (``core.checks.service.part_evidence``).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import ReportError, os_error_message

BODY_FONT = "仿宋"  # the usual face of official documents (GB/T 9704); Word falls back if absent
TITLE_FONT = "宋体"


@dataclass
class OpinionDoc:
    report_id: int
    body: str
    year: int | None
    title: str | None
    doc_number: str | None
    published: str | None
    missing_parts: list[str]  # Chinese labels of required parts not found
    problems: list[str]
    opinion: str
    reviewer: str
    date: _dt.date
    indicators: list[tuple[str, str, bool]] = field(default_factory=list)  # 指标, 数值, 待审


def _value_text(value, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        number = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        number = f"{int(value):,}"
    return f"{number}{unit}"


def check_problems(store, report_id: int) -> list[str]:
    """The findings to list: 确认问题 as they are, undecided ones marked 待核实; a missing part is
    left out (the 必备部分 paragraph names it)."""
    out = []
    for c in store.list_checks(report_id, include_stale=False):
        if c.kind == "part" or c.decision == "核实无误":
            continue
        text = c.message + ("（待核实）" if c.decision == "待核实" else "")
        out.append(text + (f"（说明：{c.note}）" if c.note else ""))
    return out


def build_opinion(store, report_id: int, *, reviewer: str | None = None,
                  problems: list[str] | None = None, on: _dt.date | None = None,
                  with_checks: bool | None = None) -> OpinionDoc:
    """Everything the 审核意见书 shows, read from the store (``ReportError`` if no such report).

    ``with_checks``: list the findings (``check_problems``) before ``problems``; by default only when
    the caller gives no problems of its own (a caller that passes its list has chosen them)."""
    from core.checks.service import part_evidence
    from core.indicators.summary import summary_table

    rec = store.get_report(report_id)
    table = summary_table(store.summary_inputs())
    row = next((r for r in table.rows if r.report.id == report_id), None)
    values = []
    if row is not None:
        for ind in table.indicators:
            cell = row.cells.get(ind.id)
            if cell is not None and cell.value is not None:
                values.append((ind.name, _value_text(cell.value, ind.unit), cell.pending))
    return OpinionDoc(
        report_id=report_id, body=rec.org or "（未识别报告单位）", year=rec.year, title=rec.title,
        doc_number=rec.doc_number, published=rec.published,
        missing_parts=[ev.label for ev in part_evidence(store, report_id)
                       if not ev.present and ev.kind != "other"],
        problems=(check_problems(store, report_id)
                  if (problems is None if with_checks is None else with_checks) else [])
        + [p.strip() for p in (problems or []) if p and p.strip()],
        opinion=store.get_opinion(report_id),
        reviewer=(reviewer or rec.reviewer or "").strip() or "（未署名）",
        date=on or _dt.date.today(), indicators=values)


def _set_fonts(document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = Pt(14)  # 四号, a common size for the body of such letters
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def _run_font(run, name: str, size: int, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def write_opinion_docx(op: OpinionDoc, path: str | Path) -> Path:
    """Write the 审核意见书; a file that cannot be written raises ``ReportError`` in Chinese."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    _set_fonts(document)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(title.add_run("法治政府建设年度报告审核意见书"), TITLE_FONT, 22, bold=True)

    year = f"{op.year}年度" if op.year else "（年度未识别）"
    document.add_paragraph(f"{op.body}：")
    document.add_paragraph(f"　　你单位报送的{year}法治政府建设情况报告"
                           f"{'《' + op.title + '》' if op.title else ''}已收悉。经审核，意见如下：")
    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in (("报告单位", op.body), ("报告年度", str(op.year) if op.year else "未识别"),
                         ("发文字号", op.doc_number or "—"), ("发布日期", _cn_date(op.published))):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value

    _heading(document, "一、必备部分")
    if op.missing_parts:
        document.add_paragraph("　　报告缺少以下必备部分，请补充：" + "、".join(op.missing_parts) + "。")
    else:
        document.add_paragraph("　　报告包含全部必备部分（主要举措和成效、存在的不足和原因、"
                               "第一责任人职责、下一年度主要安排）。")

    _heading(document, "二、发现的问题")
    if op.problems:
        for i, problem in enumerate(op.problems, 1):
            document.add_paragraph(f"　　{i}. {problem}")
    else:
        document.add_paragraph("　　未发现需要说明的问题。")

    _heading(document, "三、审核意见")
    lines = [ln.strip() for ln in op.opinion.splitlines() if ln.strip()]
    for line in lines or ["（审核人未填写意见。）"]:
        document.add_paragraph("　　" + line)

    if op.indicators:
        _heading(document, "附：报告中的主要指标")
        grid = document.add_table(rows=1, cols=3)
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, ("指标", "数值", "状态"), strict=True):
            cell.text = text
        for name, value, pending in op.indicators:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = name, value
            cells[2].text = "待审（识别值）" if pending else "已审核"

    sign = document.add_paragraph(f"审核人：{op.reviewer}")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date = document.add_paragraph(f"{op.date.year}年{op.date.month}月{op.date.day}日")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        document.save(str(tmp))
        tmp.replace(out)  # never a half-written file under the final name
    except PermissionError as exc:
        raise ReportError("database", f"无法写入 {out}：文件可能正在 Word/WPS 中打开，请关闭后重试。",
                          str(out)) from exc
    except OSError as exc:
        raise ReportError("database", f"无法写入 {out}：{os_error_message(exc)}", str(out)) from exc
    return out


def _cn_date(iso: str | None) -> str:
    """2024-02-02 → 2024年2月2日 (as written in official documents); anything else as given."""
    try:
        d = _dt.date.fromisoformat(iso or "")
    except ValueError:
        return iso or "—"
    return f"{d.year}年{d.month}月{d.day}日"


def _heading(document, text: str) -> None:
    run = document.add_paragraph().add_run(text)
    _run_font(run, "黑体", 14, bold=True)
