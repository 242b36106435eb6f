"""Change the database passphrase: a backup first, then SQLCipher's rekey.

The backup (in the data folder's backups/) keeps the old passphrase: it is what to restore, with
the old passphrase, if the new one is ever lost. The rekey itself is one SQLite transaction, so
an interrupted change leaves either the old or the new passphrase working, never neither.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from consultdesk.domain.passphrase import validate_new_passphrase
from consultdesk.domain.problems import Problem, ValidationFailed
from consultdesk.services import backup
from consultdesk.services.workspace import Workspace
from consultdesk.storage import database, folder_lock


def change_passphrase(
    data_dir: Path,
    passphrase: str,
    new_passphrase: str,
    again: str,
    rekeying: Callable[[Path], None] | None = None,
) -> Path:
    """Returns the backup taken first. ``rekeying`` is told (with the backup's path) just
    before the database is re-encrypted."""
    _check(passphrase, new_passphrase, again)
    with folder_lock.FolderLock(data_dir):
        ws = Workspace.unlock(data_dir, passphrase)
        try:
            kept = backup.backup_now(ws)
            with ws.db.session() as s:
                s.add(ws.audit("change_passphrase", "database", kept.name, None))
        finally:
            ws.close()
        if rekeying is not None:
            rekeying(kept)
        database.rekey(Workspace.database_path(data_dir), passphrase, new_passphrase)
    return kept


def _check(passphrase: str, new_passphrase: str, again: str) -> None:
    problems = validate_new_passphrase(new_passphrase, again)
    if new_passphrase == passphrase:
        problems.append(
            Problem("passphrase", "passphrase_unchanged", {}, "The new passphrase is the same.")
        )
    if problems:
        raise ValidationFailed(problems)


def change_open_passphrase(ws: Workspace, passphrase: str, new_passphrase: str, again: str) -> Path:
    """The same change for the open app (the settings dialog): the current passphrase is
    checked, a backup made under it, then the app's connections are closed (each holds the old
    key) for the rekey, and the database is opened again with the new passphrase; if the rekey
    fails, with the old one. Raises ValidationFailed or WrongPassphrase before anything is
    changed. Returns the backup."""
    _check(passphrase, new_passphrase, again)
    ws.db.unlock(passphrase)  # WrongPassphrase when it is not the current one
    with folder_lock.FolderLock(ws.data_dir):
        kept = backup.backup_now(ws)
        with ws.db.session() as s:
            s.add(ws.audit("change_passphrase", "database", kept.name, None))
        ws.db.lock()
        try:
            database.rekey(ws.db.path, passphrase, new_passphrase)
        except BaseException:
            ws.db.unlock(passphrase)
            raise
        ws.db.unlock(new_passphrase)
    return kept
