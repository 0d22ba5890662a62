"""A report re-sent with one character changed: found by body and year, kept or replaced."""
import subprocess
import sys
from pathlib import Path

from core.store import Store

ROOT = Path(__file__).resolve().parents[2]
REPORT = ("某县司法局2024年法治政府建设年度报告\n一、主要举措和成效\n"
          "全年审核规范性文件12件，组织学法活动5次，培训执法人员300人次。\n"
          "办理行政复议案件41件，化解矛盾纠纷86起。\n"
          "二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
          "四、下一年度主要安排\n")


def _imp(store, path):
    """Import one file the way the command line does (load and detect in this process)."""
    from core.analysis import load_and_analyze

    return store.import_file(path, analyzer=load_and_analyze)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _reviewed_first_version(store: Store, tmp_path: Path) -> tuple[int, dict]:
    rid = _imp(store, _write(tmp_path / "v1", "报告.txt", REPORT)).report_id
    figs = {f.text: f for f in store.list_figures(rid)}
    store.confirm_figure(figs["12件"].id, "张三")
    store.update_figure(figs["5次"].id, "张三", value=6)
    store.delete_figure(figs["86起"].id, "张三")
    return rid, figs


def test_same_body_and_year_is_reported_and_both_kept_by_default(tmp_path):
    with Store(tmp_path / "db.sqlite3") as store:
        rid, _ = _reviewed_first_version(store, tmp_path)
        changed = REPORT.replace("化解矛盾", "调解矛盾")  # one character
        result = _imp(store, _write(tmp_path / "v2", "报告（修改）.txt", changed))
        assert result.created and result.report_id != rid
        assert [e.report_id for e in result.earlier] == [rid]
        assert "报告.txt" in result.earlier[0].describe()
        assert len(store.list_reports()) == 2
        other = _imp(store, _write(tmp_path / "v3", "别的单位.txt",
                                         REPORT.replace("某县司法局", "某市财政局")))
        assert other.earlier == []


def test_replace_keeps_decisions_and_the_earlier_id(tmp_path):
    with Store(tmp_path / "db.sqlite3") as store:
        rid, _figs = _reviewed_first_version(store, tmp_path)
        first_sha = store.get_report(rid).sha256
        changed = REPORT.replace("化解矛盾", "调解矛盾").replace("300人次", "320人次")
        new = _imp(store, _write(tmp_path / "v2", "报告（修改）.txt", changed))
        summary = store.replace_report(rid, new.report_id, "李四")
        assert [r.id for r in store.list_reports()] == [rid]
        record = store.get_report(rid)
        assert record.file_name == "报告（修改）.txt" and record.sha256 != first_sha
        assert store.load_document(rid).text.replace("\r\n", "\n").startswith(changed[:20])
        after = {f.text: f for f in store.list_figures(rid)}
        assert after["12件"].status == "已确认"
        assert after["5次"].status == "已修改" and after["5次"].value == 6
        assert after["86起"].status == "已删除"
        assert "320人次" in after and "300人次" not in after  # the corrected figure is new
        assert summary.kept >= 3
        actions = [(r.action, r.reviewer) for r in store.report_history(rid)]
        assert ("replace", "李四") in actions
        # the first file again: recognised as already stored (it lives on inside report rid)
        again = _imp(store, tmp_path / "v1" / "报告.txt")
        assert not again.created and again.report_id == rid
        # the earlier file is remembered
        row = store.conn.execute("SELECT file_name, sha256, replaced_by FROM report_versions"
                                 " WHERE report_id = ?", (rid,)).fetchone()
        assert row == ("报告.txt", first_sha, "李四")


def _run_main(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_cli_warns_by_default_and_replaces_on_request(tmp_path):
    db = tmp_path / "db.sqlite3"
    first = _write(tmp_path / "v1", "报告.txt", REPORT)
    assert _run_main("import", first, "--db", db).returncode == 0
    second = _write(tmp_path / "v2", "报告二.txt", REPORT.replace("化解矛盾", "调解矛盾"))
    result = _run_main("import", second, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "同一单位、同一年度" in result.stderr and "报告.txt" in result.stderr
    assert "--replace" in result.stderr
    with Store(db) as store:
        assert len(store.list_reports()) == 2
        first_id = min(r.id for r in store.list_reports())
        fig = store.list_figures(first_id)[0]
        store.confirm_figure(fig.id, "张三")
    third = _write(tmp_path / "v3", "报告三.txt", REPORT.replace("化解矛盾", "排查矛盾"))
    result = _run_main("import", third, "--db", db, "--replace")
    assert result.returncode == 0, result.stderr
    assert "已替换" in result.stderr and "1 份替换" in result.stdout
    with Store(db) as store:
        reports = store.list_reports()
        assert len(reports) == 2
        # the newest earlier report (报告二) was replaced; the reviewed first one is untouched
        names = sorted(r.file_name for r in reports)
        assert names == ["报告.txt", "报告三.txt"]
        assert store.get_figure(fig.id).status == "已确认"
    # the second file, kept beside the first before, replaces it when imported again with the flag
    again = _run_main("import", second, "--db", db, "--replace")
    assert again.returncode == 0 and "已替换" not in again.stderr  # 报告二 was replaced already
    fourth = _write(tmp_path / "v4", "报告四.txt", REPORT.replace("化解矛盾", "处理矛盾"))
    assert _run_main("import", fourth, "--db", db).returncode == 0  # kept beside, with a warning
    later = _run_main("import", fourth, "--db", db, "--replace")
    assert later.returncode == 0 and "已替换" in later.stderr
    with Store(db) as store:
        assert sorted(r.file_name for r in store.list_reports()) == ["报告.txt", "报告四.txt"]
        assert store.get_figure(fig.id).status == "已确认"
    # re-importing the older first file never puts it over the newer report
    old_again = _run_main("import", first, "--db", db, "--replace")
    assert old_again.returncode == 0 and "已替换" not in old_again.stderr
    both = _run_main("import", third, "--db", db, "--replace", "--keep-both")
    assert both.returncode == 2  # the two choices exclude each other


def test_replace_carries_detected_indicators(tmp_path):
    with Store(tmp_path / "db.sqlite3") as store:
        rid, _ = _reviewed_first_version(store, tmp_path)
        new = _imp(store, _write(tmp_path / "v2", "报告二.txt",
                                       REPORT.replace("化解矛盾", "调解矛盾")))
        detected = {f.text: f.det_indicator for f in store.list_figures(new.report_id)}
        store.replace_report(rid, new.report_id, "李四")
        after = {f.text: f.det_indicator for f in store.list_figures(rid)}
        assert any(detected.values())  # the detector named indicators for this report
        assert {t: after.get(t) for t in detected} == detected
