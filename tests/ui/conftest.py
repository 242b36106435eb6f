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
