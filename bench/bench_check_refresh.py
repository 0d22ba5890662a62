"""What keeping the 问题 panel right costs in the window: re-running a report's checks after an
edit (on the session's data: ``core.review.check_refresh.rerun``, against
``core.checks.service.rerun_checks`` which reads the report back), the required-part evidence shown
on open / heading edits, the fingerprint taken after each change, and the copy checks an import adds.

    python -m bench.bench_check_refresh [--runs 5] [--corpus N]

Seeds from tests/data/seeds (or ../shared/seeds), plus the first N reports of
../shared/corpus/shenzhen when present (long reports). Medians over ``--runs``; per report.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "shenzhen"


def _ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    from core.analysis import load_and_analyze
    from core.checks.service import rerun_checks, run_copy_checks
    from core.review import check_refresh
    from core.review.session import ReportSession
    from core.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=int, default=20)
    args = ap.parse_args(argv)
    files = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(p for p in CORPUS.iterdir() if p.is_file())[:args.corpus]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite3") as store:
        ids = [store.import_file(p, analyzer=load_and_analyze).report_id for p in files]
        rows = []
        for rid in ids:
            report = ReportSession.load(store, rid)
            chars = len(report.document.text)
            rows.append((chars,
                         _ms(lambda r=report: check_refresh.check_inputs(r), args.runs),
                         _ms(lambda r=report: check_refresh.parts(r), args.runs),
                         _ms(lambda r=report: check_refresh.rerun(store, r), args.runs),
                         _ms(lambda i=rid: rerun_checks(store, i), args.runs)))
        copy_all = _ms(lambda: run_copy_checks(store, None), max(1, args.runs // 2))
    print(f"{len(rows)} 份报告（{len(files) - len(list(SEEDS.glob('*.txt')))} 份语料），每份报告的中位数：")
    names = ("字数", "指纹 ms", "必备部分依据 ms", "重新检查（会话数据）ms", "重新检查（重读报告）ms")
    for i, name in enumerate(names):
        col = [r[i] for r in rows]
        print(f"  {name}: 中位 {statistics.median(col):.2f}，最大 {max(col):.2f}")
    print(f"  照抄检查（全部 {len(rows)} 份互相比对）: {copy_all:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
