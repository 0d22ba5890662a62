"""``import PATH... [--db FILE]``: import reports (files and folders) into the review database.

Exit codes: 0 every file imported or already stored; 4 some files failed (the rest are stored;
the failures are listed with their reasons); 3 nothing could be imported (every file failed, or
the database itself is unusable — corrupt, not ours, from a newer version).
"""
from __future__ import annotations

import sys

from core.cli.console import EXIT_OK, EXIT_UNREADABLE, ProgressBar, ensure_utf8_stdio, fail
from core.errors import ReportError

EXIT_PARTIAL = 4


def run(args) -> int:
    ensure_utf8_stdio()
    from core.batch_import import collect_files, import_paths
    from core.store import Store, connection

    try:
        store = Store(args.db) if args.db else Store()
    except ReportError as exc:
        return fail(exc.message, EXIT_UNREADABLE)
    if store.read_only:
        store.close()
        return fail(f"不能导入：{connection.read_only_message(store.path)}", EXIT_UNREADABLE)
    with store:
        files, _missing = collect_files(args.paths)
        bar = ProgressBar(len(files), "导入 ")
        try:
            summary = import_paths(store, args.paths, progress=lambda d, t, name: bar.update(d, name))
        except KeyboardInterrupt:  # each report is its own transaction: what is done stays done
            bar.close()
            return fail("导入已中断；已完成的报告已保存。", EXIT_PARTIAL)
        bar.close()
    print(f"导入完成：新增 {len(summary.imported)} 份，已存在跳过 {len(summary.duplicates)} 份，"
          f"失败 {len(summary.failed)} 份。数据库：{store.path}")
    for path, message in summary.failed:
        print(f"  失败：{path}：{message}", file=sys.stderr)
    if not summary.failed:
        return EXIT_OK
    if summary.imported or summary.duplicates:
        return EXIT_PARTIAL
    return EXIT_UNREADABLE
