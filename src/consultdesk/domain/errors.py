"""What can go wrong with the local database that a person can act on: a wrong passphrase, a full
disk, the data folder open in another window. Each has a stable code the UI translates.

Storage raises them (consultdesk.storage.errors names the same classes for it); they live here so
that a screen can catch and word them without importing the storage layer.
"""

from __future__ import annotations


class StorageError(Exception):
    code = "storage_error"


class WrongPassphrase(StorageError):
    code = "wrong_passphrase"

    def __init__(self) -> None:
        super().__init__(
            "The passphrase is wrong, or the file is not a ConsultDesk database. "
            "Nothing was changed."
        )


class DatabaseMissing(StorageError):
    code = "database_missing"


class DatabaseExists(StorageError):
    code = "database_exists"


class MigrationFailed(StorageError):
    code = "migration_failed"


class DiskFull(StorageError):
    code = "disk_full"

    def __init__(self) -> None:
        super().__init__("The disk is full. Free some space; nothing you typed was lost.")


class DatabaseBusy(StorageError):
    code = "database_busy"

    def __init__(self) -> None:
        super().__init__(
            "Another program is writing to the database and did not finish within 5 seconds "
            "(is ConsultDesk open twice on this folder?). Nothing was changed; try again."
        )


class FolderInUse(StorageError):
    code = "folder_in_use"

    def __init__(self, folder: object) -> None:
        super().__init__(
            f"ConsultDesk is already open on {folder} (another window or a command). Close it "
            "there first; two copies on one data folder would mix up the team's changes."
        )
        self.context = {"path": str(folder)}


class DatabaseLocked(StorageError):
    code = "database_locked"

    def __init__(self) -> None:
        super().__init__("ConsultDesk is locked. Unlock it with the passphrase to continue.")
