"""Cold start of a command: ``main.py extract FILE`` from source and from the frozen program.

Run: ``python -m bench.bench_cold_start [--runs 9] [--files A.pdf B.txt] [--ref DIR] [--json]``.

Every run is a new process (``subprocess``), so each pays the whole start: interpreter, imports,
pattern compiling, jieba's dictionary, the parser child, the work and the exit. Reported per command:
the median and the minimum wall time and the median CPU time (user + system of the process and the
children it waited for, from ``os.wait4``: the parser child is included). On a shared, noisy machine
the CPU column is the one to compare; wall time is only meaningful on an idle machine.

Rows:

* ``python -c pass`` and ``python -S -c pass``: the interpreter alone, with and without ``site``
  (a ``.pth`` file of an installed package can cost tens of ms on a development machine; the frozen
  program has no ``site``). The interpreter is ``sys.executable``, not a ``python`` found on PATH:
  a version-manager shim there (pyenv) adds ~60 ms of shell scripts to every start.
* ``source``: ``python main.py extract FILE`` in this tree. ``source -S`` rows: the same with ``-S`` and
  site-packages on ``PYTHONPATH`` -- the packages are found, but no ``.pth`` file runs (on this
  development machine one imports ``certifi`` at every start, ~25 ms).
* ``ref``: the same in another checkout (``--ref DIR``, e.g. a ``git worktree`` of an older commit),
  run in turn with this tree's rows so both see the same machine load.
* ``frozen``: ``dist/ReportDesk/ReportDesk extract FILE`` when a build exists (``ref frozen``: the
  other checkout's build, when it has one).

The runs are interleaved (one of each command, then again), after one untimed run of each that
writes ``__pycache__`` and the jieba cache as a user's first start would. ``PYTHONDONTWRITEBYTECODE``
is removed from the children's environment so the source rows use cached bytecode, as installed.
"""
from __future__ import annotations

import argparse
import json
import os
import site
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "ReportDesk" / "ReportDesk"
DEFAULT_FILES = [ROOT / "resources" / "sample" / "sample_report.pdf",
                 ROOT / "tests" / "data" / "seeds" / "000_fae492f318547c6d.txt"]


def _run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of one run; raises when the command fails."""
    if argv[1:2] == ["-S"] and argv[2:3] != ["-c"]:  # packages without their .pth files
        env = {**env, "PYTHONPATH": os.pathsep.join(site.getsitepackages())}
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def commands(files: list[Path], ref: Path | None, python: str) -> list[tuple[str, list[str], Path]]:
    cmds: list[tuple[str, list[str], Path]] = [
        ("python -c pass", [python, "-c", "pass"], ROOT),
        ("python -S -c pass", [python, "-S", "-c", "pass"], ROOT),
    ]
    for f in files:
        name = f.name
        cmds.append((f"source extract {name}", [python, "main.py", "extract", str(f)], ROOT))
        cmds.append((f"source -S extract {name}", [python, "-S", "main.py", "extract", str(f)], ROOT))
        if ref is not None:
            cmds.append((f"ref extract {name}", [python, "main.py", "extract", str(f)], ref))
        if FROZEN.exists():
            cmds.append((f"frozen extract {name}", [str(FROZEN), "extract", str(f)], ROOT))
        ref_frozen = ref / FROZEN.relative_to(ROOT) if ref is not None else None
        if ref_frozen is not None and ref_frozen.exists():
            cmds.append((f"ref frozen extract {name}", [str(ref_frozen), "extract", str(f)], ref))
    return cmds


def measure(cmds, runs: int) -> dict[str, dict[str, float]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _label, argv, cwd in cmds:  # first start: bytecode and jieba caches written, not timed
        _run_once(argv, cwd, env)
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label, _a, _c in cmds}
    for _ in range(runs):
        for label, argv, cwd in cmds:
            samples[label].append(_run_once(argv, cwd, env))
    return {label: {"wall_median": statistics.median(w for w, _c in s), "wall_min": min(w for w, _c in s),
                    "cpu_median": statistics.median(c for _w, c in s)}
            for label, s in samples.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--files", nargs="+", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--ref", type=Path, help="another checkout to measure in turn (e.g. the code before a change)")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the source rows")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args(argv)
    files = [f.resolve() for f in args.files]
    load = os.getloadavg()[0]
    results = measure(commands(files, args.ref.resolve() if args.ref else None, args.python), args.runs)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"{args.runs} runs each; load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f}")
    print(f"{'command':44s} {'wall median':>11s} {'wall min':>9s} {'CPU median':>10s}")
    for label, r in results.items():
        print(f"{label:44s} {r['wall_median']:10.3f}s {r['wall_min']:8.3f}s {r['cpu_median']:9.3f}s")


if __name__ == "__main__":
    main()
