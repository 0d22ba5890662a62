"""Table edges made from PDFium's paths are the edges pdfplumber makes from pdfminer's (the cross-check)."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pdfplumber.table import TableFinder

from core.importers import load_document
from core.importers.pdf_tables import _RuledPage, page_edges
from tests.hostile.hostile_files import pdf_bytes, stream

# Every way a content stream draws a rule that pdfminer tells apart (line, rectangle, curve).
_GRID = b"".join(b"%d %d 120 30 re S\n" % (72 + 120 * c, 600 - 30 * r) for r in range(3) for c in range(3))
_SHAPES = {
    "rectangles": _GRID,
    "lines": b"".join(b"72 %d m 432 %d l S\n" % (y, y) for y in (500, 530, 560))
    + b"".join(b"%d 500 m %d 560 l S\n" % (x, x) for x in (72, 250, 432)),
    "closed paths": b"72 400 m 300 400 l 300 450 l 72 450 l h S\n"  # a rectangle drawn with lines
    b"72 300 m 300 300 l 300 350 l 72 350 l 72 300 l h S\n"  # ... with a redundant last line
    b"72 200 m 300 200 l 300 250 l 72 250 l 72 200 l S\n"  # ... closed by a line, no h
    b"320 200 m 420 200 l h S\n",  # a line closed with h
    "curves": b"72 700 m 100 750 150 750 200 700 c 200 650 l h S\n"
    b"300 700 m 350 760 400 760 450 700 c h f\n"  # a closed curve, filled
    b"72 150 m 300 180 l S\n",  # a slanted line
    "filled rules and several subpaths": b"72 120 360 0.5 re f\n72 90 360 0.5 re 72 60 360 0.5 re f\n"
    b"72 60 0.5 60.5 re 432 60 0.5 60.5 re f\n",
    "turned": b"q 0.8 0.6 -0.6 0.8 200 100 cm 0 0 100 50 re S Q\n"  # not axis-aligned: a curve
    b"q 1 0 0 1 10 20 cm 72 400 100 50 re S Q\n",
}


def _pdf(content: bytes, form: bytes | None = None) -> bytes:
    xobject = b" /XObject << /X1 5 0 R >>" if form is not None else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <<%s >> >>" % xobject,
        stream(content),
    ]
    if form is not None:
        objects.append(stream(form, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [0.5 0 0 0.5 30 40]"))
    return pdf_bytes(objects)


def _key(edges: list[dict]) -> list[tuple]:
    return sorted((e["orientation"] or "", round(e["x0"], 3), round(e["x1"], 3), round(e["top"], 3),
                   round(e["bottom"], 3), round(e["width"], 3), round(e["height"], 3)) for e in edges)


def _compare(path):
    with pdfplumber.open(path) as plumber:
        theirs = plumber.pages[0]
        pdf = pdfium.PdfDocument(path)
        try:
            ours, bbox = page_edges(pdf[0])
            assert _key(ours) == _key(theirs.edges)
            assert [e["object_type"] for e in ours] == [e["object_type"] for e in theirs.edges]
            mine = [sorted(t.cells) for t in TableFinder(_RuledPage(ours, bbox)).tables]
            expected = [sorted(t.cells) for t in theirs.find_tables()]
            assert len(mine) == len(expected)
            for a, b in zip(mine, expected, strict=True):  # PDFium's points are 32-bit floats
                assert [x for cell in a for x in cell] == pytest.approx([x for cell in b for x in cell], abs=1e-3)
            return ours, mine
        finally:
            pdf.close()


@pytest.mark.parametrize("name", sorted(_SHAPES))
def test_edges_match_pdfplumber(tmp_path, name):
    path = tmp_path / "shapes.pdf"
    path.write_bytes(_pdf(_SHAPES[name]))
    ours, _ = _compare(path)
    assert ours  # every sample draws something


def test_grid_is_a_table_also_inside_a_form(tmp_path):
    path = tmp_path / "form.pdf"
    path.write_bytes(_pdf(b"q 1 0 0 1 15 -10 cm /X1 Do Q\n" + _GRID, form=_GRID))
    _, tables = _compare(path)
    assert sorted(len(t) for t in tables) == [9, 9]  # the grid on the page and the grid in the form


def test_ruled_fixture_pages_match_pdfplumber(tmp_path):
    from tests.conftest import FIXTURES

    source = pdfium.PdfDocument(FIXTURES / "004_jiulongpo_tables.pdf")
    for index in (3, 6):  # the ruled pages: a table, and a framed box that is none
        one = pdfium.PdfDocument.new()
        one.import_pages(source, [index])
        one.save(tmp_path / f"page{index}.pdf")
        one.close()
        _compare(tmp_path / f"page{index}.pdf")
    source.close()


def test_table_on_a_page_turned_by_rotate(tmp_path):
    """On a /Rotate 90 page the rules are turned like the characters, so every cell still holds its text
    (turned, the table's rows read as columns)."""
    from tests.conftest import FIXTURES

    def cell_texts(path):
        doc = load_document(path)
        # without spaces: a rotated page leaves out whitespace-only runs (core.importers.pdf_chars)
        return sorted(doc.text[b.start:b.end].replace(" ", "") for b in doc.blocks if b.kind == "cell")

    pdf = pdfium.PdfDocument(FIXTURES / "004_jiulongpo_tables.pdf")
    for i in range(len(pdf)):
        pdf[i].set_rotation(90)
    pdf.save(tmp_path / "turned.pdf")
    pdf.close()
    upright = cell_texts(FIXTURES / "004_jiulongpo_tables.pdf")
    assert "37家" in upright
    assert cell_texts(tmp_path / "turned.pdf") == upright
