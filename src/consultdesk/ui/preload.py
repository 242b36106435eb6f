"""Load the heavy part of the app while the pharmacist types the passphrase.

The first window (unlock or set-up) needs only Qt. The database layer, the PDF library and the
sync cryptography take about a second to import on a laptop, so they load on a background thread
that starts when that window is shown, and the passphrase's submission waits for it (``wait``).
That thread also sets up the ORM's mappings, which the first query would otherwise do (a fifth of
a second). Only the core is loaded there (it never imports Qt).

The screens are imported afterwards on the GUI thread, where Qt classes belong, one module per
turn of the event loop (``load_screens``), so typing goes on between them and the main window
needs no imports once the passphrase is accepted (make bench: unlock_to_usable_list_10k_ms).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
import threading

from PySide6.QtCore import QTimer

# The packages the main window's services reach; everything under them is imported.
_CORE_PACKAGES = ("storage", "sync", "reports", "services")
# The screens' package, loaded on the GUI thread once the core is in.
_SCREENS_PACKAGE = "ui"
# The GUI thread looks again this often while the background load is still running.
_POLL_MS = 25

_lock = threading.Lock()
_thread: threading.Thread | None = None
_screens_started = False
_screens_done = False

log = logging.getLogger(__name__)


def _modules(package: str) -> list[str]:
    module = importlib.import_module(f"consultdesk.{package}")
    prefix = module.__name__ + "."
    return [info.name for info in pkgutil.walk_packages(module.__path__, prefix)]


def _core_modules() -> list[str]:
    return [name for package in _CORE_PACKAGES for name in _modules(package)]


def _import(name: str) -> None:
    try:
        importlib.import_module(name)
    except Exception:  # a module that fails here fails again, with its message, where used
        log.debug("preload of %s failed", name, exc_info=True)


def _load() -> None:
    for name in _core_modules():
        if ".migrations." not in name:  # Alembic reads these itself, by file
            _import(name)
    try:
        from consultdesk.services import workspace

        workspace.prepare()
    except Exception:  # the first query configures them again and says what is wrong
        log.debug("mapper configuration failed", exc_info=True)


def start() -> None:
    """Begin loading in the background (once)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_load, name="preload", daemon=True)
            _thread.start()


def wait() -> None:
    """Block until the background load is done (returns at once if it never started)."""
    with _lock:
        thread = _thread
    if thread is not None:
        thread.join()


def _core_loading() -> bool:
    with _lock:
        return _thread is not None and _thread.is_alive()


def screens_loaded() -> bool:
    """True once ``load_screens`` has imported every screen module (or tried: one that fails
    fails again, with its message, where it is used)."""
    return _screens_done


def load_screens() -> None:
    """Start the background load if it is not running, and once it is done import the screens
    on this (the GUI) thread, one module per turn of the event loop. Once per process."""
    global _screens_started
    if _screens_started:
        return
    _screens_started = True
    start()
    pending: list[str] = []

    def step() -> None:
        global _screens_done
        if _core_loading():
            QTimer.singleShot(_POLL_MS, step)
            return
        if not pending:
            pending.extend(_modules(_SCREENS_PACKAGE))
        while pending:
            name = pending.pop(0)
            if name not in sys.modules:
                _import(name)
                break
        if pending:
            QTimer.singleShot(0, step)
        else:
            _screens_done = True

    QTimer.singleShot(0, step)
