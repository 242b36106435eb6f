"""Run slow work off the GUI thread and hand the result back on it.

Widgets are touched only in the callbacks, which Qt delivers on the GUI thread because the
signal's receiver object lives there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # handed to the GUI thread, which decides what to say
            self.relay.failed.emit(e)
        else:
            self.relay.finished.emit(result)


# Keeps each relay (and so its signal connections) alive until its job has reported back.
_running: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> _Relay:
    relay = _Relay()
    _running.add(relay)

    def done(result: Any) -> None:
        _running.discard(relay)
        on_done(result)

    def error(exc: Exception) -> None:
        _running.discard(relay)
        on_error(exc)

    relay.finished.connect(done)
    relay.failed.connect(error)
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay


class ProgressRelay(QObject):
    """Carries a fraction done (0..1) from a worker thread to the GUI thread: create it on the
    GUI thread, hand ``progressed.emit`` to the work, connect ``progressed`` to the widget."""

    progressed = Signal(float)


def wait_all(msecs: int = 10_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(msecs)
