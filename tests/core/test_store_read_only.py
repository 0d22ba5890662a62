"""A healthy database that cannot be written is opened read-only: it lists and exports, and a
change is refused with a Chinese message — never called "已损坏".

Tests run as root here, where file modes do not stop writes: one test fakes the permission
answer (``os.access``) so the read-only path runs for real on a real file; another runs the store
as the unprivileged user ``nobody`` (``setpriv``) on a folder and file that are really read-only.
"""
import hashlib
import os
import shutil
import subprocess
import tempfile
from argparse import Namespace
from pathlib import Path

import pytest

from bench.store_samples import write_sample
from core.errors import ReportError
from core.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _imp(store, path):
    """Import one file the way the command line does (load and detect in this process)."""
    from core.analysis import load_and_analyze

    return store.import_file(path, analyzer=load_and_analyze)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_db(folder: Path) -> Path:
    db = folder / "db.sqlite3"
    with Store(db) as store:
        sample, doc, ext = write_sample(folder, 1)
        store.add_report(doc, ext, source_path=str(sample))
    return db


@pytest.fixture
def deny_writes(monkeypatch):
    """Make ``os.access(..., W_OK)`` say no inside the given folder (as a read-only share would)."""
    real = os.access
    denied: list[Path] = []

    def access(path, mode, *a, **k):
        if mode & os.W_OK and any(Path(path).resolve().is_relative_to(d) for d in denied):
            return False
        return real(path, mode, *a, **k)

    monkeypatch.setattr(os, "access", access)
    return lambda folder: denied.append(Path(folder).resolve())


def test_read_only_folder_opens_read_only_lists_exports_refuses_changes(tmp_path, deny_writes):
    ro = tmp_path / "share"
    ro.mkdir()
    db = _make_db(ro)
    before = _digest(db)
    deny_writes(ro)
    with Store(db) as store:
        assert store.read_only
        reports = store.list_reports()
        assert len(reports) == 1
        with pytest.raises(ReportError) as info:
            store.set_review_state(reports[0].id, "已审核", "甲")
        assert info.value.code == "read_only" and "只读" in info.value.message
        assert "损坏" not in info.value.message
        with pytest.raises(ReportError) as info:
            _imp(store, ROOT / "tests" / "data" / "seeds" / "nonexistent.txt")
        assert info.value.code == "read_only"
    assert _digest(db) == before
    assert sorted(p.name for p in ro.iterdir()) == ["db.sqlite3", "db_originals", "sample_0001.txt"]

    from core.cli import export_cmd

    out = tmp_path / "out" / "明细.csv"
    rc = export_cmd.run(Namespace(db=str(db), out=str(out), reviewed_only=False))
    assert rc == 0 and out.exists()
    assert _digest(db) == before


def test_cli_import_into_read_only_database_says_why(tmp_path, deny_writes, capsys):
    from core.cli import import_cmd

    db = _make_db(tmp_path)
    before = _digest(db)
    deny_writes(tmp_path)
    rc = import_cmd.run(Namespace(db=str(db), paths=[str(tmp_path / "sample_0001.txt")]))
    assert rc == 3
    err = capsys.readouterr().err
    assert "只读" in err and "损坏" not in err
    assert _digest(db) == before


def test_read_only_file_in_writable_folder(tmp_path, deny_writes):
    db = _make_db(tmp_path)
    deny_writes(db)  # only the file itself
    with Store(db) as store:
        assert store.read_only and store.list_reports()


def test_read_only_database_needing_an_upgrade_is_refused_clearly(tmp_path, deny_writes, monkeypatch):
    from core.store import connection

    db = _make_db(tmp_path)
    deny_writes(tmp_path)
    monkeypatch.setattr(connection, "SCHEMA_VERSION", connection.SCHEMA_VERSION + 1)
    with pytest.raises(ReportError) as info:
        Store(db)
    assert info.value.code == "read_only" and "升级" in info.value.message


NOBODY_SCRIPT = r"""
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from core.errors import ReportError
from core.store import Store
out = {}
store = Store(sys.argv[3])
out["read_only"] = store.read_only
out["reports"] = len(store.list_reports())
out["figures"] = len(store.list_figures(store.list_reports()[0].id))
try:
    store.set_review_state(1, "已审核", "甲")
except ReportError as exc:
    out["refused"] = [exc.code, exc.message]
store.close()
forced = Store(sys.argv[3], read_only=False)  # as on Windows, where the permission check says yes
out["fallback_read_only"] = forced.read_only
out["fallback_reports"] = len(forced.list_reports())
forced.close()
import os
os.access = lambda *a, **k: True  # as on Windows: folder rights are not reported
blind = Store(sys.argv[3])
out["blind_read_only"] = blind.read_only
out["blind_reports"] = len(blind.list_reports())
blind.close()
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.skipif(os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0
                    or not shutil.which("setpriv") or not Path("/usr/bin/python3").exists(),
                    reason="needs root, setpriv and a system python to run as nobody")
def test_really_read_only_for_an_unprivileged_user():
    """As ``nobody`` on a 0555 folder / 0444 file (the system python has no third-party
    packages, so a two-line ``platformdirs`` stand-in is put on its path)."""
    import json

    base = Path(tempfile.mkdtemp(prefix="ro-store-"))
    try:
        base.chmod(0o755)
        shim = base / "shim"
        shim.mkdir()
        (shim / "platformdirs.py").write_text(
            "def user_data_dir(*a):\n    return '/nonexistent'\n"
            "user_cache_dir = user_data_dir\n")
        folder = base / "db"
        folder.mkdir()
        db = _make_db(folder)
        probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                "/usr/bin/python3", "-c", "import sqlite3, sys; sys.path[:0] ="
                                f" ['{ROOT}', '{shim}']; import core.store"],
                               capture_output=True, text=True, timeout=60)
        if probe.returncode != 0:
            pytest.skip(f"nobody cannot import the project here: {probe.stderr[-200:]}")
        for p in folder.rglob("*"):
            p.chmod(0o444 if p.is_file() else 0o555)
        folder.chmod(0o555)
        before = _digest(db)
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                 "/usr/bin/python3", "-c", NOBODY_SCRIPT, str(ROOT), str(shim),
                                 str(db)], capture_output=True, text=True, timeout=60,
                                env={"REPORTDESK_HOME": str(base / "home"), "PATH": "/usr/bin"})
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout)
        assert out["read_only"] and out["reports"] == 1 and out["figures"] > 0
        assert out["refused"][0] == "read_only" and "只读" in out["refused"][1]
        assert out["fallback_read_only"] and out["fallback_reports"] == 1
        assert out["blind_read_only"] and out["blind_reports"] == 1
        assert _digest(db) == before
    finally:
        for p in [base, *base.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)
        shutil.rmtree(base)
