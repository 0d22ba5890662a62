"""Copy check with and without rapidfuzz's AVX2 modules (the lean build leaves them out).

rapidfuzz ships each C++ module twice, a generic x86-64 build and an AVX2 build it prefers on CPUs
that have AVX2; when the AVX2 module cannot be imported it falls back to the generic one (see
``build/reportdesk.spec``). This bench runs ``core.checks.copies.copies_across`` on the corpus
reports plus a next-year copy of each (every digit changed, so every paragraph is scored and
matches), each variant in its own child process, and prints the median time and the matches found.

    python -m bench.bench_copy_simd [--runs 5] [--corpus DIR] [--reports N]
"""
from __future__ import annotations

import argparse
import importlib.abc
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "shenzhen"
SEEDS = ROOT / "tests" / "data" / "seeds"
AVX2_MODULES = ("rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2",
                "rapidfuzz.process_cpp_avx2", "rapidfuzz.utils_cpp_avx2")


class _Block(importlib.abc.MetaPathFinder):
    """Makes the AVX2 modules unimportable, as in the lean build where they are not shipped."""

    def find_spec(self, name, path=None, target=None):
        if name in AVX2_MODULES:
            raise ImportError(name)
        return None


def _reports(folder: Path, limit: int):
    from core.analysis import load_and_analyze
    from core.checks.copies import ReportText

    files = sorted(folder.glob("*.txt"))[:limit]
    out = []
    for i, path in enumerate(files):
        _doc, ext = load_and_analyze(str(path))
        year = ext.meta.year or 2023
        org = ext.meta.org or path.stem
        out.append(ReportText(2 * i, org, year, ext.text))
        # next year's report of the same body, every digit changed: all its paragraphs are copies
        later = ext.text.translate(str.maketrans("0123456789", "1234567890"))
        out.append(ReportText(2 * i + 1, org, year + 1, later))
    return out


def _child(data: Path, runs: int, block: bool) -> None:
    if block:
        sys.meta_path.insert(0, _Block())
    from rapidfuzz import fuzz

    from core.checks.copies import copies_across

    reports = pickle.loads(data.read_bytes())
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = sum(len(m) for m in copies_across(reports).values())
        times.append((time.perf_counter() - start) * 1000)
    print(f"{fuzz.ratio.__module__}\t{statistics.median(times):.0f}\t{found}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.is_dir() else SEEDS)
    ap.add_argument("--reports", type=int, default=146)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(Path(args.child[0]), args.runs, args.child[1] == "block")
        return 0
    import tempfile

    reports = _reports(args.corpus, args.reports)
    paragraphs = sum(len(r.text.splitlines()) for r in reports)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "reports.pickle"
        data.write_bytes(pickle.dumps(reports))
        print(f"{len(reports)} 份报告（{paragraphs} 行），copies_across 各 {args.runs} 次的中位数：")
        for label, mode in (("带 AVX2 模块", "keep"), ("去掉 AVX2 模块（精简打包）", "block")):
            out = subprocess.run([sys.executable, "-m", "bench.bench_copy_simd", "--runs", str(args.runs),
                                  "--child", str(data), mode], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout.split("\t")
            print(f"  {label}: {out[1]} ms，找到 {out[2].strip()} 段（fuzz.ratio 来自 {out[0]}）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
