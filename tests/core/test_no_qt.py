"""The core stays Qt-free: importing every core module with PySide6 blocked must work."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):
            raise ImportError('core must not import ' + name)
sys.meta_path.insert(0, Block())
import core
for mod in pkgutil.walk_packages(core.__path__, 'core.'):
    importlib.import_module(mod.name)
print('ok')
"""


def test_core_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
