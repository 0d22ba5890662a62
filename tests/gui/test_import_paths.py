"""The window's folder import walks folders like the command line (core.batch_import)."""
from gui.workers.import_task import expand_paths


def test_folder_import_skips_hidden_and_word_lock_files(tmp_path):
    for name in ("a.docx", "~$a.docx", ".hidden.txt", "b.TXT", "notes.md", "sub/c.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path), "").lstrip("/\\") for p in expand_paths([str(tmp_path)])]
    assert sorted(found) == sorted(["a.docx", "b.TXT", "sub/c.pdf"])
