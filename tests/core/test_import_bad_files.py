"""Every bad input gets a clear Chinese message and a stable code, never a traceback."""
from __future__ import annotations

import re
import shutil

import pytest

from core.errors import ReportError
from core.importers import SUPPORTED_SUFFIXES, load_document
from tests.conftest import FIXTURES

_CJK = re.compile(r"[\u4e00-\u9fff]")


def failure(path) -> ReportError:
    with pytest.raises(ReportError) as ei:
        load_document(path)
    err = ei.value
    assert len(_CJK.findall(err.message)) >= 5, err.message  # a Chinese sentence, not an exception name
    assert "Error" not in err.message and "Traceback" not in err.message
    return err


@pytest.mark.parametrize(
    "name, code, words",
    [
        ("000_yuzhong_scanned.pdf", "scanned", ["扫描件", "OCR"]),
        ("003_lanzhou_encrypted_userpw.pdf", "encrypted", ["加密", "密码"]),
        ("001_jizhou_truncated.pdf", "corrupt", ["损坏"]),
        ("002_qingcheng_truncated.docx", "corrupt", ["损坏"]),
    ],
)
def test_bad_fixtures(name, code, words):
    err = failure(FIXTURES / name)
    assert err.code == code
    assert all(w in err.message for w in words)
    assert err.path == str(FIXTURES / name)


def test_missing_file(tmp_path):
    assert failure(tmp_path / "nope.pdf").code == "not_found"


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_empty_file(tmp_path, suffix):
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(b"")
    assert failure(p).code == "empty"


@pytest.mark.parametrize(
    "name, data",
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        ("report.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100),
        ("notes.md", "# 标题\n正文".encode()),
        ("data.csv", b"a,b\n1,2\n"),
        ("noext", b"hello"),
    ],
)
def test_unsupported_names_supported_formats(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    err = failure(p)
    assert err.code == "unsupported"
    for fmt in ("TXT", "Word", "PDF", ".docx"):
        assert fmt in err.message
    assert SUPPORTED_SUFFIXES == (".txt", ".docx", ".pdf")


def test_directory(tmp_path):
    assert failure(tmp_path).code == "unsupported"


def test_misnamed_files_follow_content(tmp_path):
    pdf_as_txt = tmp_path / "report.txt"
    shutil.copy(FIXTURES / "000_yuzhong.pdf", pdf_as_txt)
    doc = load_document(pdf_as_txt)
    assert doc.format == "pdf" and doc.warnings and "PDF" in doc.warnings[0]
    docx_as_pdf = tmp_path / "report.pdf"
    shutil.copy(FIXTURES / "001_jizhou.docx", docx_as_pdf)
    assert load_document(docx_as_pdf).format == "docx"


def test_text_named_pdf_or_docx_is_corrupt(tmp_path):
    for name in ("fake.pdf", "fake.docx"):
        p = tmp_path / name
        p.write_text("这不是一个真正的文件", encoding="utf-8")
        err = failure(p)
        assert err.code == "corrupt" and name[-4:].lstrip(".") in err.message


def test_zip_that_is_not_word(tmp_path):
    import zipfile

    p = tmp_path / "book.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    err = failure(p)
    assert err.code == "unsupported" and "Excel" in err.message


def test_pdf_without_pages_or_text(tmp_path):
    p = tmp_path / "blank.pdf"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    assert failure(p).code in ("corrupt", "empty")


def test_password_protected_docx(tmp_path):
    # Word stores a password-protected .docx as an OLE container with an EncryptedPackage stream.
    p = tmp_path / "secret.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    err = failure(p)
    assert err.code == "encrypted" and "密码" in err.message
