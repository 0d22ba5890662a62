"""``import PATH... [--db FILE]``: import reports (files and folders) into the review database.

Exit codes: 0 every file imported or already stored; 4 some files failed (the rest are stored;
the failures are listed with their reasons); 3 nothing could be imported (every file failed, or
the database itself is unusable — corrupt, not ours, from a newer version); 130 stopped by Ctrl+C
(every report finished before is stored: each is its own transaction).

Each file is parsed in a child process under the limits of ``core.limits``: a file that hangs
the parser is killed after its time limit and listed as failed; the batch goes on.
"""
from __future__ import annotations

import sys

from core.cli.console import (EXIT_OK, EXIT_UNREADABLE, ProgressBar, display_path, ensure_utf8_stdio,
                              fail, interrupted)
from core.errors import ReportError

EXIT_PARTIAL = 4


def run(args) -> int:
    ensure_utf8_stdio()
    from core.analysis_worker import AnalysisWorker, cli_start_method
    from core.batch_import import collect_files, import_paths
    from core.store import Store, connection

    try:
        store = Store(args.db) if args.db else Store()
    except ReportError as exc:
        return fail(exc.message, EXIT_UNREADABLE)
    if store.read_only:
        store.close()
        return fail(f"不能导入：{connection.read_only_message(store.path)}", EXIT_UNREADABLE)
    replaced: int | None = 0  # None: a replacement failed
    worker = AnalysisWorker(start_method=cli_start_method())
    with store:
        files, _missing = collect_files(args.paths)
        bar = ProgressBar(len(files), "导入 ")
        try:
            summary = import_paths(store, args.paths, progress=lambda d, t, name: bar.update(d, name),
                                   analyzer=worker.analyze)
        except KeyboardInterrupt:  # each report is its own transaction: what is done stays done
            worker.close()
            bar.close()
            return interrupted("导入已中断（Ctrl+C）；已完成的报告已保存。")
        finally:
            worker.close()
        bar.close()
        replaced = _same_body_year(store, summary, replace=getattr(args, "replace", False))
    print(f"导入完成：新增 {len(summary.imported)} 份"
          + (f"（其中 {replaced} 份替换了同单位同年度的较早版本）" if replaced else "")
          + f"，已存在跳过 {len(summary.duplicates)} 份，失败 {len(summary.failed)} 份。"
          f"数据库：{display_path(store.path)}")
    for path, message in summary.failed:
        print(f"  失败：{display_path(path)}：{message}", file=sys.stderr)
    if replaced is None:
        return fail("替换较早版本失败，两份报告都已保留。", EXIT_PARTIAL)
    if not summary.failed:
        return EXIT_OK
    if summary.imported or summary.duplicates:
        return EXIT_PARTIAL
    return EXIT_UNREADABLE


def _same_body_year(store, summary, *, replace: bool) -> int | None:
    """Warn about (or, with ``--replace``, replace) earlier reports of the same body and year.

    Returns how many were replaced, None when a replacement failed (both reports kept).
    """
    done = 0
    todo = list(summary.same_body_year)
    if replace:  # a file imported before without --replace: run again with it to replace now
        todo += [(path, rid, None) for path, rid in summary.duplicates
                 if _is_current_file(store, rid, path)]
    for path, new_id, earlier in todo:
        if replace:  # asked again: an earlier file of this batch may have replaced one already
            earlier = store.earlier_versions(new_id)
            if not earlier:
                continue
        latest = earlier[0]
        if not replace:
            print(f"注意：{path} 与已导入的报告 {latest.describe()} 是同一单位、同一年度的报告，"
                  f"已作为另一份报告（编号 {new_id}）保留。如果它是修改后重发的版本，"
                  "请用 --replace 重新导入以替换较早的版本（审核结果会保留）。", file=sys.stderr)
            continue
        try:
            result = store.replace_report(latest.report_id, new_id, "导入")
        except ReportError as exc:
            print(f"错误：用 {path} 替换报告 {latest.report_id} 失败：{exc.message}", file=sys.stderr)
            return None
        done += 1
        stale = len(result.stale)
        print(f"已替换：报告 {latest.describe()} 换成了 {path}；保留审核过的数字 {result.kept} 个"
              + (f"，{stale} 个审核过的数字在新文本中找不到，已标为“需复核”" if stale else "")
              + "。", file=sys.stderr)
    return done


def _is_current_file(store, report_id: int, path: str) -> bool:
    """The report holds this very file now (not as an earlier, replaced version)."""
    from core.store.originals import sha256_of

    try:
        return store.get_report(report_id).sha256 == sha256_of(path)
    except (OSError, ReportError):
        return False
