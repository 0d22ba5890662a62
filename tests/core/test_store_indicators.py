"""Indicator data in the store: catalogue edits, figure mappings (audited, undoable, kept by
re-detection), the review opinion, body aliases, choices, and the migration from schema v2."""
import copy
import sqlite3

import pytest

from bench.store_samples import write_sample
from core.errors import ReportError
from core.store import Store, connection, schema



def _report(store, tmp_path, seed=1, indicators=("normative_docs_reviewed", None)):
    path, doc, ext = write_sample(tmp_path, seed)
    for i, f in enumerate(ext.figures):
        f.indicator = indicators[i % len(indicators)]
    return store.add_report(doc, ext, source_path=str(path)).report_id, doc, ext


def test_catalogue_seeded_from_default_and_editable(store):
    cats = store.list_indicators()
    assert len(cats) == 45 and cats[0].id == "rol_meetings"
    renamed = store.update_indicator("legal_advisers", "甲", name="聘请法律顾问人数")
    assert renamed.name == "聘请法律顾问人数" and renamed.id == "legal_advisers"
    added = store.add_indicator("甲", id="ombudsman_visits", name="接访次数", unit="次",
                                kind="count", aggregate="sum", cues=["接访", " "])
    assert added.cues == ("接访",) and store.list_indicators()[-1].id == "ombudsman_visits"
    retired = store.retire_indicator("pufa_audience", "乙")
    assert retired.retired
    assert "pufa_audience" not in {i.id for i in store.list_indicators(include_retired=False)}
    assert "pufa_audience" in {i.id for i in store.list_indicators()}  # history keeps it
    rows = store.catalog_history()
    assert [(r["action"], r["field"], r["key"]) for r in rows] == [
        ("edit", "name", "legal_advisers"), ("add", None, "ombudsman_visits"),
        ("retire", "retired", "pufa_audience")]
    assert rows[0]["old"] == "法律顾问人数" and rows[0]["reviewer"] == "甲"


def test_catalogue_refuses_bad_edits_without_writing(store):
    with pytest.raises(ReportError):
        store.add_indicator("甲", id="x y", name="坏编号")
    with pytest.raises(ReportError):
        store.add_indicator("甲", id="legal_advisers", name="重复")
    with pytest.raises(ReportError):
        store.add_indicator("甲", id="new_rate", name="某率", unit="%", kind="rate",
                            aggregate="sum")
    with pytest.raises(ReportError):
        store.update_indicator("head_appearance_rate", "甲", aggregate="sum")
    with pytest.raises(ReportError):
        store.update_indicator("legal_advisers", "甲", name=" ")
    assert store.catalog_history() == []


def test_figure_indicator_stored_audited_and_undoable(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path)
    fig = store.list_figures(rid)[0]
    assert (fig.det_indicator, fig.indicator, fig.indicator_reviewer) == (
        "normative_docs_reviewed", "normative_docs_reviewed", None)
    changed = store.set_figure_indicator(fig.id, "legality_reviews", "甲")
    assert changed.indicator == "legality_reviews" and changed.det_indicator == "normative_docs_reviewed"
    assert changed.indicator_reviewer == "甲" and changed.status == fig.status
    cleared = store.set_figure_indicator(fig.id, None, "甲")
    assert cleared.indicator is None
    undone = store.set_figure_indicator(fig.id, "legality_reviews", "甲", action="undo")
    assert undone.indicator == "legality_reviews"
    rows = [(r.action, r.old, r.new) for r in store.figure_history(fig.id) if r.field == "indicator"]
    assert rows == [("edit", "normative_docs_reviewed", "legality_reviews"),
                    ("edit", "legality_reviews", None), ("undo", None, "legality_reviews")]
    assert store.get_report(rid).review_state == "审核中"
    reset = store.reset_figure_indicator(fig.id, "甲")
    assert reset.indicator == "normative_docs_reviewed" and reset.indicator_reviewer is None
    with pytest.raises(ReportError):
        store.set_figure_indicator(fig.id, "no_such_indicator", "甲")


def test_retired_indicator_cannot_take_new_figures(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path)
    figs = store.list_figures(rid)
    store.retire_indicator("normative_docs_reviewed", "甲")
    with pytest.raises(ReportError):
        store.set_figure_indicator(figs[1].id, "normative_docs_reviewed", "甲")
    # a figure already mapped to it keeps the mapping (history)
    assert store.get_figure(figs[0].id).indicator == "normative_docs_reviewed"


def test_redetection_keeps_the_reviewers_mapping(store, tmp_path):
    rid, doc, ext = _report(store, tmp_path)
    figs = store.list_figures(rid)
    store.set_figure_indicator(figs[0].id, "legality_reviews", "甲")
    new = copy.deepcopy(ext)
    new.figures[0].indicator = "normative_docs_filed"  # detector changed its mind on both
    new.figures[2].indicator = "normative_docs_filed"
    store.redetect(rid, doc, new, "重新识别")
    after = {f.id: f for f in store.list_figures(rid)}
    assert after[figs[0].id].indicator == "legality_reviews"  # the reviewer's choice stands
    assert after[figs[0].id].det_indicator == "normative_docs_filed"
    assert after[figs[2].id].indicator == "normative_docs_filed"  # untouched: follows detector
    hist = [(r.action, r.field, r.new) for r in store.figure_history(figs[0].id)]
    assert ("redetect", "det_indicator", "normative_docs_filed") in hist


def test_opinion_saved_and_audited(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path)
    assert store.get_opinion(rid) == ""
    assert store.set_opinion(rid, "  请补充第一责任人职责部分。 ", "甲") == "请补充第一责任人职责部分。"
    assert store.get_opinion(rid) == "请补充第一责任人职责部分。"
    store.set_opinion(rid, "", "甲", action="undo")
    rows = [(r.action, r.field, r.old, r.new) for r in store.report_history(rid)
            if r.field == "opinion"]
    assert rows == [("edit", "opinion", None, "请补充第一责任人职责部分。"),
                    ("undo", "opinion", "请补充第一责任人职责部分。", None)]


def test_alias_and_choice_are_decisions(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path)
    store.set_body_alias("光明新区管委会", "深圳市光明区人民政府", "甲")
    assert store.body_aliases() == {"光明新区管委会": "深圳市光明区人民政府"}
    store.set_body_alias("光明新区管委会", None, "甲", action="undo")
    assert store.body_aliases() == {}
    assert [r["action"] for r in store.catalog_history("body_alias")] == ["edit", "undo"]
    fig = store.list_figures(rid)[0]
    store.set_indicator_choice(rid, "normative_docs_reviewed", "figure", "甲", figure_id=fig.id)
    assert store.indicator_choices() == {(rid, "normative_docs_reviewed"): ("figure", fig.id)}
    with pytest.raises(ReportError):
        store.set_indicator_choice(rid, "normative_docs_reviewed", "average", "甲")
    store.set_indicator_choice(rid, "normative_docs_reviewed", None, "甲")
    assert store.indicator_choices() == {}
    rows = [r for r in store.report_history(rid) if r.field == "indicator_choice:normative_docs_reviewed"]
    assert [(r.old, r.new) for r in rows] == [(None, {"mode": "figure", "figure_id": fig.id}),
                                              ({"mode": "figure", "figure_id": fig.id}, None)]


def test_version_2_database_migrates_to_indicators(tmp_path):
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for statement in schema.SCHEMA_V1 + schema.SCHEMA_V2:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    _sample, doc, ext = write_sample(tmp_path, 3)
    conn.execute("INSERT INTO reports (sha256, file_name, source_path, format, imported_at,"
                 " detected_at, text) VALUES ('x', 'a.txt', 'a.txt', 'txt', 't', 't', ?)",
                 (doc.text,))
    f = ext.figures[0]
    conn.execute('INSERT INTO figures (report_id, text, start, "end", det_value, rev_value, status)'
                 " VALUES (1, ?, ?, ?, ?, ?, '已确认')", (f.text, f.start, f.end, f.value, f.value))
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        old = store.list_figures(1)[0]
        assert old.status == "已确认" and old.indicator is None and old.det_indicator is None
        assert store.set_figure_indicator(old.id, "normative_docs_reviewed", "甲").indicator
        assert store.set_opinion(1, "意见", "甲") == "意见"
        assert len(store.list_indicators()) == 45
    assert list(tmp_path.glob("db.sqlite3.v2-*.bak"))


def test_remap_uses_the_current_catalogue_and_keeps_reviewer_choices(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path, indicators=(None,))
    figs = store.list_figures(rid)
    assert all(f.indicator is None for f in figs)
    store.set_figure_indicator(figs[1].id, "law_training_sessions", "甲")
    changed = store.remap_indicators(rid, "甲")
    after = {f.id: f for f in store.list_figures(rid)}
    # the sample's "全年审核规范性文件N件" figures map by the shipped rules
    assert after[figs[0].id].indicator == "normative_docs_reviewed" and changed >= 1
    assert after[figs[1].id].indicator == "law_training_sessions"  # reviewer's choice stands
    store.add_indicator("甲", id="study_sessions", name="学法活动次数", unit="次", cues=["学法活动"])
    store.remap_indicators(rid, "甲")
    assert store.get_figure(figs[1].id).det_indicator == "study_sessions"
    assert store.get_figure(figs[1].id).indicator == "law_training_sessions"
    assert store.remap_indicators(rid, "甲") == 0  # idempotent


def test_explain_gives_a_reason_per_figure(store, tmp_path):
    rid, _doc, _ext = _report(store, tmp_path)
    reasons = store.explain_indicators(rid)
    figs = store.list_figures(rid)
    assert set(reasons) == {f.id for f in figs}
    assert "规范性文件" in reasons[figs[0].id] or "审核" in reasons[figs[0].id]
    plan = [f for f in figs if f.start > store.load_document(rid).text.index("四、")]
    assert all(reasons[f.id].startswith("不对应指标") for f in plan)
