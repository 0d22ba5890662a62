"""Before/after check for PDF importer changes: the whole Document of every PDF, saved and compared.

Run from the repository root::

    python -m bench.tools.pdf_snapshot save /tmp/before.pickle    # on the old code
    python -m bench.tools.pdf_snapshot compare /tmp/before.pickle # on the new code

A change meant to be a pure speed-up must leave everything identical: text, blocks (offsets, kind,
page, line index, cell), every character box (bit for bit, as stored), page sizes, warnings, the
pages that need OCR, and the error (code and message) of a file that is refused. The PDFs are the
fixtures in ``tests/data/fixtures`` and ``../shared/fixtures`` plus a few built here that reach
paths the fixtures do not: a rotated page, a damaged content stream, unmapped glyphs.
"""
from __future__ import annotations

import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pdfs(tmp: Path) -> list[Path]:
    found = sorted((ROOT / "tests" / "data" / "fixtures").glob("*.pdf"))
    found += sorted((ROOT.parent / "shared" / "fixtures").glob("*.pdf"))
    found += sorted((ROOT / "tests" / "data").glob("*/*.pdf"))
    return found + _built(tmp)


def _built(tmp: Path) -> list[Path]:
    """Synthetic PDFs for the rarer paths (rotation, damage, unmapped glyphs, fake bold)."""
    import pypdfium2 as pdfium

    sys.path[:0] = [str(ROOT / "tests" / "core"), str(ROOT / "tests" / "hostile")]
    import hostile_files as hf
    from pdf_builder import PdfWriter, text_pdf

    out = []
    text = "一、总体情况\n" + "依法行政工作取得新进展，全年办理行政复议案件123件，同比增长4.5%。" * 30
    out.append(text_pdf(tmp / "built_plain.pdf", text))
    out.append(text_pdf(tmp / "built_unmapped.pdf", text, to_unicode=lambda ch: "" if ch in "法政" else ch))
    b = PdfWriter()
    b.text_page([(72, 100, "二、主要做法"), (72, 130, "推进严格规范公正文明执法。")], red={0})
    b.text_page([(72, 100, "三、存在问题"), (72, 130, "执法监督仍需加强。")])
    out.append(b.write(tmp / "built_corrupt.pdf", corrupt_pages={1}))
    out.append(hf.write(tmp / "built_corrupt_stream.pdf", hf.corrupt_stream_pdf()))
    out.append(hf.write(tmp / "built_dense.pdf", hf.dense_page_pdf(20000)))
    # Rotated pages: the same fixture turned by /Rotate 90 and 180.
    src = ROOT / "tests" / "data" / "fixtures" / "000_yuzhong.pdf"
    for angle in (90, 180, 270):
        pdf = pdfium.PdfDocument(src)
        for i in range(len(pdf)):
            pdf[i].set_rotation(angle)
        target = tmp / f"built_rotated_{angle}.pdf"
        pdf.save(target)
        pdf.close()
        out.append(target)
    return out


def _snapshot(path: Path) -> tuple:
    from core.errors import ReportError
    from core.importers.pdf_importer import load_pdf

    try:
        doc = load_pdf(str(path), ocr=None)
    except ReportError as exc:
        return ("error", exc.code, str(exc))
    blocks = [(b.start, b.end, b.kind, b.index, b.page, b.cell, b.bold) for b in doc.blocks]
    return ("doc", doc.text, blocks, doc.boxes.to_bytes() if doc.boxes else None,
            [tuple(s) for s in doc.page_sizes], list(doc.warnings), list(doc.ocr_pages))


def take() -> dict[str, tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        return {_name(p): _snapshot(p) for p in _pdfs(Path(tmp))}


def _name(path: Path) -> str:
    """A key that tells the two fixture folders apart (they hold files of the same names)."""
    for base, label in ((ROOT, ""), (ROOT.parent, "../")):
        if path.is_relative_to(base):
            return label + str(path.relative_to(base))
    return path.name


def _first_difference(a: tuple, b: tuple) -> str:
    names = ["kind", "text", "blocks", "boxes", "page sizes", "warnings", "ocr pages"]
    for name, x, y in zip(names, a, b, strict=False):
        if x != y:
            if isinstance(x, (str, bytes, list)) and isinstance(y, type(x)):
                k = next((i for i, (u, v) in enumerate(zip(x, y, strict=False)) if u != v), min(len(x), len(y)))
                return f"{name} differ at {k} (lengths {len(x)} / {len(y)}): {x[k:k + 3]!r} / {y[k:k + 3]!r}"
            return f"{name} differ: {x!r:.200} / {y!r:.200}"
    return "differ"


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "compare"):
        print(__doc__)
        return 2
    snap = take()
    target = Path(sys.argv[2])
    if sys.argv[1] == "save":
        target.write_bytes(pickle.dumps(snap))
        print(f"saved {len(snap)} PDFs to {target}")
        return 0
    before = pickle.loads(target.read_bytes())
    bad = 0
    for name in sorted(set(before) | set(snap)):
        a, b = before.get(name), snap.get(name)
        if a == b:
            continue
        bad += 1
        print(f"DIFFERENT {name}: " + (_first_difference(a, b) if a and b else "missing on one side"))
    print(f"{len(snap) - bad} of {len(snap)} PDFs identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
