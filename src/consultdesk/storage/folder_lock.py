"""The data folder's lock and file modes are consultdesk.folder_lock (beside the layers, so the
window can take the folder before the database layer loads); storage uses them under this name."""

from __future__ import annotations

from consultdesk.folder_lock import (
    FILE_MODE,
    FOLDER_MODE,
    FolderLock,
    acquire,
    is_held_here,
    private_file,
    private_folder,
    release,
)

__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "FolderLock",
    "acquire",
    "is_held_here",
    "private_file",
    "private_folder",
    "release",
]
