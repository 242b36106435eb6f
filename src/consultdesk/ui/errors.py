"""Unexpected errors: log the trace to a file in the data folder, tell the person calmly.

The hook may be called on any thread (an exception in a worker, or in a Python thread): only
the GUI thread may build a dialog, so from elsewhere the message is queued to it. At quit, and
before the main window is up, nothing says "you can keep working" unless it is true.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from consultdesk.folder_lock import private_file, private_folder

log = logging.getLogger("consultdesk")

FAULTS_FILE = "faults.log"
_faults: IO[str] | None = None


class _PrivateLog(RotatingFileHandler):
    """Each log file (the rotated ones too) readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream


def setup_logging(data_dir: Path) -> Path:
    folder = private_folder(private_folder(data_dir) / "logs")
    path = folder / "consultdesk.log"
    handler = _PrivateLog(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    enable_faulthandler(folder)
    return path


def enable_faulthandler(folder: Path) -> Path:
    """A crash (a signal such as SIGSEGV or SIGABRT) writes every thread's Python stack to
    logs/faults.log: the rotating log cannot take it, as a crash leaves no time to rotate."""
    global _faults
    path = folder / FAULTS_FILE
    before = _faults
    if _faults is None or _faults.closed or Path(_faults.name) != path:
        _faults = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
        private_file(path)
    faulthandler.enable(file=_faults, all_threads=True)
    if before is not None and before is not _faults:
        before.close()  # another data folder's (a test's): faulthandler writes to the new one now
    return path


class ErrorDialog:
    """The seam tests replace: `ErrorDialog.show` must never block a test."""

    @staticmethod
    def show(title: str, text: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text)
        box.setDetailedText(details)
        box.exec()


class _State:
    running = False  # the main window is up: after an error one can keep working
    quitting = False


def set_running(running: bool) -> None:
    """Called when the main window is shown (True) and when the app quits (False)."""
    _State.running = running
    if not running:
        _State.quitting = True


class _GuiRelay(QObject):
    """Lives on the GUI thread; a worker's error reaches the dialog through its signal (a
    queued connection, as the receiver is this object on the GUI thread)."""

    show = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.show.connect(self.deliver)

    def deliver(self, details: str) -> None:
        if not (_State.quitting or QCoreApplication.closingDown()):
            _show_on_gui_thread(details)


_relay: _GuiRelay | None = None


def _nothing_unsaved() -> bool:
    return False


# The main window sets this: True while edits on screen are not yet in the database, so the
# dialog never says "what you saved is safe, keep working" while the last edits are at risk.
has_unsaved_work: Callable[[], bool] = _nothing_unsaved


def _unsaved() -> bool:
    try:
        return has_unsaved_work()
    except Exception:
        return True


def _texts() -> tuple[str, str]:
    title = QApplication.translate("ErrorDialog", "Unexpected problem")
    if _State.running and _unsaved():
        text = QApplication.translate(
            "ErrorDialog",
            "Something went wrong, and the details were written to the log file in the data "
            "folder. Your last edits are NOT saved yet: keep the app open; the consultation's "
            "header says whether saving has gone through.",
        )
    elif _State.running:
        text = QApplication.translate(
            "ErrorDialog",
            "Something went wrong. What you saved is safe, and the details were written to the "
            "log file in the data folder. You can keep working.",
        )
    else:
        text = QApplication.translate(
            "ErrorDialog",
            "ConsultDesk could not start. What was saved before is safe, and the details were "
            "written to the log file in the data folder. Close this message and start "
            "ConsultDesk again; if it happens again, send the log file to whoever supports you.",
        )
    return title, text


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def _show_on_gui_thread(details: str) -> None:
    title, text = _texts()
    ErrorDialog.show(title, text, details)


def _hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", details)
    app = QApplication.instance()
    if app is None:
        sys.__excepthook__(kind, value, tb)
        return
    if _State.quitting or QCoreApplication.closingDown():
        return  # logged; no window is left to tell
    if _on_gui_thread():
        _show_on_gui_thread(details)
    elif _relay is not None:
        _relay.show.emit(details)  # queued to the GUI thread
    # else: no way to reach the GUI thread; the log has it


def report_startup_failure() -> None:
    """Log the exception being handled and say that ConsultDesk could not start (never "you
    can keep working": there is no window yet)."""
    kind, value, tb = sys.exc_info()
    details = "".join(traceback.format_exception(kind, value, tb)) if value else ""
    log.error("ConsultDesk could not start\n%s", details)
    _State.running = False
    if QApplication.instance() is not None and _on_gui_thread():
        _show_on_gui_thread(details)


def _thread_hook(args: Any) -> None:
    if args.exc_value is not None:
        _hook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    """Install on the GUI thread, after the QApplication exists."""
    global _relay
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
    if _relay is None and QCoreApplication.instance() is not None:
        _relay = _GuiRelay()
