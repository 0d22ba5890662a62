"""Run a piece of the program in a child process under a wall-clock and an address-space limit.

A regression in the hostile-input suite must fail, never hang CI or take the machine's memory:
each case runs in ``python`` with ``timeout`` seconds and (POSIX) ``RLIMIT_AS`` set before exec.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GIB = 1024 ** 3


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def _limit_memory(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_python(args: list[str], *, timeout: float, memory: int = 3 * GIB,
               env: dict[str, str] | None = None, cwd: str | Path | None = None) -> Outcome:
    """``python ARGS`` from the repository root; raises ``subprocess.TimeoutExpired`` on a hang."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    posix = os.name == "posix"
    # own process group: on a timeout the whole tree is killed, a parser child included
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=full_env, cwd=str(cwd or ROOT),
                            preexec_fn=_limit_memory(memory) if posix else None, start_new_session=posix)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.communicate()
        raise
    return Outcome(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def run_cli(args: list[str], **kw) -> Outcome:
    return run_python([str(ROOT / "main.py"), *args], **kw)
