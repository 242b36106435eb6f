"""UI fixtures: the real application set-up (fonts, Korean catalogue), and seams so no test
ever blocks on a modal dialog or leaves a background task running."""

from __future__ import annotations

import pytest

from consultdesk.ui import i18n, tasks
from consultdesk.ui.app import make_application
from consultdesk.ui.errors import ErrorDialog


@pytest.fixture(autouse=True)
def korean_app(qapp):
    make_application()
    i18n.install("ko")
    yield qapp
    assert tasks.wait_all(10_000), "a background task was still running"


@pytest.fixture(autouse=True)
def no_error_dialogs(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        ErrorDialog, "show", staticmethod(lambda title, text, details: shown.append(details))
    )
    yield shown
    assert shown == [], f"an unexpected error reached the error dialog:\n{shown}"


STUCK_TICKS = 40  # × 250 ms: a modal nobody answers for 10 s is closed and fails the test


@pytest.fixture(autouse=True)
def no_stuck_modals(qapp):
    """A test never hangs on a modal dialog it did not arrange to answer (for example a
    "not saved" prompt raised while the test's widgets are closed): the dialog is rejected
    after a while and the test fails, saying what the dialog said."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    stuck: list[str] = []
    seen: dict[int, int] = {}

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            seen.clear()
            return
        ticks = seen[id(widget)] = seen.get(id(widget), 0) + 1
        if ticks >= STUCK_TICKS:
            text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            stuck.append(text)
            if isinstance(widget, QDialog):
                widget.reject()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    yield stuck
    timer.stop()
    assert stuck == [], f"a modal dialog was left unanswered: {stuck}"
