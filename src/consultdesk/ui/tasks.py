"""Run slow work off the GUI thread and hand the result back on it.

Widgets are touched only in the callbacks, which Qt delivers on the GUI thread because the
signal's receiver object lives there.

At quit, ``shutdown`` drops the tasks not yet started and waits for the running ones; a task
that ends after that reports nowhere (its window is gone), instead of emitting from a relay
Qt has already deleted ("Signal source has been deleted") and so reaching the exception hook on
a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


_closing = threading.Event()


def closing() -> bool:
    """True once the app is quitting: results are no longer delivered."""
    return _closing.is_set()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        if _closing.is_set():
            return
        try:
            result = self.fn()
        except Exception as e:  # handed to the GUI thread, which decides what to say
            self._report(self.relay.failed, e)
        else:
            self._report(self.relay.finished, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        if _closing.is_set():
            return
        try:
            signal.emit(value)
        except RuntimeError:  # the relay was deleted: the app is quitting, nobody waits
            log.debug("a background task finished after its window closed")


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
        if not _closing.is_set():
            on_done(result)

    def error(exc: Exception) -> None:
        _running.discard(relay)
        if not _closing.is_set():
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


def shutdown(msecs: int = 30_000) -> bool:
    """At quit, before the workspace closes: drop queued tasks, wait for running ones (at most
    ``msecs``). True when none is left running."""
    _closing.set()
    pool = QThreadPool.globalInstance()
    pool.clear()
    finished = pool.waitForDone(msecs)
    if not finished:
        log.warning("a background task was still running at quit")
    else:
        _running.clear()
    return finished
