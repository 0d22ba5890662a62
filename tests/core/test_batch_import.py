"""Batch import: folders, duplicates by SHA-256, failures collected with reasons, cancel."""
import pytest

from tests.conftest import FIXTURES
from core.batch_import import collect_files, import_paths
from core.store import Store


def test_folder_import_with_failures_and_duplicates(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    for name in ("001_jizhou.utf8-crlf.txt", "002_qingcheng.gbk.txt"):
        (src / "sub" / name).write_bytes((FIXTURES / name).read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (src / "notes.md").write_text("ignored")
    (src / "~$lock.docx").write_bytes(b"x")
    files, missing = collect_files([src, tmp_path / "nope"])
    assert [f.name for f in files] == ["broken.pdf", "empty.txt", "001_jizhou.utf8-crlf.txt",
                                       "002_qingcheng.gbk.txt"]
    assert len(missing) == 1
    calls = []
    with Store(tmp_path / "db.sqlite3") as store:
        summary = import_paths(store, [src], progress=lambda d, t, n: calls.append((d, t)))
        assert len(summary.imported) == 2 and len(summary.failed) == 2
        assert all(msg for _p, msg in summary.failed)
        assert calls[0] == (0, 4) and calls[-1] == (4, 4)
        again = import_paths(store, [src / "sub"])
        assert len(again.duplicates) == 2 and not again.imported
        reports = store.list_reports()
        assert len(reports) == 2
        loaded = store.load_report(reports[0].id)
        assert loaded.anchor_problems == []
        assert store.original_path(reports[0].id).exists()


def test_cancel_stops_between_files(tmp_path):
    from bench.store_samples import write_sample

    (tmp_path / "src").mkdir()
    for seed in range(3):
        write_sample(tmp_path / "src", seed)
    with Store(tmp_path / "db.sqlite3") as store:
        summary = import_paths(store, [tmp_path / "src"], cancel=lambda: True)
        assert summary.cancelled and summary.total == 0


@pytest.mark.slow
def test_real_fixtures_all_formats(tmp_path):
    names = ["000_yuzhong.docx", "003_lanzhou.pdf", "004_jiulongpo.utf8-bom-crlf.txt"]
    with Store(tmp_path / "db.sqlite3") as store:
        summary = import_paths(store, [FIXTURES / n for n in names])
        assert not summary.failed, summary.failed
        for rid in (r for _p, r in summary.imported):
            loaded = store.load_report(rid)
            assert loaded.anchor_problems == []
            if loaded.document.format == "pdf":
                assert loaded.document.boxes is not None and len(loaded.document.boxes) == len(
                    loaded.document.text)
