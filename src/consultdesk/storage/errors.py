"""The storage errors a person can act on. The classes are the domain's (domain/errors.py), so a
screen catches them without importing storage; storage raises them under these names."""

from __future__ import annotations

from consultdesk.domain.errors import (
    DatabaseBusy,
    DatabaseExists,
    DatabaseLocked,
    DatabaseMissing,
    DiskFull,
    FolderInUse,
    MigrationFailed,
    StorageError,
    WrongPassphrase,
)

__all__ = [
    "DatabaseBusy",
    "DatabaseExists",
    "DatabaseLocked",
    "DatabaseMissing",
    "DiskFull",
    "FolderInUse",
    "MigrationFailed",
    "StorageError",
    "WrongPassphrase",
]
