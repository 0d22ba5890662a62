"""法治报告审阅台 — entry point.

No arguments (or only file paths) opens the review window; subcommands run the core from the command
line: ``extract``, ``import``, ``export``, ``opinion``. Exit codes: 0 success, 2 usage error, 3 unreadable input,
4 a batch import where some files failed (the others were imported), 130 stopped by Ctrl+C.
"""
from __future__ import annotations

import argparse
import os
import sys

SUBCOMMANDS = ("extract", "import", "export", "opinion")
PROG = "reportdesk"


def build_parser() -> argparse.ArgumentParser:
    from core.cli import argparse_zh

    argparse_zh.install()  # "usage:", "options:", "invalid choice" … in Chinese
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="法治报告审阅台：导入法治政府建设年度报告，识别提纲与数字，审核并导出汇总表。"
        " 不带参数（或只给文件路径）时打开图形界面。",
        epilog="示例：reportdesk extract 报告.pdf --json ；reportdesk import 文件夹 ；"
        "reportdesk export --out 汇总.xlsx 。退出码：0 成功，2 用法错误，3 输入无法读取，4 部分文件导入失败。",
    )
    sub = parser.add_subparsers(dest="command", metavar="{extract,import,export,opinion}")

    p = sub.add_parser("extract", help="识别一份报告，输出提纲、数字和元数据",
                       description="导入一份报告（TXT/DOCX/PDF），输出识别结果。")
    p.add_argument("file", help="报告文件（.txt / .docx / .pdf）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出完整结果（默认输出简要文本）")

    p = sub.add_parser("import", help="把文件或文件夹中的报告导入数据库",
                       description="导入文件或文件夹（递归查找 .txt/.docx/.pdf），显示进度并汇总失败原因。")
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    p.add_argument("--db", metavar="FILE", help="数据库文件（默认在用户数据目录）")
    same = p.add_mutually_exclusive_group()
    same.add_argument("--replace", action="store_true",
                      help="新文件与已导入报告同一单位、同一年度时，替换较早的版本（保留审核结果）")
    same.add_argument("--keep-both", action="store_true",
                      help="同一单位、同一年度的报告都保留为单独的报告（默认，并给出提示）")

    p = sub.add_parser("export", help="导出审核汇总表（.xlsx 或 .csv）",
                       description="从数据库导出汇总表：.xlsx 含“汇总”和“明细”两张表；.csv 为明细（UTF-8 带 BOM）。")
    p.add_argument("--db", metavar="FILE", help="数据库文件（默认在用户数据目录）")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件，扩展名 .xlsx 或 .csv")
    p.add_argument("--reviewed-only", action="store_true",
                   help="只导出已确认、已修改和人工新增的数字（默认导出全部并标明状态）")

    p = sub.add_parser("opinion", help="生成一份报告的审核意见书（.docx）",
                       description="生成审核意见书：报告单位、年度、缺少的必备部分、发现的问题、审核意见、审核人和日期。")
    p.add_argument("--db", metavar="FILE", help="数据库文件（默认在用户数据目录）")
    p.add_argument("--report", required=True, type=int, metavar="ID", help="报告编号（数据库中的编号）")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件，扩展名 .docx")
    p.add_argument("--reviewer", metavar="NAME", help="审核人姓名（默认取报告的审核人）")
    p.add_argument("--problem", action="append", metavar="TEXT", help="发现的问题（可重复给出）")
    p.add_argument("--set-opinion", metavar="TEXT", help="先把这段文字保存为该报告的审核意见（需 --reviewer）")
    return parser


def run_cli(argv: list[str]) -> int:
    """Run a subcommand; Ctrl+C anywhere ends with one Chinese line and exit code 130."""
    from core.cli.console import ensure_utf8_stdio, interrupted

    ensure_utf8_stdio()
    try:
        return _run_command(argv)
    except KeyboardInterrupt:  # the parser child (if any) was killed on the way out
        return interrupted()
    except BrokenPipeError:  # `extract ... | head`: the reader has all it wanted, not an error to report
        return _reader_gone()


def _reader_gone() -> int:
    """Point stdout at the null device so the interpreter's final flush cannot fail a second time,
    and exit as a program ended by SIGPIPE would (128 + 13), as shells expect."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


def _run_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        from core.cli.extract_cmd import run
    elif args.command == "import":
        from core.cli.import_cmd import run
    elif args.command == "export":
        from core.cli.export_cmd import run
    elif args.command == "opinion":
        from core.cli.opinion_cmd import run
    else:  # pragma: no cover - argparse only returns known commands
        return 2
    return run(args)


def usage_error(words: list[str]) -> int:
    """Exit code 2 for words that are neither a subcommand nor an existing file or folder."""
    import difflib

    build_parser().print_usage(sys.stderr)
    word = words[0]
    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
    hint = f"，是不是要输入 {close[0]}？" if close else "。"
    print(f"{PROG}：错误：“{word}”既不是子命令（{'、'.join(SUBCOMMANDS)}），也不是存在的文件或文件夹"
          f"{hint}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # The GUI parses files in a child process; a frozen build must let that child run here.
    multiprocessing.freeze_support()
    from core.quiet import quiet_libraries

    quiet_libraries()  # no English library log lines or warnings on the user's console
    argv = sys.argv[1:] if argv is None else argv
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help")):
        return run_cli(argv)
    # "--" ends the options, so a file whose name starts with "-" can still be opened
    split = argv.index("--") if "--" in argv else len(argv)
    options, files = argv[:split], argv[split + 1:]
    if any(a.startswith("-") for a in options):
        build_parser().print_usage(sys.stderr)
        from core.cli.console import display_path, ensure_utf8_stdio

        ensure_utf8_stdio()
        unknown = " ".join(display_path(a) for a in options if a.startswith("-"))
        print(f"{PROG}: 错误：未知选项 {unknown}（文件名以“-”开头时，请写在 -- 之后）", file=sys.stderr)
        return 2
    unknown = [a for a in argv if not os.path.exists(a)]
    if unknown:  # a mistyped subcommand or a missing file: say so instead of opening the window
        return usage_error(unknown)
    from gui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(options + files)


def exit_now(code: int) -> None:
    """End ``extract`` without tearing the interpreter down: its work is printed and its children
    are gone, and freeing the detectors' patterns and dictionaries one object at a time costs
    ~10 ms. Other commands exit normally (files and databases close in their own ``finally``)."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a closed pipe (| head), no console
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl+C before a subcommand installed its own handling
        print("\n已中断（Ctrl+C）。", file=sys.stderr)
        sys.exit(130)
    if sys.argv[1:2] == ["extract"]:
        exit_now(code)
    sys.exit(code)
