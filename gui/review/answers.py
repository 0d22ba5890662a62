"""The questions the review workflow asks the reviewer, as injected callables: the window is
built with dialogs by default, tests pass their own answers (no dialog ever opens)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

AskName = Callable[[], "str | None"]
AskYesNo = Callable[[str, str], bool]
AskSection = Callable[[str, int, "str | None"], "tuple[int, str | None] | None"]
# the report's metadata as shown (field → text) → the corrected texts, or None when cancelled
AskMeta = Callable[[dict], "dict | None"]


@dataclass
class Answers:
    name: AskName | None = None  # reviewer's name (asked once, then kept in the settings)
    yes_no: AskYesNo | None = None  # e.g. "mark as reviewed with figures pending?"
    section: AskSection | None = None  # a heading's level and required part
    meta: AskMeta | None = None  # 单位, 年度, 日期, 文号, 标题 of the report


def with_dialogs(answers: Answers | None, parent: QWidget) -> Answers:
    """``answers`` with every missing question answered by a dialog over ``parent``."""
    from gui.review.reviewer_name import dialog_asker
    from gui.review.meta_dialog import dialog_meta_asker
    from gui.review.section_edit import dialog_section_asker

    a = answers or Answers()

    def yes_no(title: str, text: str) -> bool:
        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    return Answers(a.name or dialog_asker(parent), a.yes_no or yes_no,
                   a.section or dialog_section_asker(parent), a.meta or dialog_meta_asker(parent))
