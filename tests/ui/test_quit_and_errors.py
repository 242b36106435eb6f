"""The exception hook on any thread, the start-up wording, and background tasks at quit."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from consultdesk.ui import errors, tasks


@pytest.fixture
def dialogs(monkeypatch, no_error_dialogs):
    """Every error dialog shown: (text, whether it was built on the GUI thread)."""
    shown: list[tuple[str, bool]] = []

    def show(title: str, text: str, details: str) -> None:
        app = QCoreApplication.instance()
        shown.append((text, QThread.currentThread() is app.thread()))

    monkeypatch.setattr(errors.ErrorDialog, "show", staticmethod(show))
    errors.install_excepthook()
    monkeypatch.setattr(errors._State, "running", True)
    monkeypatch.setattr(errors._State, "quitting", False)
    yield shown


def test_an_error_on_a_worker_thread_is_shown_on_the_gui_thread(qtbot, dialogs):
    def work() -> None:
        raise ValueError("boom in a worker")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    text, on_gui_thread = dialogs[0]
    assert on_gui_thread and text == errors._texts()[1]  # the window is up: keep working


def test_before_the_window_is_up_the_dialog_does_not_promise_more_work(dialogs, monkeypatch):
    keep_working = errors._texts()[1]
    monkeypatch.setattr(errors._State, "running", False)
    try:
        raise RuntimeError("no window yet")
    except RuntimeError as e:
        errors._hook(type(e), e, e.__traceback__)
    assert len(dialogs) == 1
    assert dialogs[0][0] == errors._texts()[1] != keep_working


def test_while_quitting_an_error_is_only_logged(dialogs, monkeypatch):
    monkeypatch.setattr(errors._State, "quitting", True)
    try:
        raise RuntimeError("late")
    except RuntimeError as e:
        errors._hook(type(e), e, e.__traceback__)
    assert dialogs == []


def test_tasks_at_quit_are_waited_for_and_report_nowhere(qtbot):
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(10)
        return "late result"

    tasks.run_task(slow, delivered.append, delivered.append)
    tasks.run_task(lambda: "queued", delivered.append, delivered.append)
    assert started.wait(10)
    threading.Timer(0.05, release.set).start()
    try:
        assert tasks.shutdown(10_000)  # waited for the running one
        QCoreApplication.processEvents()
        assert delivered == []  # nothing reaches a window that is gone
    finally:
        tasks._closing.clear()
