"""No figure lost to a lying text layer: corpus reports printed to PDF twice, once with a Kangxi text layer.

Run from the repository root::

    python -m bench.bench_kangxi            # the first 40 corpus reports
    python -m bench.bench_kangxi --limit 0  # all of them

For each report in ``../shared/corpus`` (TXT), two PDFs are written with the test PDF builder
(``tests/core/pdf_builder.py``, a CID font whose ToUnicode map says what the text layer holds): one
whose text layer is the report's text, one whose text layer writes Kangxi radicals
(U+2F00–U+2FDF: ⼈ for 人, ⽣ for 生, ...) for every character that has one. Both are imported and
analysed; the figures (offsets, value, unit) must be the same. Prints the totals.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "core"))  # the PDF builder lives with the tests

from core.analysis import load_and_analyze  # noqa: E402
from core.detect.glyph_fold import FOLD  # noqa: E402
from pdf_builder import text_pdf  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TO_KANGXI = {v: chr(k) for k, v in FOLD.items() if 0x2F00 <= k <= 0x2FDF}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    files = sorted(CORPUS.rglob("*.txt"))
    if args.limit:
        files = files[:args.limit]
    reports = figures = lost = changed_chars = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            text = path.read_text(encoding="utf-8")
            clean = text_pdf(Path(tmp) / "clean.pdf", text)
            lying = text_pdf(Path(tmp) / "kangxi.pdf", text, to_unicode=lambda ch: TO_KANGXI.get(ch, ch))
            _, a = load_and_analyze(clean)
            doc, b = load_and_analyze(lying)
            want = {(f.start, f.end, f.value, f.unit) for f in a.figures}
            got = {(f.start, f.end, f.value, f.unit) for f in b.figures}
            reports += 1
            figures += len(want)
            lost += len(want - got)
            changed_chars += sum(1 for ch in doc.text if 0x2F00 <= ord(ch) <= 0x2FDF)
    print(f"{reports} corpus reports, {changed_chars:,} Kangxi characters in their text layers, "
          f"{figures:,} figures in the clean PDFs, {lost} lost with the Kangxi text layer "
          f"({time.perf_counter() - t0:.0f} s).")


if __name__ == "__main__":
    main()
