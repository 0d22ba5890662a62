"""The report list reads trigger-kept tallies: they must always equal a count of the rows."""
import sqlite3

from bench.store_samples import write_sample
from core.store import Store, figures, reports, schema, sections
from core.store.records import FIGURE_STATUSES


def _counted(conn):
    figs = {(r, s): n for r, s, n in conn.execute(
        "SELECT report_id, status, count(*) FROM figures GROUP BY report_id, status")}
    kinds = {(r, k): n for r, k, n in conn.execute(
        "SELECT report_id, rev_kind, count(*) FROM sections WHERE removed = 0"
        " AND rev_kind IS NOT NULL GROUP BY report_id, rev_kind")}
    return figs, kinds


def _tallied(conn):
    figs = {(r, s): n for r, s, n in conn.execute("SELECT * FROM figure_counts WHERE n != 0")}
    kinds = {(r, k): n for r, k, n in conn.execute("SELECT * FROM section_kinds WHERE n != 0")}
    return figs, kinds


def _list_by_hand(store):
    """The list as the old queries computed it (figures and sections scanned)."""
    figs, _kinds = _counted(store.conn)
    missing = {}
    for rid, in store.conn.execute("SELECT id FROM reports"):
        live = {k for k, in store.conn.execute(
            "SELECT rev_kind FROM sections WHERE report_id = ? AND removed = 0"
            " AND rev_kind IS NOT NULL", (rid,))}
        missing[rid] = [k for k in ("measures", "shortcomings", "leader_duty", "plan")
                        if k not in live]
    return figs, missing


def test_tallies_follow_every_kind_of_change(tmp_path):
    with Store(tmp_path / "db.sqlite3") as store:
        ids = []
        for seed in range(3):
            path, doc, ext = write_sample(tmp_path, seed, figures_per_part=6)
            ids.append(store.add_report(doc, ext, source_path=str(path)).report_id)
        assert _tallied(store.conn) == _counted(store.conn)
        figs = store.list_figures(ids[0])
        store.confirm_figure(figs[0].id, "甲")
        store.update_figure(figs[1].id, "甲", value=7)
        store.delete_figure(figs[2].id, "甲")
        store.delete_figure(figs[3].id, "甲")
        store.restore_figure(figs[3].id, "甲")
        store.reset_figure(figs[1].id, "甲")
        store.add_figure(ids[0], figs[4].start, figs[4].end, "甲", value=1)
        secs = store.list_sections(ids[0])
        store.remove_section(secs[0].id, "甲")
        store.update_section(secs[2].id, "甲", kind=None)
        store.update_section(secs[4].id, "甲", kind="plan")
        store.restore_section(secs[0].id, "甲")
        store.remove_section(secs[6].id, "甲")
        assert _tallied(store.conn) == _counted(store.conn)
        # re-detection drops untouched proposals and adds new ones
        _p, doc, ext = write_sample(tmp_path, 0, figures_per_part=3)
        store.redetect(ids[1], doc, ext, "甲")
        assert _tallied(store.conn) == _counted(store.conn)
        # a replaced report's rows go away with it
        store.replace_report(ids[1], ids[2], "甲")
        assert _tallied(store.conn) == _counted(store.conn)
        summaries = {r.id: r for r in store.list_reports()}
        by_hand, missing = _list_by_hand(store)
        for rid, summary in summaries.items():
            got = dict(zip(FIGURE_STATUSES, (summary.pending, summary.confirmed,
                                             summary.modified, summary.deleted, summary.manual), strict=True))
            want = {s: by_hand.get((rid, s), 0) for s in FIGURE_STATUSES}
            assert got == want
            assert summary.missing_parts == missing[rid]
        assert summaries[ids[0]].missing_parts == ["shortcomings", "leader_duty"]


def test_migration_fills_tallies_from_existing_rows(tmp_path):
    db = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    previous = schema.MIGRATIONS.index(schema.SCHEMA_V5_RELIABILITY)  # the version before it
    for step in schema.MIGRATIONS[:previous]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {previous}")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    for seed in range(2):
        path, doc, ext = write_sample(tmp_path, seed)
        rid = reports.insert_report(conn, doc, ext, sha256=f"{seed:064d}", source_path=str(path),
                                    original_file=None, reviewer="旧版")
        sections.insert_detected(conn, rid, doc.text, ext.sections)
        figures.insert_detected(conn, rid, doc, ext.figures)
    conn.execute("UPDATE figures SET status = '已确认' WHERE id % 3 = 0")
    conn.execute("UPDATE sections SET removed = 1 WHERE id = 1")
    conn.close()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert _tallied(store.conn) == _counted(store.conn)
        assert sum(r.confirmed for r in store.list_reports()) > 0
        assert store.list_reports()[0].missing_parts == ["measures"]
