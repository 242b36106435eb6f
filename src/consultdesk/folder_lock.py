"""One ConsultDesk per data folder, and the folder's file modes.

Two apps on one folder share one device id and stamp identical clocks, which breaks sync's
ordering. So whoever opens the database (the window, or a headless command, all of
which write) first takes an exclusive lock on the data folder; a second process is refused at
once with ``FolderInUse``. The lock is the operating system's (flock on the folder itself on
Linux and macOS, so no lock file is left behind; a locked byte of a lock file on Windows): a
process that dies, even by SIGKILL, releases it.

Within one process the lock is shared (the window rebuilt for a language change, tests that
open a folder twice): it counts its holders.

Beside the layers, like paths.py: the window takes the folder (and makes its log files private)
before any database is opened, and storage and the services use the same lock and modes.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

from consultdesk.domain.errors import FolderInUse

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_LOCK_FILE = "consultdesk.lock"  # Windows only

_guard = threading.Lock()
_held: dict[Path, tuple[int, int]] = {}  # folder -> (fd, holders)


def private_folder(folder: Path) -> Path:
    """Make (or tighten) a folder only its owner may enter."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    private_file(folder, FOLDER_MODE)
    return folder


def private_file(path: Path, mode: int = FILE_MODE) -> None:
    """Owner-only permissions where the file system keeps them (not on FAT or some shares)."""
    try:
        if path.exists() and (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def _lock_posix(folder: Path) -> int:
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise FolderInUse(folder) from None
    except OSError:  # a file system without locks: better to open than to refuse
        return fd
    return fd


def _lock_windows(folder: Path) -> int:  # pragma: no cover - exercised on Windows only
    import msvcrt

    fd = os.open(folder / _LOCK_FILE, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        os.close(fd)
        raise FolderInUse(folder) from None
    return fd


def acquire(folder: Path) -> Path:
    """Take the data folder for this process (creating it, owner-only). Raises FolderInUse
    when another process has it."""
    folder = private_folder(folder).resolve()
    with _guard:
        if folder in _held:
            fd, holders = _held[folder]
            _held[folder] = (fd, holders + 1)
            return folder
        fd = _lock_windows(folder) if sys.platform == "win32" else _lock_posix(folder)
        _held[folder] = (fd, 1)
    return folder


def release(folder: Path) -> None:
    folder = folder.resolve()
    with _guard:
        if folder not in _held:
            return
        fd, holders = _held[folder]
        if holders > 1:
            _held[folder] = (fd, holders - 1)
            return
        del _held[folder]
        os.close(fd)  # closing the descriptor releases the lock


def is_held_here(folder: Path) -> bool:
    with _guard:
        return folder.resolve() in _held


class FolderLock:
    """``with FolderLock(folder):`` holds the folder for the block."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> FolderLock:
        self.folder = acquire(self.folder)
        return self

    def __exit__(self, *_exc: Any) -> None:
        release(self.folder)
