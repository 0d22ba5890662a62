"""Hostile inputs through the real command line: outcome, wall time and peak memory of each.

Run from the repository root::

    python -m bench.bench_hostile                 # 3 runs per input, markdown table
    python -m bench.bench_hostile --runs 5 --json bench/results_hostile.json
    python -m bench.bench_hostile --checkout /path/to/older/checkout --timeout 60   # "before"

Each input is generated (tests/hostile/hostile_files.py), then ``python main.py extract FILE``
runs under ``/usr/bin/time -f "%e %M"``: wall seconds and the peak resident set size, which for
a command covers its waited-for children too (the parser process). Reported: the median of
``--runs`` runs. ``REPORTDESK_PARSE_TIME_LIMIT`` is set to ``--limit`` seconds (default 10) so a
parser loop ends in bench time; the product's default is 60 s + 20 s/MB. With ``--checkout``
the same inputs run against another checkout (e.g. the code before the limits) with a hard
``--timeout`` and a 3 GiB address-space cap, to show what the limits changed.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import hostile_files as hf  # noqa: E402

MB = hf.MB


def inputs(folder: Path) -> dict[str, Path]:
    """name -> generated file."""
    made = {
        "reference_cycle.pdf": hf.cyclic_reference_pdf(),
        "catalog_cycle.pdf": hf.cyclic_root_pdf(),
        "stream_bomb_1GB.pdf": hf.stream_bomb_pdf(1024 * MB),
        "zip_bomb_300MB.docx": hf.docx_zip_bomb(300 * MB),
        "dense_page_50k.pdf": hf.dense_page_pdf(50_000),
        "damaged_stream.pdf": hf.corrupt_stream_pdf(),
        "bad_gridspan.docx": hf.docx_bad_gridspan(),
        "bad_ilvl.docx": hf.docx_bad_ilvl(),
    }
    out = {name: hf.write(folder / name, data) for name, data in made.items()}
    texts = {
        "digits_200k_line.txt": "1" * 200_000,
        "text_2.4M_chars.txt": "召开会议二十六次" * 300_000,
        "figures_25k.txt": "一、主要举措\n" + "召开会议26次，" * 25_000,
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        out[name] = folder / name
    return out


def _limit_as(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def measure(checkout: Path, path: Path, limit: float, timeout: float) -> tuple[str, float, float]:
    """(outcome, seconds, peak MB) of one ``extract`` run."""
    env = dict(os.environ, REPORTDESK_PARSE_TIME_LIMIT=str(limit), PYTHONPATH=str(checkout))
    cmd = ["/usr/bin/time", "-f", "@@%e %M", sys.executable, str(checkout / "main.py"), "extract", str(path)]
    # its own process group, so a timeout kills the command *and* anything it started
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=checkout,
                            preexec_fn=_limit_as(3 * 1024 ** 3), start_new_session=True)
    try:
        out_bytes, err_bytes = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return f"still running after {timeout:.0f} s (killed)", timeout, float("nan")
    err = err_bytes.decode("utf-8", "replace")
    stats = [line for line in err.splitlines() if line.startswith("@@")][-1][2:].split()
    lines = [line for line in err.splitlines() if not line.startswith(("@@", "Command exited"))]
    if proc.returncode == 0:
        outcome = "imported" + ("" if "提示：Word 文档中有" not in out_bytes.decode("utf-8", "replace") else " with warning")
    elif "Traceback" in err:
        outcome = "TRACEBACK " + (lines[-1] if lines else "")
    else:
        outcome = (lines[-1] if lines else f"exit {proc.returncode}").split("：")[-1]
    return f"exit {proc.returncode}: {outcome}"[:90], float(stats[0]), int(stats[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=float, default=10.0, help="parse time limit in seconds")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--checkout", type=Path, default=ROOT)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp))
        print("| input | size | outcome | time s (median) | peak RSS MB (median) |")
        print("|---|---|---|---|---|")
        for name, path in files.items():
            runs = [measure(args.checkout, path, args.limit, args.timeout) for _ in range(args.runs)]
            seconds = statistics.median(r[1] for r in runs)
            peak = statistics.median(r[2] for r in runs)
            size = path.stat().st_size
            results[name] = {"bytes": size, "outcome": runs[-1][0], "seconds": seconds, "peak_mb": peak}
            print(f"| {name} | {size / 1024:,.0f} KB | {runs[-1][0]} | {seconds:.2f} | {peak:.0f} |",
                  flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
