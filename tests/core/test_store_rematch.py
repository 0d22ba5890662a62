"""Re-running detection keeps every reviewer decision and flags what no longer matches."""
import copy

from bench.store_samples import write_sample
from core.document import Document
from core.store import Store


def _setup(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    path, doc, ext = write_sample(tmp_path, 2)
    rid = store.add_report(doc, ext, source_path=str(path)).report_id
    return store, rid, doc, ext


def test_same_detection_changes_nothing(tmp_path):
    store, rid, doc, ext = _setup(tmp_path)
    figs = store.list_figures(rid)
    store.update_figure(figs[0].id, "甲", value=7)
    before = store.list_figures(rid)
    summary = store.redetect(rid, doc, copy.deepcopy(ext), "重新识别")
    assert summary.kept == len(figs) and summary.added == 0 and not summary.stale
    assert store.list_figures(rid) == before
    store.close()


def test_decisions_kept_and_unmatched_flagged(tmp_path):
    store, rid, doc, ext = _setup(tmp_path)
    figs = store.list_figures(rid)
    store.update_figure(figs[0].id, "甲", value=7)  # reviewed, still detected
    store.confirm_figure(figs[1].id, "甲")  # reviewed, will vanish from detection
    new = copy.deepcopy(ext)
    vanished = new.figures.pop(1)
    untouched_gone = new.figures.pop(1)  # figs[2]: pending, no review work
    new.figures[0].subject = "新主体"  # detector now reads it differently
    summary = store.redetect(rid, doc, new, "重新识别")
    assert summary.stale == [figs[1].id] and summary.dropped == 1
    after = {f.id: f for f in store.list_figures(rid)}
    assert after[figs[0].id].value == 7 and after[figs[0].id].status == "已修改"
    assert after[figs[0].id].det_subject == "新主体" and after[figs[0].id].subject == figs[0].subject
    assert after[figs[1].id].stale and after[figs[1].id].status == "已确认"
    assert figs[2].id not in after
    assert vanished.text == figs[1].text and untouched_gone.text == figs[2].text
    # a figure the reviewer touched keeps its audit rows; the stale flag is audited too
    assert [r.action for r in store.figure_history(figs[1].id)][-1] == "stale"
    store.close()


def test_changed_text_reanchors_explicitly(tmp_path):
    store, rid, doc, ext = _setup(tmp_path)
    fig = store.list_figures(rid)[3]
    store.update_figure(fig.id, "甲", qualifier="约")
    shift = "（网页版）"
    text = shift + doc.text
    new_doc = Document(source=doc.source, format="txt", text=text)
    new = copy.deepcopy(ext)
    new.text = text
    for item in new.figures + new.sections:
        item.start += len(shift)
        item.end += len(shift)
    summary = store.redetect(rid, new_doc, new, "重新识别")
    assert fig.id in summary.moved and not summary.stale
    loaded = store.load_report(rid)
    assert loaded.anchor_problems == []
    moved = [f for f in loaded.figures if f.id == fig.id][0]
    assert moved.start == fig.start + len(shift) and moved.qualifier == "约"
    assert any(r.action == "reanchor" for r in store.figure_history(fig.id))
    store.close()


def test_new_figures_are_added_pending(tmp_path):
    store, rid, doc, ext = _setup(tmp_path)
    new = copy.deepcopy(ext)
    extra = copy.deepcopy(new.figures[0])
    extra.start, extra.end = 0, 2
    extra.text = doc.text[0:2]
    new.figures.insert(0, extra)
    summary = store.redetect(rid, doc, new, "重新识别")
    assert summary.added == 1
    assert store.list_figures(rid)[0].status == "待审"
    store.close()
