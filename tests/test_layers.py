"""The core (domain, storage, sync, reports, services, demo) never imports Qt — checked for real by
importing every core module in a process where PySide6 cannot be imported."""

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
CORE = ["domain", "storage", "sync", "reports", "services", "demo"]


def test_core_modules_import_without_qt():
    modules = []
    for package in CORE:
        for path in sorted((SRC / "consultdesk" / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = path.relative_to(SRC).with_suffix("")
            name = ".".join(rel.parts).removesuffix(".__init__")
            modules.append(name)
    assert len(modules) > 15
    code = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"  # any import of PySide6 now raises ImportError
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith('consultdesk.ui') for k in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=SRC.parent
    )
    assert result.returncode == 0, result.stderr[-2000:]
