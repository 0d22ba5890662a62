"""Body × indicator summary, combining several figures, 合计, year over year, body matching."""
import pytest

from core.indicators.bodies import body_key, match_placeless, resolve
from core.indicators.catalog import default_catalog
from core.indicators.summary import (Candidate, ReportInfo, SummaryInputs, summary_table,
                                     year_over_year, yoy_frame)


def _rep(rid, org, year):
    return ReportInfo(rid, org, year, None, None, None, f"{rid}.txt", "审核中")


def _cand(fid, rid, ind, value, status="已确认", start=None):
    return Candidate(fid, rid, ind, value, "", status, str(value), start or fid * 10, None)


@pytest.fixture
def inputs():
    reports = [_rep(1, "重庆市渝中区民政局", 2023), _rep(2, "渝中区民政局", 2024),
               _rep(3, "兰州市民政局", 2024), _rep(4, "兰州市民政局", 2023)]
    cands = [
        _cand(1, 1, "npc_suggestions", 20), _cand(2, 2, "npc_suggestions", 26),
        _cand(3, 2, "info_disclosed", 230), _cand(4, 2, "info_disclosed", 274, status="待审"),
        _cand(5, 2, "petition_satisfaction_rate", 100), _cand(6, 2, "petition_satisfaction_rate", 98),
        _cand(7, 3, "npc_suggestions", 10), _cand(8, 3, "petition_satisfaction_rate", 90),
        _cand(9, 3, "head_appearance_rate", 100), _cand(10, 2, "head_appearance_rate", 80),
        _cand(11, 4, "npc_suggestions", 0),
    ]
    return SummaryInputs(reports, cands, list(default_catalog()))


def test_body_keys_match_across_spellings():
    assert body_key("重庆市渝中区民政局") == body_key("渝中区民政局") == "渝中|民政局"
    assert body_key("兰州市民政局") == "兰州|民政局"
    assert body_key("深圳市市场监督管理局") == "深圳|市场监督管理局"  # 市场 is not a place
    assert body_key("深圳市光明区人民政府") == body_key("光明区政府")
    assert body_key("区民政局") == "|民政局" and body_key(None) == "|未识别单位"
    assert match_placeless({"|民政局", "渝中|民政局"}) == {"|民政局": "渝中|民政局"}
    assert match_placeless({"|民政局", "渝中|民政局", "兰州|民政局"}) == {}  # ambiguous
    assert resolve("a|x", {"a|x": "b|y", "b|y": "a|x"}) == "b|y"  # a loop stops


def test_cells_combine_by_catalogue_rule_and_mark_pending(inputs):
    table = summary_table(inputs, year=2024)
    assert [r.report.id for r in table.rows] == [3, 2]  # ordered by body key
    row = {r.report.id: r for r in table.rows}[2]
    info = row.cells["info_disclosed"]
    assert info.value == 504 and info.mode == "sum" and info.pending and len(info.candidates) == 2
    rate = row.cells["petition_satisfaction_rate"]
    assert rate.value == 100 and rate.mode == "first" and rate.used == [5] and not rate.pending
    assert rate.figure_id == 5


def test_total_row_never_sums_a_rate(inputs):
    table = summary_table(inputs, year=2024)
    assert table.totals["npc_suggestions"] == 36
    assert table.totals["petition_satisfaction_rate"] is None
    assert table.means["petition_satisfaction_rate"] == 95.0  # mean of per-body rates
    assert table.totals["head_appearance_rate"] is None and table.means["head_appearance_rate"] is None
    frame = table.to_frame()
    assert list(frame["单位"]) == ["兰州市民政局", "渝中区民政局", "合计"]
    assert list(frame["序号"].iloc[:2]) == [1, 2]
    assert frame.loc[2, "人大代表建议办理件数（件）"] == 36
    assert frame["信访投诉办理满意率（%）"].isna().iloc[-1]
    pending = table.pending_frame()
    assert pending.shape == (3, len(table.indicators))
    assert pending.loc[1, "主动公开政府信息条数（条）"] and not pending.loc[0].any()
    assert table.title() == "2024年度法治政府建设主要指标汇总表——全部单位"
    assert table.repeated_bodies() == []


def test_same_body_twice_in_one_year_is_reported(inputs):
    inputs.reports.append(_rep(5, "渝中区民政局", 2024))
    assert summary_table(inputs, year=2024).repeated_bodies() == [[2, 5]]


def test_reviewer_choice_overrides_the_default(inputs):
    inputs.choices[(2, "info_disclosed")] = ("figure", 4)
    inputs.choices[(2, "petition_satisfaction_rate")] = ("max", None)
    row = {r.report.id: r for r in summary_table(inputs, year=2024).rows}[2]
    assert row.cells["info_disclosed"].value == 274 and row.cells["info_disclosed"].chosen
    assert row.cells["petition_satisfaction_rate"].value == 100


def test_area_filter_and_retired_columns(inputs):
    table = summary_table(inputs, year=2024, area="权力制约监督")
    assert {i.area for i in table.indicators} == {"权力制约监督"}
    cat = [i if i.id != "info_disclosed" else type(i)(**{**i.__dict__, "retired": True})
           for i in inputs.catalog]
    inputs.catalog = cat
    assert "info_disclosed" not in {i.id for i in summary_table(inputs).indicators}
    assert "info_disclosed" in {i.id for i in summary_table(inputs, include_retired=True).indicators}


def test_year_over_year_matches_normalised_bodies(inputs):
    rows = year_over_year(inputs, 2024)
    by = {(r.key, r.indicator.id): r for r in rows}
    npc = by[("渝中|民政局", "npc_suggestions")]
    assert (npc.current, npc.previous, npc.change, npc.pct_change) == (26, 20, 6, 0.3)
    assert npc.previous_report == 1 and npc.matched_by == "名称"
    new_only = by[("渝中|民政局", "info_disclosed")]
    assert new_only.previous is None and new_only.change is None and new_only.pending
    zero = by[("兰州|民政局", "npc_suggestions")]
    assert zero.previous == 0 and zero.change == 10 and zero.pct_change is None
    frame = yoy_frame(rows)
    assert list(frame.columns)[:5] == ["单位", "指标", "单位（计量）", "本年", "上年"]


def test_reviewer_alias_joins_renamed_bodies(inputs):
    inputs.reports[0] = _rep(1, "渝中区社会事务局", 2023)  # renamed body: the rule cannot tell
    assert ("渝中|民政局", "npc_suggestions") not in {
        (r.key, r.indicator.id) for r in year_over_year(inputs, 2024) if r.previous is not None}
    inputs.aliases = {"渝中区社会事务局": "渝中区民政局"}
    npc = [r for r in year_over_year(inputs, 2024)
           if r.key == "渝中|民政局" and r.indicator.id == "npc_suggestions"][0]
    assert npc.previous == 20 and npc.matched_by == "审核人指定"
