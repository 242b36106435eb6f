"""PySide6 asks of every module imported after it whether its source mentions "PySide6"; the
app answers the same question by reading the file's bytes (ui/pyside_imports.py). The answers
must be PySide6's own, for every module the main window's start imports."""

from __future__ import annotations

from tests.python_process import run_python

CHECK = """
import sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
import consultdesk.ui.app
import consultdesk.ui.main_window  # the database layer, the services, the screens
ours = feature._mod_uses_pyside
modules = [m for m in list(sys.modules.values()) if m is not None]
differ = [m.__name__ for m in modules if ours(m) != original(m)]
uses = sorted(m.__name__ for m in modules if original(m))
print("replaced=" + str(ours is not original))
print("modules=" + str(len(modules)))
print("uses=" + ",".join(uses))
print("differ=" + ",".join(differ))
table = feature.pyside_feature_dict
print("screen=" + str(table.get("consultdesk.ui.residents_view")))
print("orm=" + str(table.get("sqlalchemy.util")))
"""


def test_the_file_check_answers_as_pyside6_does() -> None:
    done = run_python(CHECK, check=True, QT_QPA_PLATFORM="offscreen")
    report = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert report["replaced"] == "True"
    assert int(report["modules"]) > 500
    assert report["differ"] == "", report["differ"]
    uses = report["uses"].split(",")
    assert "consultdesk.ui.main_window" in uses and "consultdesk.ui.residents_view" in uses
    assert "consultdesk.storage.models" not in uses
    # What PySide6 noted while they were imported: a screen's module is one of its users (0,
    # "no feature"), the ORM's is ignored (-1).
    assert report["screen"] == "0" and report["orm"] == "-1", report
