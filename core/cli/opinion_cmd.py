"""``opinion --report ID --out FILE.docx [--db FILE] [--reviewer NAME] [--problem TEXT]...
[--set-opinion TEXT]``: write one report's 审核意见书 (.docx).

``--set-opinion`` first saves the 审核意见 in the database (audited, as ``--reviewer``).
Exit codes: 0 written; 2 wrong output suffix or a missing reviewer; 3 the database, the report
or the output file is unusable.
"""
from __future__ import annotations

from pathlib import Path

from core.cli.console import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, ensure_utf8_stdio, fail
from core.errors import ReportError


def run(args) -> int:
    ensure_utf8_stdio()
    from core.export.opinion_docx import build_opinion, write_opinion_docx
    from core.store import Store

    if Path(args.out).suffix.lower() != ".docx":
        return fail(f"审核意见书的扩展名应为 .docx：{args.out}", EXIT_USAGE)
    if args.set_opinion is not None and not (args.reviewer or "").strip():
        return fail("保存审核意见需要用 --reviewer 给出审核人姓名。", EXIT_USAGE)
    if args.db and not Path(args.db).exists():
        return fail(f"找不到数据库文件：{args.db}", EXIT_UNREADABLE)
    try:
        with (Store(args.db) if args.db else Store()) as store:
            if args.set_opinion is not None:
                store.set_opinion(args.report, args.set_opinion, args.reviewer.strip())
            opinion = build_opinion(store, args.report, reviewer=args.reviewer,
                                    problems=args.problem, with_checks=True)
        out = write_opinion_docx(opinion, args.out)
    except ReportError as exc:
        return fail(exc.message, EXIT_UNREADABLE)
    print(f"已生成审核意见书：{out}（{opinion.body}，{opinion.year or '年度未识别'}）")
    return EXIT_OK
