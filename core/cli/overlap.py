"""``extract`` of a PDF or DOCX on Linux: read the file and get detection ready at the same time.

Why: a cold ``extract`` spends about 100 ms reading a PDF (PDFium and the layout code) and about
as long getting detection ready (importing the detectors, compiling their patterns, loading
jieba's dictionary). The two do not depend on each other, yet in one parser child they run one
after the other. Here they overlap on two cores:

1. a parser child (forked first, from the main thread) reads the file into a ``Document``;
2. meanwhile this process warms detection up on a few built-in lines (nothing from the file);
3. a second child, forked from the warm process, detects in the ``Document`` (handed over by the
   fork itself, not through the pipe) and sends the result back.

Both children run under ``core.analysis_worker``'s time and memory limits and die with this process,
as the single child did; only the warm-up, which never sees the file, runs unguarded. Used only where
``fork`` is the start method and more than one core is free (see :func:`worth_overlapping`); a TXT
file reads in a few ms, so it keeps the single child.
"""
from __future__ import annotations

import contextlib
import gc
import os
import threading
from typing import cast

from core.analysis_worker import AnalysisWorker, Progress, cli_start_method
from core.document import Document
from core.extraction import Extraction

_SLOW_TO_READ = (".pdf", ".docx")
# the file the detection child works on, by path: put here before that child is forked
_PENDING: dict[str, Document] = {}

# A few lines in the shape of a report: enough to import every detector and check and compile the
# patterns a report needs. Nothing here is a rule; the result is thrown away.
_WARM_UP_TEXT = """某某市某某区司法局
关于2023年度法治政府建设情况的报告
某司发〔2024〕3号
2023年，某某区司法局在区委的坚强领导下，坚持依法行政。
一、主要举措和成效
（一）推进依法行政。全年共办理行政复议案件12件，办结率达100%，比上年增长20%。
组织法治培训3次，参加人员150人次，覆盖率95.5%，其中领导干部约30人。
二、存在的不足和原因
三、下一步工作计划
某某区司法局
2024年1月15日
"""


def worth_overlapping(path: str) -> bool:
    if not path.lower().endswith(_SLOW_TO_READ) or cli_start_method() != "fork":
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def read_document(path: str, progress: Progress) -> tuple[Document, Extraction]:
    from core.importers import load_document

    return load_document(path, progress=progress), cast(Extraction, None)


def _detect_pending(path: str, progress: Progress) -> tuple[Document, Extraction]:
    from core.analysis import analyze_document

    # the parent has the document already: send back only the extraction (a long PDF's character
    # boxes are megabytes)
    return cast(Document, None), analyze_document(_PENDING.pop(path))


def warm_up_detection() -> None:
    """Import and compile what detection needs, in this process (the detection child inherits it)."""
    from core.analysis import analyze_document

    # only a head start: a real failure shows up again in the detection child and is reported in Chinese
    with contextlib.suppress(Exception):
        analyze_document(Document(text=_WARM_UP_TEXT, source="warm-up.txt", format="txt"))
    import ctypes  # noqa: F401 - the detection child's set-up (core.child_process) needs it


def analyze(path: str) -> tuple[Document, Extraction]:
    """Import and detect ``path`` in two guarded children; raises ``ReportError`` like
    ``AnalysisWorker.analyze``."""
    path = str(path)
    reader = AnalysisWorker(start_method="fork", warm_up=False, job=read_document)
    reader.start()  # fork now, while this process has no other thread
    outcome: dict[str, object] = {}

    def wait_for_document() -> None:
        try:
            outcome["document"] = reader.analyze(path)[0]
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread below
            outcome["error"] = exc

    waiter = threading.Thread(target=wait_for_document, name="reportdesk-read", daemon=True)
    try:
        waiter.start()
        warm_up_detection()
        waiter.join()
    finally:
        reader.close()  # Ctrl+C during the warm-up: the reading child is killed
    if "error" in outcome:
        raise cast(BaseException, outcome["error"])
    document = _PENDING[path] = cast(Document, outcome["document"])
    detector = AnalysisWorker(start_method="fork", warm_up=False, job=_detect_pending)
    try:
        # The warm heap is shared with the detection child copy-on-write; a garbage collection there
        # would touch every object and copy most pages. The collector skips frozen objects; this
        # process unfreezes its own (an O(1) list splice) once the child exists.
        gc.freeze()
        try:
            detector.start()
        finally:
            gc.unfreeze()
        return document, detector.analyze(path)[1]
    finally:
        _PENDING.pop(path, None)
        detector.close()
