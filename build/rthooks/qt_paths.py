# Runtime hook of the frozen build, in place of PyInstaller's PySide6 hook: that hook imports
# QtCore at every start (to register a qt.conf that PySide6's wheels already embed), which loaded
# Qt and its 37 MB ICU into every `extract` / `import` / `export` run. Only the plugin path is
# needed, and it can be set without importing Qt; the window imports Qt itself.
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ.setdefault("QT_PLUGIN_PATH", os.path.join(_qt, "plugins"))
