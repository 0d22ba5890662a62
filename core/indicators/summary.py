"""The body × indicator summary and year over year, computed from reviewed values (pure; no Qt).

* A **cell** is one report's value for one indicator. When the report has several figures mapped
  to the indicator they combine by the catalogue's rule — counts/people/money that total across
  bodies (``aggregate == "sum"``) are added, a rate takes the first one written — unless the
  reviewer chose otherwise (``Store.set_indicator_choice``: sum / first / max / one figure).
  ``Cell.candidates`` lists every figure so a view can show how the value came about.
* A cell is **pending** when any figure it uses is still 待审 (its value is the detector's).
* The **合计** row adds only columns that may be added (``Indicator.summable``): never a rate; a
  ``mean`` rate gets a separate 平均 value, a ``none`` rate (纠错率, 出庭应诉率) neither.
* **Year over year** pairs a body's row in year Y with its row in Y-1 by body key
  (``core.indicators.bodies``), after the reviewer's aliases.

``read_inputs`` is the only function that touches SQLite; everything else works on its result.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from core.indicators.bodies import body_key, match_placeless, resolve
from core.indicators.catalog import Indicator

PENDING = "待审"
MODE_LABELS = {"sum": "相加", "first": "取第一个", "max": "取最大值", "figure": "审核人指定"}


@dataclass(frozen=True)
class Candidate:
    figure_id: int
    report_id: int
    indicator: str
    value: float | int | None
    unit: str | None
    status: str
    text: str
    start: int
    subject: str | None


@dataclass(frozen=True)
class ReportInfo:
    id: int
    org: str | None
    year: int | None
    published: str | None
    doc_number: str | None
    title: str | None
    file_name: str
    review_state: str


@dataclass
class SummaryInputs:
    reports: list[ReportInfo]
    candidates: list[Candidate]
    catalog: list[Indicator]
    choices: dict[tuple[int, str], tuple[str, int | None]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)


@dataclass
class Cell:
    value: float | int | None
    mode: str  # sum / first / max / figure (see MODE_LABELS)
    chosen: bool  # the reviewer decided the mode
    used: list[int]  # figure ids that make up the value
    candidates: list[Candidate]
    pending: bool

    @property
    def figure_id(self) -> int | None:
        """The figure to open when the cell is clicked (the first one used)."""
        return self.used[0] if self.used else None


@dataclass
class SummaryRow:
    report: ReportInfo
    body: str  # the body's name as written in the report (or 未识别单位)
    key: str  # matching key after aliases
    cells: dict[str, Cell]


@dataclass
class SummaryTable:
    indicators: list[Indicator]
    rows: list[SummaryRow]
    totals: dict[str, float | int | None]  # 合计: only summable columns have a value
    means: dict[str, float | None]  # 平均 of per-body rates (aggregate == "mean")
    year: int | None
    area: str | None

    def title(self, scope: str = "全部单位") -> str:
        """Title row of a printed sheet: the year, the scope and the area filter."""
        year = f"{self.year}年度" if self.year else "各年度"
        area = f"（{self.area}）" if self.area else ""
        return f"{year}法治政府建设主要指标汇总表{area}——{scope}"

    def repeated_bodies(self) -> list[list[int]]:
        """Report ids of one body in one year (a resubmitted or twice-imported report): the
        reviewer should keep one, or the 合计 counts the body twice."""
        groups: dict[tuple[str, int | None], list[int]] = {}
        for row in self.rows:
            groups.setdefault((row.key, row.report.year), []).append(row.report.id)
        return [ids for ids in groups.values() if len(ids) > 1]

    def to_frame(self, with_total: bool = True, numbered: bool = True):
        """pandas DataFrame: 序号, 单位, 年度, then one column per indicator header (with unit);
        the last row is 合计 (only summable columns filled)."""
        import pandas as pd

        records = []
        for n, row in enumerate(self.rows, 1):
            rec = {"序号": n, "单位": row.body, "年度": row.report.year}
            for ind in self.indicators:
                cell = row.cells.get(ind.id)
                rec[ind.header()] = None if cell is None else cell.value
            records.append(rec)
        if with_total:
            rec = {"序号": None, "单位": "合计", "年度": self.year}
            for ind in self.indicators:
                rec[ind.header()] = self.totals.get(ind.id)
            records.append(rec)
        columns = ["序号", "单位", "年度", *(ind.header() for ind in self.indicators)]
        frame = pd.DataFrame.from_records(records, columns=columns)
        return frame if numbered else frame.drop(columns="序号")

    def pending_frame(self, with_total: bool = True):
        """Same shape as ``to_frame(numbered=False)``'s indicator columns: True where the value
        is still the detector's (待审), for marking cells in an export."""
        import pandas as pd

        rows = [[bool(r.cells.get(i.id) and r.cells[i.id].pending) for i in self.indicators]
                for r in self.rows]
        if with_total:
            rows.append([False] * len(self.indicators))
        return pd.DataFrame(rows, columns=[i.header() for i in self.indicators])


@dataclass
class YoyRow:
    body: str
    key: str
    indicator: Indicator
    current: float | int | None
    previous: float | int | None
    change: float | int | None
    pct_change: float | None  # 0.125 = +12.5 %; None when last year was 0 or missing
    current_report: int | None
    previous_report: int | None
    pending: bool
    matched_by: str  # 名称 / 审核人指定 / 按单位名推断


# -- reading -----------------------------------------------------------------------------------
def read_inputs(conn: sqlite3.Connection, catalog: list[Indicator],
                choices: dict | None = None, aliases: dict | None = None) -> SummaryInputs:
    reports = [ReportInfo(*r) for r in conn.execute(
        "SELECT id, org, year, published, doc_number, title, file_name, review_state"
        " FROM reports ORDER BY org, year, id")]
    cands = [Candidate(*r) for r in conn.execute(
        "SELECT id, report_id, rev_indicator, rev_value, rev_unit, status, text, start,"
        " rev_subject FROM figures WHERE rev_indicator IS NOT NULL AND status != '已删除'"
        " ORDER BY report_id, start, id")]
    return SummaryInputs(reports, cands, list(catalog), dict(choices or {}), dict(aliases or {}))


# -- cells -------------------------------------------------------------------------------------
def default_mode(ind: Indicator) -> str:
    return "sum" if ind.aggregate == "sum" and ind.kind != "rate" else "first"


def combine(ind: Indicator, cands: list[Candidate], choice: tuple[str, int | None] | None) -> Cell:
    """One report's value for one indicator from its candidate figures (text order)."""
    mode, chosen_fig = choice if choice else (default_mode(ind), None)
    valued = [(c, v) for c in cands if (v := c.value) is not None]  # (candidate, its value)
    used: list[tuple[Candidate, float | int]]
    if mode == "figure":
        used = [cv for cv in valued if cv[0].figure_id == chosen_fig] or valued[:1]
    elif mode == "max":
        used = [max(valued, key=lambda cv: cv[1])] if valued else []
    elif mode == "first":
        used = valued[:1]
    else:
        used = valued
    value: float | int | None = None
    if used:
        total = sum(v for _, v in used)
        value = int(total) if float(total).is_integer() else round(total, 6)
    return Cell(value, mode, choice is not None, [c.figure_id for c, _ in used], cands,
                any(c.status == PENDING for c, _ in used))


def _keys(inputs: SummaryInputs) -> dict[int, tuple[str, str]]:
    """report id → (matching key, how it was matched)."""
    raw = {r.id: body_key(r.org) for r in inputs.reports}
    aliases = {body_key(k) if "|" not in k else k: v for k, v in inputs.aliases.items()}
    resolved = {}
    for rid, k in raw.items():
        r = resolve(k, aliases)
        resolved[rid] = (r, "审核人指定" if r != k else "名称")
    guesses = match_placeless({k for k, _ in resolved.values()})
    return {rid: ((guesses[k], "按单位名推断") if k in guesses else (k, how))
            for rid, (k, how) in resolved.items()}


def summary_table(inputs: SummaryInputs, *, year: int | None = None, area: str | None = None,
                  include_retired: bool = False) -> SummaryTable:
    """Rows: the reports of ``year`` (all years when None), ordered by body; columns: the
    catalogue's indicators of ``area`` (all when None). A retired indicator appears only with
    ``include_retired`` — its mappings stay in the database either way."""
    indicators = [i for i in inputs.catalog
                  if (include_retired or not i.retired) and (area is None or i.area == area)]
    wanted = {i.id for i in indicators}
    by_report: dict[int, dict[str, list[Candidate]]] = {}
    for c in inputs.candidates:
        if c.indicator in wanted:
            by_report.setdefault(c.report_id, {}).setdefault(c.indicator, []).append(c)
    keys = _keys(inputs)
    rows = []
    for rep in inputs.reports:
        if year is not None and rep.year != year:
            continue
        cells = {ind.id: combine(ind, cands, inputs.choices.get((rep.id, ind.id)))
                 for ind in indicators
                 for cands in [by_report.get(rep.id, {}).get(ind.id)] if cands}
        rows.append(SummaryRow(rep, rep.org or "未识别单位", keys[rep.id][0], cells))
    rows.sort(key=lambda r: (r.key, r.report.year or 0, r.report.id))
    totals: dict[str, float | int | None] = {}
    means: dict[str, float | None] = {}
    for ind in indicators:
        values = [v for r in rows if ind.id in r.cells and (v := r.cells[ind.id].value) is not None]
        totals[ind.id] = sum(values) if ind.summable and values else None
        means[ind.id] = (round(sum(values) / len(values), 4)
                         if ind.aggregate == "mean" and values else None)
    return SummaryTable(indicators, rows, totals, means, year, area)


def year_over_year(inputs: SummaryInputs, year: int, *, area: str | None = None,
                   include_retired: bool = False) -> list[YoyRow]:
    """For every body with a report in ``year``: each indicator with a value this year or last
    year, last year's value, the change and the % change."""
    this = summary_table(inputs, year=year, area=area, include_retired=include_retired)
    last = summary_table(inputs, year=year - 1, area=area, include_retired=include_retired)
    how = _keys(inputs)
    previous: dict[str, SummaryRow] = {}
    for row in last.rows:
        previous.setdefault(row.key, row)  # two reports of one body and year: the first
    out = []
    for row in this.rows:
        old = previous.get(row.key)
        for ind in this.indicators:
            cur = row.cells.get(ind.id)
            prev = old.cells.get(ind.id) if old else None
            if cur is None and prev is None:
                continue
            a = cur.value if cur else None
            b = prev.value if prev else None
            change = None if a is None or b is None else _tidy(a - b)
            pct = None if change is None or not b else round(change / b, 4)
            out.append(YoyRow(row.body, row.key, ind, a, b, change, pct, row.report.id,
                              old.report.id if old else None,
                              bool((cur and cur.pending) or (prev and prev.pending)),
                              _matched_by(how, row, old)))
    return out


def _matched_by(how: dict[int, tuple[str, str]], row: SummaryRow,
                old: SummaryRow | None) -> str:
    """How the two years' bodies were paired: the weakest link of either side."""
    sides = {how[row.report.id][1]} | ({how[old.report.id][1]} if old else set())
    for label in ("审核人指定", "按单位名推断"):
        if label in sides:
            return label
    return "名称"


def yoy_frame(rows: list[YoyRow]):
    """pandas DataFrame of ``year_over_year`` for export: one line per body and indicator."""
    import pandas as pd

    return pd.DataFrame.from_records(
        [{"单位": r.body, "指标": r.indicator.name, "单位（计量）": r.indicator.unit,
          "本年": r.current, "上年": r.previous, "增减": r.change, "增减率": r.pct_change,
          "待审": "是" if r.pending else "", "单位匹配": r.matched_by} for r in rows],
        columns=["单位", "指标", "单位（计量）", "本年", "上年", "增减", "增减率", "待审", "单位匹配"])


def _tidy(x: float | int) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)
