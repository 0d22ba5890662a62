"""SIGKILL mid-import and mid-edits, and two writers at once: nothing corrupt, nothing lost.

Workers (bench/store_workers.py) print ``committed …`` only after each commit returns, so every
printed line is a promise the database must keep after the kill.
"""
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.store_samples import write_sample
from bench.store_workers import check_database
from core.store import Store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


def _start(*args):
    return subprocess.Popen([sys.executable, "-m", "bench.store_workers", *map(str, args)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_after(proc, lines: int) -> list[list[str]]:
    seen = []
    for line in proc.stdout:
        seen.append(line.split())
        if len(seen) >= lines:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return seen


@pytest.mark.parametrize("kill_at", [1, 7, 16])
def test_sigkill_mid_batch_import(tmp_path, kill_at):
    db, src = tmp_path / "db.sqlite3", tmp_path / "src"
    src.mkdir()
    Store(db).close()
    proc = _start("import", db, src, 500)
    committed = _kill_after(proc, kill_at)
    assert proc.returncode == -signal.SIGKILL and len(committed) == kill_at
    state = check_database(str(db))
    assert state["integrity"] == ["ok"]
    assert state["incomplete"] == []  # every report fully there or absent
    assert {sha for _c, sha in committed} <= state["shas"]  # no committed import lost
    assert len(state["shas"]) in (kill_at, kill_at + 1)  # at most one commit not yet printed
    with Store(db) as store:  # reopens cleanly (integrity check on open) and keeps working
        path, doc, ext = write_sample(tmp_path, 9999)
        assert store.add_report(doc, ext, source_path=str(path)).created


@pytest.mark.parametrize("kill_at", [3, 40])
def test_sigkill_mid_edits(tmp_path, kill_at):
    db = tmp_path / "db.sqlite3"
    with Store(db) as store:
        path, doc, ext = write_sample(tmp_path, 1, figures_per_part=25)
        rid = store.add_report(doc, ext, source_path=str(path)).report_id
    proc = _start("edit", db, rid, 100_000, "A")
    committed = _kill_after(proc, kill_at)
    state = check_database(str(db))
    assert state["integrity"] == ["ok"]
    last = {}
    for _c, fid, value in committed:
        last[int(fid)] = int(value)
    for fid, value in last.items():  # values only grow, so a later unprinted commit is allowed
        assert state["values"][fid] >= value
    with Store(db) as store:
        value_rows = sum(1 for f in store.list_figures(rid) for r in store.figure_history(f.id)
                         if r.field == "value")
        assert value_rows >= kill_at


def test_two_processes_write_at_once(tmp_path):
    db = tmp_path / "db.sqlite3"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with Store(db) as store:
        path, doc, ext = write_sample(tmp_path, 7777, figures_per_part=25)
        rid = store.add_report(doc, ext, source_path=str(path)).report_id
    procs = [_start("import", db, tmp_path / "a", 12, 0), _start("import", db, tmp_path / "b", 12, 100),
             _start("edit", db, rid, 60, "A"), _start("edit", db, rid, 60, "B")]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    state = check_database(str(db))
    assert state["integrity"] == ["ok"] and state["incomplete"] == []
    assert len(state["shas"]) == 25
    with Store(db) as store:
        rows = [r for f in store.list_figures(rid) for r in store.figure_history(f.id)
                if r.field == "subject"]
        assert len(rows) == 120  # every edit of both writers is in the log


def test_random_kills_leave_no_partial_report(tmp_path):
    """A few random kill moments (seeded, so a failure can be replayed)."""
    rng = random.Random(1234)
    db, src = tmp_path / "db.sqlite3", tmp_path / "src"
    src.mkdir()
    offset = 0
    for _round in range(3):
        proc = _start("import", db, src, 500, offset)
        committed = _kill_after(proc, rng.randint(1, 6))
        offset += 1000
        state = check_database(str(db))
        assert state["integrity"] == ["ok"] and state["incomplete"] == []
        assert {sha for _c, sha in committed} <= state["shas"]
