"""Load the heavy part of the app while the pharmacist types the passphrase.

The first window (unlock or set-up) needs only Qt. The database layer, the PDF library and the
sync cryptography take about a second to import on a laptop, so they load on a background thread
that starts when that window is shown, and the passphrase's submission waits for it (``wait``).
Only the core is loaded here (it never imports Qt); screens are imported on the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading

# The packages the main window's services reach; everything under them is imported.
_CORE_PACKAGES = ("storage", "sync", "reports", "services")

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _core_modules() -> list[str]:
    names: list[str] = []
    for package in _CORE_PACKAGES:
        module = importlib.import_module(f"consultdesk.{package}")
        prefix = module.__name__ + "."
        names.extend(info.name for info in pkgutil.walk_packages(module.__path__, prefix))
    return names


def _load() -> None:
    for name in _core_modules():
        if ".migrations." in name:
            continue  # Alembic reads these itself, by file
        try:
            importlib.import_module(name)
        except Exception:  # a module that fails here fails again, with its message, where used
            logging.getLogger(__name__).debug("preload of %s failed", name, exc_info=True)


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
