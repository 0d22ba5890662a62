"""The window asks whether a corrected re-send replaces the earlier report (answer injected)."""
import pytest

from gui.main_window import MainWindow
from tests.core.test_report_versions import REPORT


def _window(qtbot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _import(qtbot, window, path):
    with qtbot.waitSignal(window.importFinished, timeout=60000) as blocker:
        assert window.import_paths([str(path)])
    qtbot.waitUntil(lambda: not window.imports.busy(), timeout=30000)
    return blocker.args[0]


@pytest.mark.parametrize("replace", [True, False])
def test_second_version_asks_and_follows_the_answer(qtbot, tmp_path, replace):
    window = _window(qtbot)
    asked = []
    window.imports.ask_replace = lambda name, earlier: asked.append((name, earlier)) or replace
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "报告.txt"
    first.write_text(REPORT, encoding="utf-8")
    second = tmp_path / "b" / "报告（更正）.txt"
    second.write_text(REPORT.replace("化解矛盾", "调解矛盾"), encoding="utf-8")
    first_id = _import(qtbot, window, first).imported[0]
    store = window.source.store()
    fig = store.list_figures(first_id)[0]
    store.confirm_figure(fig.id, "张三")
    assert asked == []  # nothing to ask for the first version
    outcome = _import(qtbot, window, second)
    assert len(asked) == 1 and asked[0][0] == "报告（更正）.txt"
    assert asked[0][1].report_id == first_id
    ids = [r.id for r in window.source.list_reports()]
    shown = {r.id: r.file_name for r in window.report_list.model.reports()}
    assert sorted(shown) == sorted(ids)  # the list shows exactly what the database holds
    if replace:
        assert shown[first_id] == "报告（更正）.txt"
        assert ids == [first_id] and outcome.imported == [first_id]
        assert store.get_report(first_id).file_name == "报告（更正）.txt"
        assert store.get_figure(fig.id).status == "已确认"
    else:
        assert len(ids) == 2 and outcome.imported[0] != first_id
    window.close()
