"""Review operations: detected vs reviewed fields, statuses, audit rows, undo, anchors."""
import pytest

from bench.store_samples import write_sample
from core.errors import ReportError



@pytest.fixture
def report(store, tmp_path):
    path, doc, ext = write_sample(tmp_path, 1, pdf=True)
    result = store.add_report(doc, ext, source_path=str(path))
    return result.report_id


def test_import_stores_everything_and_dedups(store, tmp_path, report):
    path = tmp_path / "sample_0001.txt"
    _p, doc, ext = write_sample(tmp_path, 1, pdf=True)
    again = store.add_report(doc, ext, source_path=str(path))
    assert again.report_id == report and not again.created
    assert len(store.list_reports()) == 1
    loaded = store.load_report(report)
    assert loaded.document.text == doc.text
    assert loaded.document.blocks == doc.blocks
    assert list(loaded.document.boxes.x0) == list(doc.boxes.x0)
    assert loaded.document.boxes.rects(0, 5) == doc.boxes.rects(0, 5)
    assert len(loaded.sections) == len(ext.sections) and len(loaded.figures) == len(ext.figures)
    assert loaded.anchor_problems == []
    assert loaded.figures[0].page == 0
    rec = loaded.report
    assert (rec.org, rec.year, rec.review_state, rec.format) == ("某区司法局", 2024, "未审", "pdf")


def test_original_copy_survives_source_move(store, tmp_path, report):
    (tmp_path / "sample_0001.txt").rename(tmp_path / "moved.txt")
    stored = store.original_path(report)
    assert stored is not None and stored.parent.name == "reports_originals"
    assert stored.read_text(encoding="utf-8") == store.load_document(report).text


def test_edit_value_parses_chinese_and_is_audited(store, report):
    fig = store.list_figures(report)[0]
    new = store.update_figure(fig.id, "张三", value="3.2万")
    assert new.value == 32000 and new.det_value == fig.det_value
    assert new.status == "已修改" and new.reviewer == "张三" and new.reviewed_at
    assert store.update_figure(fig.id, "张三", value="两千三百").value == 2300
    with pytest.raises(ReportError):
        store.update_figure(fig.id, "张三", value="很多")
    rows = store.figure_history(fig.id)
    assert [(r.field, r.old, r.new) for r in rows if r.field == "value"] == [
        ("value", fig.det_value, 32000), ("value", 32000, 2300)]
    assert store.get_report(report).review_state == "审核中"  # first decision starts the review


def test_confirm_delete_restore_reset(store, report):
    fig = store.list_figures(report)[1]
    assert store.confirm_figure(fig.id, "李四").status == "已确认"
    deleted = store.delete_figure(fig.id, "李四")
    assert deleted.status == "已删除"
    assert fig.id in [f.id for f in store.list_figures(report)]  # hidden, not destroyed
    assert fig.id not in [f.id for f in store.list_figures(report, include_deleted=False)]
    assert store.restore_figure(fig.id, "李四").status == "已确认"
    store.update_figure(fig.id, "李四", unit="项", qualifier="约")
    reset = store.reset_figure(fig.id, "李四")
    assert (reset.value, reset.unit, reset.qualifier, reset.status) == (
        fig.det_value, fig.det_unit, fig.det_qualifier, "待审")


def test_undo_by_setting_old_values(store, report):
    fig = store.list_figures(report)[2]
    store.update_figure(fig.id, "王五", value=1, subject="别的", qualifier="约")
    back = store.update_figure(fig.id, "王五", value=fig.value, subject=fig.subject,
                               qualifier=fig.qualifier, status=fig.status)
    assert (back.value, back.subject, back.qualifier, back.status) == (
        fig.value, fig.subject, fig.qualifier, "待审")
    assert len(store.figure_history(fig.id)) == 8  # 3 fields + status there, 3 + status back


def test_manual_figure_and_confirm_section(store, report):
    doc = store.load_document(report)
    start = doc.text.index("某区司法局")
    manual = store.add_figure(report, start, start + 5, "赵六", value="十五", unit="个")
    assert manual.status == "人工新增" and manual.value == 15 and manual.text == "某区司法局"
    assert manual.det_value is None
    with pytest.raises(ReportError):
        store.reset_figure(manual.id, "赵六")
    assert store.restore_figure(store.delete_figure(manual.id, "赵六").id, "赵六").status == "人工新增"
    with pytest.raises(ReportError):
        store.add_figure(report, 10, 10_000_000, "赵六", value=1)
    sections = store.list_sections(report)
    part2 = sections[2]  # 二、… : its own figures only, not the next part's
    done = store.confirm_pending_in_section(part2.id, "赵六")
    assert len(done) == 4 and all(f.status == "已确认" for f in done)
    summary = {s.id: s for s in store.list_reports()}[report]
    assert (summary.confirmed, summary.manual, summary.pending) == (4, 1, 12)


def test_section_edits_keep_detected_apart(store, report):
    sec = store.list_sections(report)[0]
    edited = store.update_section(sec.id, "孙七", level=2, kind="other")
    assert (edited.level, edited.kind, edited.det_level, edited.det_kind) == (2, "other", 1, "measures")
    assert "measures" in store.missing_parts(report)
    removed = store.remove_section(sec.id, "孙七")
    assert removed.removed and sec.id in [s.id for s in store.list_sections(report)]
    assert sec.id not in [s.id for s in store.list_sections(report, include_removed=False)]
    back = store.reset_section(sec.id, "孙七")
    assert (back.level, back.kind, back.removed) == (1, "measures", False)
    assert store.missing_parts(report) == []
    text = store.load_document(report).text
    start = text.index("全年审核")
    added = store.add_heading(report, start, start + 4, 3, "孙七")
    assert added.origin == "manual" and added.text == "全年审核" and added.level == 3
    assert [r.action for r in store.section_history(sec.id)] == [
        "edit", "edit", "remove", "reset", "reset", "reset"]
    with pytest.raises(ReportError):
        store.update_section(sec.id, "孙七", kind="nonsense")


def test_review_state_and_meta(store, report):
    assert store.set_review_state(report, "审核中", "甲").review_state == "审核中"
    done = store.set_review_state(report, "已审核", "甲")
    assert done.review_state == "已审核" and done.reviewer == "甲"
    with pytest.raises(ReportError):
        store.set_review_state(report, "完成", "甲")
    assert store.set_report_meta(report, "year", "2023", "甲").year == 2023
    assert [(r.field, r.old, r.new) for r in store.report_history(report) if r.action != "import"] == [
        ("review_state", "未审", "审核中"), ("review_state", "审核中", "已审核"), ("year", 2024, 2023)]


def test_anchor_mismatch_is_reported_not_shifted(store, report):
    fig = store.list_figures(report)[0]
    store.conn.execute("UPDATE figures SET start = start + 1, \"end\" = \"end\" + 1 WHERE id = ?",
                       (fig.id,))
    loaded = store.load_report(report)
    bad = [f for f in loaded.figures if f.id == fig.id][0]
    assert not bad.anchor_ok and bad.start == fig.start + 1  # reported, left where it was
    assert len(loaded.anchor_problems) == 1 and fig.text in loaded.anchor_problems[0]
    assert not store.get_figure(fig.id).anchor_ok


def test_failed_action_changes_nothing(store, report):
    fig = store.list_figures(report)[0]
    before = store.figure_history(fig.id)
    with pytest.raises(ReportError):
        store.update_figure(fig.id, "甲", value="不是数", unit="项")
    assert store.get_figure(fig.id).unit == fig.unit and store.figure_history(fig.id) == before


def test_sqlite_error_rolls_back_and_is_reported(store, report):
    from core.store import connection

    fig = store.list_figures(report)[0]
    with pytest.raises(ReportError) as info, connection.transaction(store.conn):
        store.conn.execute("UPDATE figures SET rev_unit = 'x' WHERE id = ?", (fig.id,))
        store.conn.execute("INSERT INTO figures (report_id) VALUES (NULL)")  # NOT NULL fails
    assert info.value.code == "database" and "未保存" in info.value.message
    assert store.get_figure(fig.id).unit == fig.unit and not store.conn.in_transaction


def test_store_belongs_to_its_thread(store):
    import threading

    errors = []
    thread = threading.Thread(target=lambda: errors.append(_try(store.list_reports)))
    thread.start()
    thread.join()
    assert errors and errors[0] is not None  # a worker thread must open its own Store


def _try(fn):
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the test inspects it
        return exc
    return None


def test_update_figures_is_one_transaction(store, report):
    """A batch (the GUI's undo of "confirm section") applies wholly or not at all, audited as given."""
    rid = report
    a, b = store.list_figures(rid)[:2]
    done = store.update_figures([(a.id, {"status": "已确认"}), (b.id, {"status": "已确认"})],
                                "王五", action="redo")
    assert [r.status for r in done] == ["已确认", "已确认"]
    with pytest.raises(ReportError):
        store.update_figures([(a.id, {"status": "待审"}), (b.id, {"status": "不存在的状态"})],
                             "王五", action="undo")
    assert store.get_figure(a.id).status == "已确认"  # the first change was rolled back
    assert [r.action for r in store.figure_history(a.id) if r.field == "status"] == ["redo"]
