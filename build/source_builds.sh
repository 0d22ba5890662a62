#!/usr/bin/env bash
# Two libraries compiled from their own source releases for the frozen program (sourced by
# build.sh; README「打包」). Each is built once per version, Python and machine into a cache folder
# (`REPORTDESK_BUILD_CACHE`, default ~/.cache/reportdesk-build) and reaches only the PyInstaller run
# (PYTHONPATH, ahead of site-packages): the developer's environment is not touched. Both need a
# C/C++ compiler; when a build fails, build.sh keeps the installed wheel and says why.
#
# numpy_noblas: numpy's wheels carry OpenBLAS + gfortran (numpy.libs, 28 MB), loaded by
#   `import numpy`. The program does no linear algebra (numpy serves pandas' aggregations in the
#   export and the copy check's hashing), so numpy is compiled with -Dblas=none -Dlapack=none: it
#   then uses its bundled C fallbacks (lapack_lite, its own matmul loops). numpy.linalg keeps
#   working — slower on large matrices, same results; nothing is stubbed.
# opencv_minimal (OCR build only): the OpenCV wheel is 152 MB — cv2 with every module (dnn, video,
#   features, calib …) linked to FFmpeg, AVIF/AOM, VPX and its own OpenBLAS. The OCR engine
#   (rapidocr) and core/ocr/seal.py call only core and imgproc functions (cvtColor, resize,
#   warpPerspective, findContours, minAreaRect, boxPoints, dilate, morphologyEx, fillPoly …) and
#   imgcodecs' PNG; the same OpenCV release compiled with just those modules is one 18 MB library
#   linking libpng and zlib. The Python side (cv2/__init__.py and its loader) is the installed
#   wheel's, same version.
#
# Sets SOURCE_BUILDS_PATH (folders for PYTHONPATH, ':'-separated; empty when nothing was built).
SOURCE_BUILDS_PATH=""

_cache_dir() {  # _cache_dir PY NAME VERSION -> the cache folder of that build
  local tag
  tag=$("$1" -c "import sys; print(f'cp{sys.version_info[0]}{sys.version_info[1]}')")
  echo "${REPORTDESK_BUILD_CACHE:-$HOME/.cache/reportdesk-build}/$2-$3-$tag-$(uname -m)"
}

_add_path() { SOURCE_BUILDS_PATH="$1${SOURCE_BUILDS_PATH:+:$SOURCE_BUILDS_PATH}"; }

_failed() {  # _failed WHAT LOG
  tail -20 "$2" >&2
  echo "$1 could not be built (log: $2); the build keeps the installed wheel" >&2
}

numpy_noblas() {
  local py="$1" ver cache site log start
  ver=$("$py" -c "import numpy; print(numpy.__version__)")
  cache=$(_cache_dir "$py" numpy-noblas "$ver")
  site="$cache/site"
  if [ ! -f "$site/.complete" ]; then
    echo "numpy $ver without OpenBLAS: building from source once into $cache (several minutes)"
    rm -rf "$cache" && mkdir -p "$cache"
    log="$cache/build.log"
    start=$(date +%s)
    if ! "$py" -m pip wheel --quiet --no-deps --no-binary numpy "numpy==$ver" -w "$cache/wheel" \
          -Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none -Csetup-args=-Dallow-noblas=true \
          > "$log" 2>&1 \
       || ! "$py" -m pip install --quiet --no-deps --target "$site" "$cache"/wheel/numpy-*.whl >> "$log" 2>&1; then
      _failed "numpy without OpenBLAS" "$log"; return 0
    fi
    rm -rf "$cache/wheel"
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
  _add_path "$site"
}

# OpenCV's own options: only these modules, no optional library and nothing downloaded at
# configure time (IPP, ADE are fetched from the internet otherwise). The Python-binding options
# are those of the opencv-python wheel's setup.py.
OPENCV_CMAKE_ARGS=(
  -DCMAKE_BUILD_TYPE=Release -DBUILD_LIST=core,imgproc,imgcodecs,python3
  -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_DOCS=OFF
  -DBUILD_opencv_apps=OFF -DBUILD_opencv_java=OFF -DBUILD_opencv_python2=OFF
  -DBUILD_opencv_python3=ON -DPYTHON3_LIMITED_API=ON -DOPENCV_PYTHON3_INSTALL_PATH=python
  -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF -DWITH_V4L=OFF -DWITH_1394=OFF -DWITH_LAPACK=OFF
  -DWITH_IPP=OFF -DWITH_ADE=OFF -DWITH_OPENCL=OFF -DWITH_VA=OFF -DWITH_VA_INTEL=OFF -DWITH_ITT=OFF
  -DWITH_EIGEN=OFF -DWITH_PROTOBUF=OFF -DWITH_FLATBUFFERS=OFF -DWITH_OPENVINO=OFF
  -DWITH_QT=OFF -DWITH_GTK=OFF -DWITH_WIN32UI=OFF
  -DWITH_JPEG=OFF -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENJPEG=OFF -DWITH_JASPER=OFF
  -DWITH_AVIF=OFF -DWITH_OPENEXR=OFF -DBUILD_OPENEXR=OFF -DWITH_IMGCODEC_HDR=OFF
  -DWITH_IMGCODEC_SUNRASTER=OFF -DWITH_IMGCODEC_PXM=OFF -DWITH_IMGCODEC_PFM=OFF
  -DWITH_IMGCODEC_GIF=OFF
)

opencv_minimal() {
  local py="$1" dist ver cache site log start src installed pyargs
  dist=$("$py" -c "import importlib.metadata as m; print(next(d for d in ('opencv-python-headless', 'opencv-python') if any(x.metadata['Name'] == d for x in m.distributions())))" 2>/dev/null) || return 0
  ver=$("$py" -c "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))" "$dist")
  cache=$(_cache_dir "$py" opencv-minimal "$ver")
  site="$cache/site"
  if [ ! -f "$site/.complete" ]; then
    echo "OpenCV $ver with core/imgproc/imgcodecs only: building from source once into $cache (about 10-15 minutes)"
    rm -rf "$cache" && mkdir -p "$cache/src"
    log="$cache/build.log"
    start=$(date +%s)
    installed=$("$py" -c "import importlib.util, os; print(os.path.dirname(importlib.util.find_spec('cv2').origin))")
    if ! "$py" -m pip download --quiet --no-deps --no-binary "$dist" "$dist==$ver" -d "$cache/src" > "$log" 2>&1 \
       || ! tar -xzf "$cache"/src/*.tar.gz -C "$cache/src" >> "$log" 2>&1; then
      _failed "OpenCV (minimal)" "$log"; return 0
    fi
    src=$(echo "$cache"/src/*/opencv)
    mapfile -t pyargs < <("$py" - <<'PYEOF'
import os, sys, sysconfig
lib = os.path.join(sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("LDLIBRARY"))
print(f"-DPYTHON3_EXECUTABLE={sys.executable}")
print(f"-DPYTHON_DEFAULT_EXECUTABLE={sys.executable}")
print(f"-DPYTHON3_INCLUDE_DIR={sysconfig.get_paths()['include']}")
print(f"-DPYTHON3_LIBRARY={lib}")
PYEOF
)
    local generator=(-G Ninja)  # without ninja, cmake's own Makefiles on every core
    command -v ninja > /dev/null || generator=(-G "Unix Makefiles")
    if ! cmake -S "$src" -B "$cache/cmake" "${generator[@]}" "${OPENCV_CMAKE_ARGS[@]}" "${pyargs[@]}" >> "$log" 2>&1 \
       || ! cmake --build "$cache/cmake" --target opencv_python3 --parallel "$(nproc)" >> "$log" 2>&1; then
      _failed "OpenCV (minimal)" "$log"; return 0
    fi
    mkdir -p "$site"
    cp -a "$installed" "$site/cv2"
    cp "$cache/cmake/lib/python3/cv2.abi3.so" "$site/cv2/cv2.abi3.so"
    rm -rf "$cache/src" "$cache/cmake"
    echo "OpenCV $ver (minimal) built in $(( $(date +%s) - start )) s"
    touch "$site/.complete"
  fi
  # The same version, none of the wheel's video/BLAS libraries, and the calls the OCR makes work.
  PYTHONPATH="$site" "$py" - "$site" "$ver" <<'PYEOF'
import sys
import cv2
import numpy as np
assert cv2.__file__.startswith(sys.argv[1]), cv2.__file__
assert cv2.__version__ == ".".join(sys.argv[2].split(".")[:3]), cv2.__version__
info = cv2.getBuildInformation()
assert "FFMPEG:                      YES" not in info and "Lapack:                      YES" not in info
img = np.full((40, 60, 3), 255, np.uint8)
cv2.rectangle(img, (10, 10), (30, 20), (0, 0, 255), -1)
grey = cv2.cvtColor(cv2.resize(img, (120, 80)), cv2.COLOR_BGR2GRAY)
mask = cv2.dilate((grey < 128).astype(np.uint8), np.ones((3, 3), np.uint8))
contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
(cx, cy), (w, h), _angle = cv2.minAreaRect(contours[0])
assert abs(cx - 40) < 2 and abs(cy - 30) < 2 and 20 < min(w, h) < 26 and 40 < max(w, h) < 46, (cx, cy, w, h)
ok, png = cv2.imencode(".png", img)
assert ok and (cv2.imdecode(png, cv2.IMREAD_COLOR) == img).all()
print(f"OpenCV {cv2.__version__} (core, imgproc, imgcodecs): image calls ok")
PYEOF
  _add_path "$site"
}
