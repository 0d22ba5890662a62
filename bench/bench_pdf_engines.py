"""PDF engines side by side, ms per page: the importer vs pdfplumber vs raw pypdfium2, in one run.

Run from the repository root::

    python -m bench.bench_pdf_engines             # fixtures + a 240-page PDF, 5 runs each (median)
    python -m bench.bench_pdf_engines --runs 9 --long-pages 300
    python -m bench.bench_pdf_engines --engines "importer,pdfium raw"   # leave out the slow ones
    python -m bench.bench_pdf_engines --clock cpu   # process CPU time: steadier on a shared machine

Columns (all per page, median of ``--runs`` runs that alternate between the engines, so each sees
the same machine state):

- importer: ``core.importers.load_document`` — PDFium characters, layout, paragraphs, boxes, page
  health checks, tables on ruled pages (pdfplumber's finder on PDFium's rules); the whole import.
- plumber+layout: the previous importer's path — pdfplumber ``page.chars`` fed to the same layout
  code (what the import cost before PDFium).
- pdfplumber: ``page.extract_text()`` on every page (pdfplumber's own text, no layout of ours).
- pdfium raw: pypdfium2 ``get_textpage().get_text_range()`` — the floor: text without boxes.

The long PDF is made at bench time by copying the text fixtures' pages (pypdfium2
``import_pages``) until it has ``--long-pages`` pages; it is written to a temporary folder and
deleted afterwards.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from core.importers import load_document
from core.importers import pdf_layout as layout
from core.importers.pdf_assemble import assemble

ROOT = Path(__file__).resolve().parent.parent
SHARED_FIXTURES = ROOT.parent / "shared" / "fixtures"
FIXTURES = SHARED_FIXTURES if SHARED_FIXTURES.exists() else ROOT / "tests" / "data" / "fixtures"
TEXT_PDFS = ["000_yuzhong", "000_yuzhong_fullwidth_digits", "001_jizhou", "002_qingcheng",
             "002_qingcheng_autonum", "003_lanzhou", "004_jiulongpo", "004_jiulongpo_tables"]


def importer(path: Path) -> None:
    load_document(path)


def plumber_layout(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        pages, sizes = [], []
        for i, page in enumerate(pdf.pages):
            chars = [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"]) for c in page.chars]
            sizes.append((float(page.width), float(page.height)))
            pages.append(layout.group_lines(i, chars))
            page.close()
    layout.remove_running(pages, [h for _, h in sizes])
    assemble(str(path), pages, [set() for _ in pages], sizes, [])


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium_raw(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


ENGINES = [("importer", importer), ("plumber+layout", plumber_layout), ("pdfplumber", plumber_text),
           ("pdfium raw", pdfium_raw)]


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_long_pdf(target: Path, pages: int) -> Path:
    """Copy the text fixtures' pages, in turn, into one PDF of ``pages`` pages."""
    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(FIXTURES / f"{name}.pdf") for name in TEXT_PDFS]
    k = 0
    while len(out) < pages:
        src = sources[k % len(sources)]
        take = min(len(src), pages - len(out))
        out.import_pages(src, list(range(take)))
        k += 1
    out.save(target)
    for s in sources:
        s.close()
    out.close()
    return target


def measure(path: Path, runs: int, engines, clock=time.perf_counter) -> dict[str, float]:
    """Median ms per page of each engine over ``runs`` alternating runs."""
    n = page_count(path)
    times: dict[str, list[float]] = {name: [] for name, _ in engines}
    for _ in range(runs):
        for name, fn in engines:
            t = clock()
            fn(path)
            times[name].append((clock() - t) * 1000 / n)
    return {name: statistics.median(v) for name, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--long-pages", type=int, default=240)
    ap.add_argument("--engines", default=",".join(name for name, _ in ENGINES),
                    help="comma-separated engines to run (default: all)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="wall: elapsed time; cpu: this process's CPU time (other tasks on the machine count less)")
    args = ap.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    wanted = [name.strip() for name in args.engines.split(",")]
    engines = [(name, fn) for name, fn in ENGINES if name in wanted]
    for _, fn in engines:  # warm imports and caches
        fn(FIXTURES / "000_yuzhong.pdf")
    names = [name for name, _ in engines]
    ratio = "pdfplumber" in names and "importer" in names
    print("| file | pages | " + " | ".join(f"{n} ms/page" for n in names) + (" | pdfplumber ÷ importer |" if ratio else " |"))
    print("|---|---|" + "---|" * len(names) + ("---|" if ratio else ""))
    totals = dict.fromkeys(names, 0.0)
    total_pages = 0
    rows: list[tuple[str, int, dict[str, float]]] = []
    for name in TEXT_PDFS:
        path = FIXTURES / f"{name}.pdf"
        rows.append((path.name, page_count(path), measure(path, args.runs, engines, clock)))
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = make_long_pdf(Path(tmp) / "long.pdf", args.long_pages)
        long_row = (f"long ({args.long_pages} pages, fixtures repeated)", page_count(long_pdf),
                    measure(long_pdf, max(1, args.runs // 2), engines, clock))
    for _label, pages, ms in rows:
        for n in names:
            totals[n] += ms[n] * pages
        total_pages += pages
    rows.append(("all fixtures (weighted by pages)", total_pages, {n: totals[n] / total_pages for n in names}))
    rows.append(long_row)
    for label, pages, ms in rows:
        cells = " | ".join(f"{ms[n]:.1f}" for n in names)
        print(f"| {label} | {pages} | {cells} |" + (f" {ms['pdfplumber'] / ms['importer']:.1f}× |" if ratio else ""))


if __name__ == "__main__":
    main()
