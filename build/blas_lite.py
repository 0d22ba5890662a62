"""Swap numpy's bundled OpenBLAS (25 MB, plus libgfortran and libquadmath 3 MB) for blas_lite.c.

Why it is safe is explained in blas_lite.c: the matrix-product routines are implemented exactly
(plain loops), numpy.linalg stops with a message (the program never calls it). The swap is made
only when every OpenBLAS symbol numpy's extension modules import is defined by the new library
(checked with ``nm``), so a numpy release that needs more keeps its own OpenBLAS. Linux only;
without gcc/nm nothing changes.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "blas_lite.c")


def _symbols(path: str, undefined: bool) -> set[str]:
    flag = "--undefined-only" if undefined else "--defined-only"
    out = subprocess.run(["nm", "-D", flag, path], check=True, capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def swap_openblas(internal: str) -> tuple[int, int] | None:
    """Replace the OpenBLAS in ``internal``/numpy.libs; return (bytes before, after) or None."""
    libs = os.path.join(internal, "numpy.libs")
    blas = glob.glob(os.path.join(libs, "libscipy_openblas*.so*"))
    if len(blas) != 1 or not (shutil.which("gcc") and shutil.which("nm")):
        print("WARNING: numpy's OpenBLAS kept (needs gcc and nm, and one libscipy_openblas)")
        return None
    blas = blas[0]
    provided = _symbols(blas, undefined=False)
    wanted = set()
    for ext in glob.glob(os.path.join(internal, "numpy", "**", "*.so"), recursive=True):
        wanted |= _symbols(ext, undefined=True) & provided
    helpers = [p for p in glob.glob(os.path.join(libs, "*")) if p != blas]  # libgfortran, libquadmath
    before = sum(os.path.getsize(p) for p in [blas, *helpers])
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, os.path.basename(blas))
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", f"-Wl,-soname,{os.path.basename(blas)}",
                        "-o", out, SOURCE, "-lm"], check=True)
        missing = wanted - _symbols(out, undefined=False)
        if missing:
            print(f"WARNING: numpy's OpenBLAS kept; blas_lite.c lacks {sorted(missing)}")
            return None
        shutil.copyfile(out, blas)
    needed = subprocess.run(["readelf", "-d", blas], capture_output=True, text=True).stdout
    for helper in helpers:  # only OpenBLAS linked them
        if os.path.basename(helper) not in needed:
            os.remove(helper)
            link = os.path.join(internal, os.path.basename(helper))  # PyInstaller's top-level link
            if os.path.islink(link):
                os.remove(link)
    after = sum(os.path.getsize(p) for p in glob.glob(os.path.join(libs, "*")))
    return before, after
