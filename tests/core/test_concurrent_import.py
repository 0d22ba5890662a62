"""Two imports of the same files at once (two windows, a window and the command line)."""
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from bench.store_samples import write_sample
from core.store import Store, originals

ROOT = Path(__file__).resolve().parents[2]


def test_two_copies_of_one_original_at_once(tmp_path, monkeypatch):
    """Both copy, then both rename: neither may fail, one copy stays, no part file is left."""
    src = tmp_path / "报告.txt"
    src.write_text("全年审核规范性文件12件。" * 1000, encoding="utf-8")
    sha = originals.sha256_of(src)
    db = tmp_path / "db.sqlite3"
    both_copied = threading.Barrier(2, timeout=10)
    real_copy = shutil.copyfile

    def copy_then_wait(a, b, *args, **kwargs):
        out = real_copy(a, b, *args, **kwargs)
        both_copied.wait()  # the other import has copied too; now both rename
        return out

    monkeypatch.setattr(shutil, "copyfile", copy_then_wait)
    results, errors = [], []

    def run():
        try:
            results.append(originals.store_original(db, src, sha))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == [f"{sha}.txt"] * 2
    folder = originals.originals_dir(db)
    assert [p.name for p in folder.iterdir()] == [f"{sha}.txt"]
    assert (folder / f"{sha}.txt").read_bytes() == src.read_bytes()


def test_two_processes_import_one_folder_at_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for seed in range(6):
        write_sample(src, seed)
    db = tmp_path / "db.sqlite3"
    Store(db).close()
    cmd = [sys.executable, str(ROOT / "main.py"), "import", str(src), "--db", str(db)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, encoding="utf-8") for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out + err
        assert "内部错误" not in out + err
    with Store(db) as store:
        assert len(store.list_reports()) == 6
    stored = list(originals.originals_dir(db).iterdir())
    assert len(stored) == 6 and not [p for p in stored if p.suffix == ".part"]
