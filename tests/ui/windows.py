"""The real main window as a pharmacist meets it on the smallest laptop screen it is made for."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from consultdesk.services.workspace import Workspace
from consultdesk.ui.main_window import MainWindow


def laptop_window(qtbot, ws: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window at 1366×768, shown and active (keys reach it)."""
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def settle() -> None:
    """A few turns of the event loop: what the last step changed is laid out and painted."""
    for _ in range(3):
        QApplication.processEvents()
