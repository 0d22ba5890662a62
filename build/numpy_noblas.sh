#!/usr/bin/env bash
# numpy without OpenBLAS for the frozen program (sourced by build.sh; README「打包」).
#
# numpy's wheels carry OpenBLAS + gfortran (numpy.libs, 28 MB of the folder), loaded by
# `import numpy`. The program does no linear algebra (numpy serves pandas' aggregations in the
# export and the copy check's hashing), so the build uses numpy compiled from its own source
# release, same version as installed, with -Dblas=none -Dlapack=none: numpy's build then uses its
# bundled C fallbacks (lapack_lite and its own matmul loops). numpy.linalg keeps working — slower
# on large matrices, the same results — which build.sh checks below; nothing is stubbed.
#
# The developer's environment is not touched: pip builds the wheel in its own isolated build
# environment, and the result is unpacked into a cache folder that only the PyInstaller run sees
# (PYTHONPATH, ahead of site-packages). Built once per numpy version and Python, then reused
# (`REPORTDESK_BUILD_CACHE`, default ~/.cache/reportdesk-build). Needs a C/C++ compiler; without
# one (or offline) build.sh keeps the wheel's numpy, prints why, and the lean build's size check fails.
#
# Sets NUMPY_NOBLAS_SITE (the folder to put on PYTHONPATH) or leaves it empty.
NUMPY_NOBLAS_SITE=""
numpy_noblas() {
  local py="$1" ver pytag cache site log wheeldir start
  ver=$("$py" -c "import numpy; print(numpy.__version__)")
  pytag=$("$py" -c "import sys; print(f'cp{sys.version_info[0]}{sys.version_info[1]}')")
  cache="${REPORTDESK_BUILD_CACHE:-$HOME/.cache/reportdesk-build}/numpy-$ver-noblas-$pytag-$(uname -m)"
  site="$cache/site"
  if [ ! -f "$site/.complete" ]; then
    echo "numpy $ver without OpenBLAS: building from source once into $cache (several minutes)"
    rm -rf "$cache"
    mkdir -p "$cache"
    log="$cache/build.log"
    wheeldir="$cache/wheel"
    start=$(date +%s)
    if ! "$py" -m pip wheel --quiet --no-deps --no-binary numpy "numpy==$ver" -w "$wheeldir" \
          -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dallow-noblas=true \
          > "$log" 2>&1 \
       || ! "$py" -m pip install --quiet --no-deps --target "$site" "$wheeldir"/numpy-*.whl >> "$log" 2>&1; then
      tail -20 "$log" >&2
      echo "numpy without OpenBLAS could not be built (log: $log); the build keeps the wheel's numpy" >&2
      return 0
    fi
    rm -rf "$wheeldir"
    echo "numpy $ver without OpenBLAS built in $(( $(date +%s) - start )) s"
    touch "$site/.complete"
  fi
  # The overlay must be what it claims: the same version, no BLAS library, working linear algebra.
  PYTHONPATH="$site" "$py" - "$site" "$ver" <<'PYEOF'
import os, sys
import numpy as np
assert np.__file__.startswith(sys.argv[1]), np.__file__
assert np.__version__ == sys.argv[2], np.__version__
assert not os.path.isdir(os.path.join(sys.argv[1], "numpy.libs")), "numpy.libs present"
blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
assert blas.get("name") == "none", blas
a = np.array([[4.0, 1.0], [2.0, 3.0]])
assert np.allclose(np.linalg.solve(a, [1.0, 2.0]), [0.1, 0.6])
assert np.allclose(a @ np.linalg.inv(a), np.eye(2))
print(f"numpy {np.__version__} without OpenBLAS (lapack_lite): linalg ok")
PYEOF
  NUMPY_NOBLAS_SITE="$site"
}
