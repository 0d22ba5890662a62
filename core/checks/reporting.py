"""Who has not reported: the bodies expected to report for a year against the reports imported.

The expected list is typed in or imported from a one-column Excel/CSV file (``read_bodies_file``; a
header row such as 单位/单位名称 is skipped). A body counts as 已报送 when an imported report of that
year names it (the same name once spaces are removed, or one name containing the other — 蓟州区民政局 /
天津市蓟州区民政局); 逾期 when its 成文日期 is after 3月1日 or its publication date after 4月1日 of the next
year (the same deadlines as ``core.checks.deadlines``); else 未报送.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from core.detect.text_norm import fold_width
from core.errors import ReportError

SUBMITTED, MISSING, LATE = "已报送", "未报送", "逾期"
_HEADER = re.compile(r"^(?:序号|单位|单位名称|名称|机关|部门|报送单位|应报送单位)$")
MIN_CONTAINED = 4  # 民政局 alone is in every 民政局's name


@dataclass
class ReportRef:
    id: int
    org: str | None
    year: int | None
    signed: str | None = None  # ISO 成文日期
    published: str | None = None  # ISO 发布日期 (web copies)


@dataclass
class StatusRow:
    body: str
    status: str  # 已报送 | 未报送 | 逾期
    report_id: int | None = None
    date: str | None = None
    note: str = ""


def clean_name(name) -> str:
    return re.sub(r"\s+", "", fold_width(str(name or ""))).strip()


def _names(values) -> list[str]:
    out, seen = [], set()
    for v in values:
        name = clean_name(v)
        if not name or _HEADER.match(name) or name in seen:
            continue
        seen.add(name)
        out.append(name)
    return out


def read_bodies_file(path: str | Path) -> list[str]:
    """Names from the first column of an .xlsx or .csv file (UTF-8 or GB18030), in file order."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".csv") and not path.is_file():
        raise ReportError("not_found", f"找不到单位名单文件：{path}", str(path))
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                return _names(row[0] for row in wb.active.iter_rows(max_col=1, values_only=True)
                              if row)
            finally:
                wb.close()
        if suffix == ".csv":
            raw = path.read_bytes()
            for enc in ("utf-8-sig", "gb18030"):
                try:
                    text = raw.decode(enc)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                raise ReportError("encoding", f"无法识别 {path.name} 的编码（请另存为 UTF-8 的 CSV）",
                                  str(path))
            return _names(row[0] for row in csv.reader(text.splitlines()) if row)
    except ReportError:
        raise
    except Exception:  # noqa: BLE001 - a damaged or foreign file: say which, never a traceback
        raise ReportError("corrupt", f"无法读取单位名单 {path.name}（文件已损坏，或不是 Excel/CSV 文件）",
                          str(path)) from None
    raise ReportError("unsupported", f"单位名单只支持 .xlsx 或 .csv 文件，{path.name} 不是", str(path))


def _matches(body: str, org: str | None) -> bool:
    org = clean_name(org)
    if not org:
        return False
    if body == org:
        return True
    shorter, longer = sorted((body, org), key=len)
    return len(shorter) >= MIN_CONTAINED and shorter in longer


def _late(r: ReportRef, year: int) -> str:
    """Why a report is late, or "" (dates that do not parse say nothing)."""
    for value, deadline, what in ((r.signed, date(year + 1, 3, 1), "成文日期"),
                                  (r.published, date(year + 1, 4, 1), "发布日期")):
        try:
            if value and date.fromisoformat(value) > deadline:
                return f"{what}{value}晚于截止日期{deadline.isoformat()}"
        except ValueError:
            continue
    return ""


def reporting_status(expected: list[str], reports: list[ReportRef], year: int) -> list[StatusRow]:
    """One row per expected body for ``year``, in the order given."""
    this_year = [r for r in reports if r.year == year]
    rows = []
    for body in expected:
        found = [r for r in this_year if _matches(body, r.org)]
        if not found:
            rows.append(StatusRow(body, MISSING, note=f"未导入该单位{year}年度报告"))
            continue
        late = [(r, _late(r, year)) for r in found]
        in_time = [r for r, why in late if not why]
        r = in_time[0] if in_time else found[0]
        when = r.signed or r.published
        if not in_time:
            rows.append(StatusRow(body, LATE, r.id, when, late[0][1]))
        else:
            rows.append(StatusRow(body, SUBMITTED, r.id, when,
                                  "" if when else "报告中未写明日期，无法判断是否逾期"))
    return rows
