"""Managing whole reports in the store: the 回收站 (trash, restore, empty, audited), the same
text imported as PDF, DOCX and TXT flagged as duplicates, correcting a report's metadata as an
undoable operation, and the migration that adds the tables."""
from __future__ import annotations

import sqlite3

import pytest

from core.analysis import load_and_analyze
from core.errors import ReportError
from core.review import ops
from core.store import Store, connection, schema
from core.store.fingerprints import sentence_hashes, similarity
from tests.conftest import FIXTURES, SEEDS

WHO = "李审核"



def _import(store, path) -> int:
    return store.import_file(path, analyzer=load_and_analyze).report_id


def test_trash_hides_a_report_restore_brings_it_back_all_audited(store):
    a = _import(store, SEEDS / "000_fae492f318547c6d.txt")
    b = _import(store, SEEDS / "001_3deec8ad648222d9.txt")
    fig = store.list_figures(a)[0]
    store.confirm_figure(fig.id, WHO)
    assert store.trash_report(a, WHO) is True
    assert store.trash_report(a, WHO) is False  # in the bin already
    assert [r.id for r in store.list_reports()] == [b]
    assert [t.id for t in store.list_trash()] == [a] and store.list_trash()[0].deleted_by == WHO
    snap = store.export_snapshot()
    assert {r[0] for r in snap.summary} == {b} and {r[0] for r in snap.figures} == {b}
    assert a not in snap.reports
    assert all(r.id != a for r in store.summary_inputs().reports)
    assert store.restore_report(a, WHO) is True
    assert {r.id for r in store.list_reports()} == {a, b}
    assert store.get_figure(fig.id).status == "已确认"  # the review work came back with it
    actions = [(h.action, h.reviewer) for h in store.report_history(a) if h.entity == "report"]
    assert ("trash", WHO) in actions and ("untrash", WHO) in actions


def test_emptying_the_bin_deletes_for_good_and_keeps_the_audit(store):
    a = _import(store, FIXTURES / "001_jizhou.docx")
    b = _import(store, SEEDS / "001_3deec8ad648222d9.txt")
    original = store.original_path(a)
    assert original is not None and original.is_file()
    store.trash_report(a, WHO)
    assert store.empty_trash(WHO) == 1
    assert store.list_trash() == [] and [r.id for r in store.list_reports()] == [b]
    with pytest.raises(ReportError):
        store.get_report(a)
    assert store.conn.execute("SELECT count(*) FROM figures WHERE report_id = ?", (a,)).fetchone()[0] == 0
    assert not original.exists()
    assert [h.action for h in store.report_history(a)][-1] == "purge"  # the log outlives it
    assert store.empty_trash(WHO, [b]) == 0  # only reports in the bin are ever deleted
    assert store.get_report(b).id == b


def test_one_report_as_pdf_docx_and_txt_is_flagged_as_duplicates(store):
    ids = [_import(store, FIXTURES / name) for name in
           ("003_lanzhou.pdf", "003_lanzhou.docx", "003_lanzhou.gb18030.txt")]
    other = _import(store, FIXTURES / "004_jiulongpo.docx")
    dups = store.duplicate_map()
    for rid in ids:
        assert sorted(dups[rid]) == sorted(i for i in ids if i != rid)
    assert other not in dups
    store.trash_report(ids[0], WHO)  # a copy in the bin no longer counts
    assert sorted(store.duplicate_map()[ids[1]]) == [ids[2]]


def test_fingerprint_ignores_layout_but_not_content():
    text = "一、工作情况。今年共办理案件120件，同比增长5%；审查规范性文件30件！"
    relaid = "一、工作情况。\n今年共办理案件１２０件，\n同比增长５％；审查规范性\n文件30件！"
    assert similarity(set(sentence_hashes(text)), set(sentence_hashes(relaid))) == 1.0
    changed = "一、工作情况。今年共办理案件121件，同比增长5%；审查规范性文件31件！"
    assert similarity(set(sentence_hashes(text)), set(sentence_hashes(changed))) < 0.5


def test_edit_report_meta_is_audited_and_undoable(store):
    rid = _import(store, SEEDS / "000_fae492f318547c6d.txt")
    detected = store.get_report(rid).org
    op = ops.EditReportMeta(rid, "org", "重庆市渝中区人民政府")
    changes = op.do(store, WHO)
    assert changes.report and changes.report_id == rid and not op.noop
    assert store.get_report(rid).org == "重庆市渝中区人民政府"
    op.undo(store, WHO)
    assert store.get_report(rid).org == detected
    op.redo(store, WHO)
    assert store.get_report(rid).org == "重庆市渝中区人民政府"
    rows = [(h.action, h.field, h.old, h.new) for h in store.report_history(rid)
            if h.field == "org"]
    assert rows == [("edit", "org", detected, "重庆市渝中区人民政府"),
                    ("undo", "org", "重庆市渝中区人民政府", detected),
                    ("redo", "org", detected, "重庆市渝中区人民政府")]
    same = ops.EditReportMeta(rid, "org", "重庆市渝中区人民政府")
    assert not same.do(store, WHO) and same.noop


def test_year_must_be_a_year_and_empty_text_clears(store):
    rid = _import(store, SEEDS / "000_fae492f318547c6d.txt")
    assert ops.EditReportMeta(rid, "year", "2024年").do(store, WHO)
    assert store.get_report(rid).year == 2024
    for bad in ("二〇二四", "24", "abcd"):
        with pytest.raises(ReportError) as err:
            ops.EditReportMeta(rid, "year", bad).do(store, WHO)
        assert "年度" in err.value.message
    assert store.get_report(rid).year == 2024
    ops.EditReportMeta(rid, "doc_number", "  ").do(store, WHO)
    assert store.get_report(rid).doc_number is None
    with pytest.raises(ValueError):
        ops.EditReportMeta(rid, "file_name", "x")


def test_database_before_the_bin_migrates_and_keeps_its_reports(tmp_path):
    k = schema.MIGRATIONS.index(schema.SCHEMA_TRASH_FINGERPRINTS)
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for step in schema.MIGRATIONS[:k]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {k}")
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    text = (SEEDS / "000_fae492f318547c6d.txt").read_text(encoding="utf-8")
    for i in (1, 2):  # the same text twice, stored before fingerprints existed
        conn.execute("INSERT INTO reports (sha256, file_name, source_path, format, imported_at,"
                     " detected_at, org, year, text) VALUES (?, ?, ?, 'txt', 't', 't', '某局', 2023, ?)",
                     (f"sha{i}", f"{i}.txt", f"{i}.txt", text))
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert [r.id for r in store.list_reports()] == [1, 2]
        assert store.duplicate_map() == {1: [2], 2: [1]}  # fingerprints filled in on first use
        assert store.trash_report(1, WHO) and [r.id for r in store.list_reports()] == [2]


def test_many_copies_cost_one_comparison_each_and_stay_grouped(monkeypatch):
    """30 copies each of three texts (one sentence changed per copy) in one body and year: each
    copy is compared with the first copy of each text, not with every other copy."""
    from core.store import fingerprints

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, org TEXT, year INTEGER)")
    conn.execute("CREATE TABLE report_fingerprints (report_id INTEGER PRIMARY KEY, sentences INTEGER,"
                 " hashes BLOB)")
    texts = {name: [f"{name}区第{i}项工作完成情况良好共计{i * 7}件" for i in range(60)] for name in "甲乙丙"}
    rid, members = 0, {}
    for copy in range(30):
        for name, sentences in texts.items():
            rid += 1
            changed = list(sentences)
            changed[copy] = f"{name}区第{copy}项工作完成情况良好共计{copy * 7 + 1}件"  # one digit differs
            conn.execute("INSERT INTO reports VALUES (?, '某区司法局', 2023)", (rid,))
            fingerprints.save(conn, rid, "。".join(changed) + "。")
            members.setdefault(name, []).append(rid)
    rid += 1
    conn.execute("INSERT INTO reports VALUES (?, '某区司法局', 2023)", (rid,))
    fingerprints.save(conn, rid, "。".join(f"另一份报告的第{i}句话内容各不相同" for i in range(60)) + "。")
    calls = []
    real = fingerprints.similarity
    monkeypatch.setattr(fingerprints, "similarity", lambda a, b: calls.append(1) or real(a, b))
    dups = fingerprints.duplicate_map(conn)
    for ids in members.values():
        for i in ids:
            assert dups[i] == [j for j in ids if j != i]
    assert rid not in dups
    assert len(calls) <= 3 * rid  # all pairs would be 91 * 90 / 2 = 4,095
